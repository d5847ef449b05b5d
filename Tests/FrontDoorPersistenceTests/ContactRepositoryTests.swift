import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("The contact register")
struct ContactRepositoryTests {
    @Test("Unknown callers are the unlinked contacts on staff channels; a guest's online request is nobody's call",
          arguments: TestDatabase.available)
    func unknownCallers(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil(slug: "register")
            try await CouncilRepository(database: database).create(council)
            let contacts = ContactRepository(database: database)
            func contact(_ channel: Contact.Channel, minutesAgo: Double) -> Contact {
                Contact(councilID: council.id, customerID: nil, channel: channel, serviceID: nil, outcome: .caseRaised, demand: .value,
                        durationMinutes: nil, notes: "", staffID: nil, staffName: "The customer", recordedAt: Date(timeIntervalSinceNow: -minutesAgo * 60))
            }
            let call = contact(.phone, minutesAgo: 5), letter = contact(.post, minutesAgo: 1), guest = contact(.online, minutesAgo: 3)
            for made in [call, letter, guest] { try await contacts.record(made) }
            #expect(try await contacts.unlinked(councilID: council.id).map(\.id) == [letter.id, call.id])
            #expect(try await contacts.find(id: guest.id, councilID: council.id)?.channel == .online, "kept in the register all the same")
        }
    }
}
