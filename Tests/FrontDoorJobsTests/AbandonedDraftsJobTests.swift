import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import Testing

@Suite("Forms started and left are cleared away")
struct AbandonedDraftsJobTests {
    @Test("A draft untouched for thirty days goes; one touched since stays", arguments: TestDatabase.available)
    func clears(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let service = try #require(try await ServiceRepository(database: database)
                .find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            let drafts = FormDraftRepository(database: database)
            let now = Date()
            let customer = DemoCouncil.customers[0].id
            let old = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: 1,
                                             filler: .resident(customerID: customer), channel: .online, at: now.addingTimeInterval(-31 * 86_400))
            let recent = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: 1,
                                                filler: .resident(customerID: customer), channel: .online, at: now.addingTimeInterval(-31 * 86_400))
            try await drafts.saveAnswers(FormSubmission(["bin": ["food"]]), draftID: recent.id, at: now.addingTimeInterval(-29 * 86_400))
            let storage = LocalFolderStorage(folder: NSTemporaryDirectory() + "frontdoor-attachments-" + UUID().uuidString)
            try await AbandonedDraftsJob(attachments: AttachmentRepository(database: database, storage: storage), now: { now })
                .run(logger: Logger(label: "test"))
            #expect(try await drafts.find(id: old.id) == nil)
            #expect(try await drafts.find(id: recent.id)?.answers.values["bin"] == ["food"])
        }
    }
}
