import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("The shipped common-password list")
struct CommonPasswordListTests {
    @Test("It loads whole and holds the passwords attackers try first")
    func loads() throws {
        let list = try CommonPasswordList.load()
        #expect(list.count > 19_000)
        for password in ["123456", "password", "qwerty", "iloveyou", "password123"] {
            #expect(list.contains(password), "\(password) should be refused")
        }
        #expect(!list.contains("purple tractor lamp"))
    }

    @Test("Staff accounts cannot be given a common password", arguments: TestDatabase.available)
    func staffRefuseCommon(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            let staff = StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4), commonPasswords: try CommonPasswordList.load())
            await #expect(throws: StaffAccountRepository.CreateError.weakPassword(.tooCommon)) {
                try await staff.create(StaffAccount(councilID: council.id, email: "c@testshire.example", displayName: "C", role: .advisor),
                                       password: "Password123")
            }
            #expect(try await staff.find(email: "c@testshire.example", councilID: council.id) == nil)
        }
    }
}
