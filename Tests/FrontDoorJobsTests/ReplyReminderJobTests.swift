import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Reminders to customers who have not answered an officer's question")
struct ReplyReminderJobTests {
    @Test("A week into a wait the customer is reminded once, with the question; an answered one is not", arguments: TestDatabase.available)
    func remindsOnce(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let council = try unwrap(try await CouncilRepository(database: database).find(slug: DemoCouncil.council.slug))
            let progress = CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let asked = Date()
            func advance(_ item: Case, _ action: CaseAction, message: String = "", at now: Date) async throws -> Case {
                guard case .saved(let saved) = try await progress.apply(action, to: item, council: council, seenVersion: item.version,
                                                                      by: .init(id: nil, name: "Priya Shah"), message: message, at: now) else {
                    throw StoredDataError.unknownValue(table: "cases", column: "status", value: action.rawValue)
                }
                return saved
            }
            var waiting = try unwrap(try await sendStreetLightReport(database, at: asked))
            waiting = try await advance(waiting, .acknowledge, at: asked)
            waiting = try await advance(waiting, .askCustomer, message: "Which lamp post number is it?", at: asked)
            var answered = try unwrap(try await sendStreetLightReport(database, at: asked))
            answered = try await advance(answered, .acknowledge, at: asked)
            answered = try await advance(answered, .askCustomer, message: "Is it still out?", at: asked)
            _ = try await advance(answered, .customerReplied, at: asked.addingTimeInterval(3600))

            func run(daysLater days: Double) async throws {
                try await ReplyReminderJob(database: database, requestLink: { council, reference in "https://kingsmere.example/c/\(council.slug)/account/requests/\(reference)" },
                                           now: { asked.addingTimeInterval(days * 86_400) }).run(logger: TestLogger.make())
            }
            let outbox = NotificationOutbox(database: database)
            try await run(daysLater: 6)
            #expect(try await outbox.all(customerID: DemoCouncil.customers[0].id).isEmpty, "not a week yet")
            try await run(daysLater: 7.1)
            try await run(daysLater: 8)
            let reminders = try await outbox.all(customerID: DemoCouncil.customers[0].id).filter { $0.event == .replyReminder }
            #expect(reminders.count == 1 && reminders.first?.caseID == waiting.id)
            let reminder = try unwrap(reminders.first)
            #expect(reminder.body.contains("Which lamp post number is it?"))
            #expect(reminder.body.contains("https://kingsmere.example/c/kingsmere/account/requests/\(waiting.reference)"))
            #expect(try await JobQueue(database: database).counts()[.queued] == 1, "its sending job is queued with it")
        }
    }
}
