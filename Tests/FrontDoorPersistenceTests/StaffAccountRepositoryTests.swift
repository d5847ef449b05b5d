import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Staff accounts in the database")
struct StaffAccountRepositoryTests {
    let hasher = PasswordHasher(cost: 4)

    @Test("An account signs in with its password, in any letter case of its email", arguments: TestDatabase.available)
    func authenticates(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            let staff = StaffAccountRepository(database: database, hasher: hasher)
            let account = try await staff.create(StaffAccount(councilID: council.id, email: "Chris@Testshire.example",
                                                              displayName: "Chris Lee", role: .administrator),
                                                 password: "a long enough password")
            #expect(try await staff.authenticate(email: "CHRIS@testshire.example", councilID: council.id, password: "a long enough password") == account)
            #expect(try await staff.authenticate(email: "chris@testshire.example", councilID: council.id, password: "wrong password") == nil)
            #expect(try await staff.authenticate(email: "nobody@testshire.example", councilID: council.id, password: "a long enough password") == nil)
        }
    }

    @Test("The same email twice in one council is refused", arguments: TestDatabase.available)
    func duplicateEmailRefused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            let staff = StaffAccountRepository(database: database, hasher: hasher)
            try await staff.create(StaffAccount(councilID: council.id, email: "sam@testshire.example", displayName: "Sam", role: .advisor),
                                   password: "password one")
            await #expect(throws: StaffAccountRepository.CreateError.emailTaken("sam@testshire.example")) {
                try await staff.create(StaffAccount(councilID: council.id, email: "SAM@testshire.example", displayName: "Sam 2", role: .advisor),
                                       password: "password two")
            }
        }
    }

    @Test("Short passwords and implausible emails are refused before anything is stored", arguments: TestDatabase.available)
    func badInputRefused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            let staff = StaffAccountRepository(database: database, hasher: hasher)
            await #expect(throws: StaffAccountRepository.CreateError.weakPassword(.tooShort)) {
                try await staff.create(StaffAccount(councilID: council.id, email: "a@testshire.example", displayName: "A", role: .advisor), password: "short")
            }
            await #expect(throws: StaffAccountRepository.CreateError.invalidEmail("not-an-email")) {
                try await staff.create(StaffAccount(councilID: council.id, email: "not-an-email", displayName: "A", role: .advisor), password: "long enough")
            }
            #expect(try await staff.find(email: "a@testshire.example", councilID: council.id) == nil)
        }
    }

    @Test("Passwords are stored as bcrypt hashes, never as given", arguments: TestDatabase.available)
    func passwordsAreHashed(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            try await StaffAccountRepository(database: database, hasher: hasher)
                .create(StaffAccount(councilID: council.id, email: "h@testshire.example", displayName: "H", role: .manager), password: "plain text secret")
            let stored = try await database.sql.select().column("password_hash").from("staff_accounts").first()?
                .decode(column: "password_hash", as: String.self)
            #expect(stored?.hasPrefix("$2") == true)
            #expect(stored?.contains("plain text secret") == false)
        }
    }
}
