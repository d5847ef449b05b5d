import Crypto
import Foundation
import FrontDoorDomain
@testable import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Forms in progress, sending them, and their files")
struct FormDraftRepositoryTests {
    static let margaret = DemoCouncil.customers[0]

    static func flyTipping(_ database: Database) async throws -> (CouncilService, FormDefinition) {
        let service = try #require(try await ServiceRepository(database: database)
            .find(code: ServiceCode("fly-tipping")!, councilID: DemoCouncil.council.id))
        let form = try #require(try await ServiceFormRepository(database: database).latest(of: service.id))
        return (service, form)
    }

    /// A fresh attachment folder for one test.
    static func storage() -> LocalFolderStorage {
        LocalFolderStorage(folder: NSTemporaryDirectory() + "frontdoor-attachments-" + UUID().uuidString)
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 300)

    @Test("A draft keeps its answers between pages and opens for its filler's records only", arguments: TestDatabase.available)
    func drafts(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let (service, form) = try await Self.flyTipping(database)
            let drafts = FormDraftRepository(database: database)
            let started = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                                 filler: .staff(staffID: DemoCouncil.staff[1].id, forCustomerID: Self.margaret.id),
                                                 channel: .phone, at: Date())
            let answers = FormSubmission(["location-description": ["By the bus stop"], "waste": ["bags", "other"]])
            try await drafts.saveAnswers(answers, draftID: started.id, at: Date())
            let found = try #require(try await drafts.find(id: started.id))
            #expect(found.answers == answers)
            #expect(found.filler == .staff(staffID: DemoCouncil.staff[1].id, forCustomerID: Self.margaret.id))
            #expect(found.channel == .phone && found.formVersion == form.version)
            #expect(try await drafts.find(id: "no-such-draft") == nil)
            #expect(started.id.count >= 43, "256 random bits")
        }
    }

    @Test("Sending records the checked answers with the form version and the files the answers name; a second send makes nothing",
          arguments: TestDatabase.available)
    func sending(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let (service, form) = try await Self.flyTipping(database)
            let drafts = FormDraftRepository(database: database), files = AttachmentRepository(database: database, storage: Self.storage())
            let draft = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                               filler: .resident(customerID: Self.margaret.id), channel: .online, at: Date())
            // A replaced upload is not kept: the question holds one file.
            _ = try await files.attach(Data("%PDF-1.4 first".utf8), fileName: "first.pdf", contentType: "application/pdf",
                                       fieldID: "photo", to: draft, at: Date())
            let photo = try await files.attach(Self.png, fileName: "tip.png", contentType: "image/png", fieldID: "photo", to: draft, at: Date())
            var answers = FormSubmission([
                "location-description": ["Behind the shops"], "seen-on-day": ["20"], "seen-on-month": ["11"], "seen-on-year": ["2026"],
                "waste": ["bags"], "bags": ["3"], "seen-dumping": ["no"], "vehicle": ["AB12CDE"],
                "photo-name": ["tip.png"], "photo-size": [String(Self.png.count)], "photo-type": ["image/png"],
                "photo-attachment": [photo.id.uuidString]])
            try await drafts.saveAnswers(answers, draftID: draft.id, at: Date())
            answers = try #require(try await drafts.find(id: draft.id)).answers
            let reloaded = try #require(try await drafts.find(id: draft.id))
            let journey = FormJourney(form: form, submission: answers)
            let checked = form.check(answers)
            #expect(checked.isValid, "\(checked.problems)")

            let sent = try #require(try await drafts.submit(reloaded, answers: checked, asked: journey.questions, at: Date()))
            #expect(try await drafts.find(id: draft.id) == nil, "the draft is gone once sent")
            #expect(try await drafts.submit(reloaded, answers: checked, asked: journey.questions, at: Date()) == nil, "no second request")

            let stored = try #require(try await SubmittedFormRepository(database: database).find(id: sent.id, councilID: DemoCouncil.council.id))
            // Timestamps come back to the microsecond (PostgreSQL) or as a double (SQLite).
            #expect(abs(stored.submittedAt.timeIntervalSince(sent.submittedAt)) < 0.001)
            var sameTime = stored
            sameTime.submittedAt = sent.submittedAt
            #expect(sameTime == sent)
            #expect(stored.formVersion == form.version && stored.channel == .online && stored.customerID == Self.margaret.id)
            #expect(stored.answers["waste"] == .choices(["bags"]))
            #expect(stored.answers["vehicle"] == nil, "not asked when nobody was seen dumping")
            #expect(stored.answersAsTyped.values["vehicle"] == nil)
            #expect(try await SubmittedFormRepository(database: database).all(customerID: Self.margaret.id).map(\.id) == [sent.id])

            let kept = try await files.all(submissionID: sent.id)
            #expect(kept.map(\.fileName) == ["tip.png"])
            let (attachment, bytes) = try #require(try await files.file(id: photo.id, submissionID: sent.id))
            #expect(bytes == Self.png && attachment.byteCount == Self.png.count)
            #expect(attachment.sha256 == SHA256.hash(data: Self.png).map { String(format: "%02x", $0) }.joined())
            #expect(try await files.file(id: photo.id, submissionID: UUID()) == nil, "a file opens only with its own request")
        }
    }

    @Test("Drafts nobody has touched are cleared away with their files", arguments: TestDatabase.available)
    func untouched(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let (service, form) = try await Self.flyTipping(database)
            let drafts = FormDraftRepository(database: database), files = AttachmentRepository(database: database, storage: Self.storage())
            let old = Date(timeIntervalSinceNow: -40 * 86_400)
            let stale = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                               filler: .resident(customerID: Self.margaret.id), channel: .online, at: old)
            let photo = try await files.attach(Self.png, fileName: "a.png", contentType: "image/png", fieldID: "photo", to: stale, at: old)
            let fresh = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                               filler: .resident(customerID: Self.margaret.id), channel: .online, at: Date())
            try await files.deleteUntouchedDrafts(since: Date(timeIntervalSinceNow: -30 * 86_400))
            #expect(try await drafts.find(id: stale.id) == nil)
            #expect(try await drafts.find(id: fresh.id) != nil)
            #expect(try await files.file(id: photo.id, draftID: stale.id) == nil)
            #expect(try await files.storage.read(key: photo.id.uuidString.lowercased()) == nil, "the file itself is gone too")
        }
    }
}

@Suite("Attachment storage: a local folder")
struct LocalFolderStorageTests {
    @Test("Files are written whole, read back, replaced and deleted; a key cannot leave the folder")
    func folder() async throws {
        let storage = FormDraftRepositoryTests.storage()
        let key = UUID().uuidString.lowercased()
        try await storage.write(Data("first".utf8), key: key)
        try await storage.write(Data("second".utf8), key: key)
        #expect(try await storage.read(key: key) == Data("second".utf8))
        #expect(try storage.path(key).hasPrefix(storage.folder + "/" + key.prefix(2) + "/"))
        try await storage.delete(key: key)
        #expect(try await storage.read(key: key) == nil)
        try await storage.delete(key: key)
        await #expect(throws: LocalFolderStorage.UnsafeKey.self) { try await storage.write(Data(), key: "../../etc/passwd") }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: storage.folder).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }
}
