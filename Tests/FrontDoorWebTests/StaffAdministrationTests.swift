import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Staff administration: invitations, roles, teams and the two-factor switch")
struct StaffAdministrationTests {
    /// The demo deployment with its administrator signed in.
    func withAdmin(_ kind: TestDatabase, _ body: @escaping @Sendable (BrowserLikeClient, Database) async throws -> Void) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await signInAsAdministrator(browser)
            try await body(browser, database)
        }
    }

    func teamID(named name: String, in database: Database) async throws -> UUID {
        try #require(try await TeamRepository(database: database).all(councilID: DemoCouncil.council.id).first { $0.name == name }?.id)
    }

    @Test("An invitation by email becomes an account with the chosen role and teams, once", arguments: TestDatabase.available)
    func inviteAndAccept(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { admin, database in
            #expect(try await admin.get("/staff").text.contains(#"href="/staff/people""#))
            try await admin.postForm("/staff/teams", [("name", "Trading standards")])
            let waste = try await teamID(named: "Trading standards", in: database)
            let sent = try await admin.postForm("/staff/people/invite", [("name", "Priya Shah"), ("email", "Priya.Shah@kingsmere.example"),
                                                                         ("role", "back-office-officer"), ("teams", waste.uuidString)])
            #expect(sent.status == .seeOther)
            #expect(try await admin.get(try #require(sent.headers[.location])).text.contains("priya.shah@kingsmere.example"))

            let link = try await ResidentJourney.link(to: "priya.shah@kingsmere.example", in: database)
            #expect(link.hasPrefix("/staff/invitation?token="))
            let priya = BrowserLikeClient(admin.client)
            let page = try await priya.get(link)
            #expect(page.status == .ok && page.text.contains("Back-office officer"))
            let weak = try await priya.postForm("/staff/invitation", [("token", ResidentJourney.token(in: link)), ("password", "short")])
            #expect(weak.status == .unprocessableContent && weak.text.contains("Password must be 8 characters or more"))
            let accepted = try await priya.postForm("/staff/invitation", [("token", ResidentJourney.token(in: link)), ("password", "priya's own passphrase")])
            #expect(accepted.headers[.location] == "/staff/sign-in?invitation-accepted=1")
            let again = try await priya.postForm("/staff/invitation", [("token", ResidentJourney.token(in: link)), ("password", "another passphrase")])
            #expect(again.status == .gone && again.text.contains("This invitation has already been used"))

            let signedIn = try await priya.postForm("/staff/sign-in", [("email", "priya.shah@kingsmere.example"), ("password", "priya's own passphrase")])
            #expect(signedIn.headers[.location] == "/staff")
            let account = try #require(try await StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(email: "priya.shah@kingsmere.example", councilID: DemoCouncil.council.id))
            #expect(account.role == .backOfficeOfficer)
            #expect(try await TeamRepository(database: database).teamIDs(of: account.id) == [waste])
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.contains(.staffInvited) && kinds.contains(.invitationAccepted) && kinds.contains(.teamCreated))
        }
    }

    @Test("Inviting with missing answers, or someone already on the staff, is refused by field")
    func inviteErrors() async throws {
        try await withAdmin(.sqlite) { admin, database in
            let empty = try await admin.postForm("/staff/people/invite", [])
            #expect(empty.status == .unprocessableContent)
            for message in ["Enter their full name", "Enter their work email address", "Select their role"] {
                #expect(empty.text.contains(message), "missing: \(message)")
            }
            let existing = try await admin.postForm("/staff/people/invite", [("name", "Sam"), ("email", "advisor@kingsmere.example"), ("role", "advisor")])
            #expect(existing.text.contains("This person already has a staff account"))
            #expect(try await EmailOutbox(database: database).entries(to: "advisor@kingsmere.example").isEmpty)
        }
    }

    @Test("A role change is audited with before and after, and teams take effect at the next request", arguments: TestDatabase.available)
    func changeRole(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { admin, database in
            try await admin.postForm("/staff/teams", [("name", "Highways")])
            let highways = try await teamID(named: "Highways", in: database)
            let staff = StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4))
            let advisor = try #require(try await staff.find(email: "advisor@kingsmere.example", councilID: DemoCouncil.council.id))
            #expect(try await admin.get("/staff/people/\(advisor.id)").text.contains("Sam Patel"))
            let saved = try await admin.postForm("/staff/people/\(advisor.id)", [("role", "team-lead"), ("teams", highways.uuidString)])
            #expect(saved.headers[.location] == "/staff/people?saved=1")
            #expect(try await staff.find(id: advisor.id)?.role == .teamLead)
            let events = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            #expect(events.contains { $0.kind == .roleChanged && $0.subject.contains("Advisor → Team lead") })
            #expect(events.contains { $0.kind == .teamsChanged })

            let samBrowser = BrowserLikeClient(admin.client)
            try await samBrowser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await samBrowser.get("/staff").text.contains("Team lead"))
        }
    }

    @Test("Administrators cannot change their own role, nor demote the last administrator")
    func roleGuards() async throws {
        try await withAdmin(.sqlite) { admin, database in
            let staff = StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4))
            let me = try #require(try await staff.find(email: "admin@kingsmere.example", councilID: DemoCouncil.council.id))
            let refused = try await admin.postForm("/staff/people/\(me.id)", [("role", "advisor")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("You cannot change your own role"))
            #expect(try await staff.find(id: me.id)?.role == .administrator)
            #expect(try await admin.get("/staff/people/\(UUID())").status == .notFound)
        }
    }

    @Test("Only the roles that may see staff administration do", arguments: [
        ("advisor@kingsmere.example", "/staff/people", HTTPResponse.Status.forbidden),
        ("advisor@kingsmere.example", "/staff/teams", .forbidden),
        ("manager@kingsmere.example", "/staff/teams", .ok),
        ("manager@kingsmere.example", "/staff/people", .forbidden),
        ("manager@kingsmere.example", "/staff/settings", .forbidden),
    ])
    func forbidden(email: String, path: String, status: HTTPResponse.Status) async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", email), ("password", DemoCouncil.password)])
            #expect(try await browser.get(path).status == status)
        }
    }

    @Test("Teams: names are required and unique in the council")
    func teams() async throws {
        try await withAdmin(.sqlite) { admin, _ in
            let empty = try await admin.postForm("/staff/teams", [("name", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Enter a team name"))
            #expect(try await admin.postForm("/staff/teams", [("name", "Revenues")]).headers[.location] == "/staff/teams?added=1")
            let duplicate = try await admin.postForm("/staff/teams", [("name", "revenues")])
            #expect(duplicate.status == .unprocessableContent && duplicate.text.contains("There is already a team called revenues"))
        }
    }

    @Test("The two-factor switch for all staff: an advisor then has to set up an authenticator", arguments: TestDatabase.available)
    func twoFactorSwitch(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { admin, database in
            let saved = try await admin.postForm("/staff/settings", [("two_factor", "all")])
            #expect(saved.headers[.location] == "/staff/settings?saved=1")
            #expect(try await admin.get("/staff/settings?saved=1").text.contains("Settings saved"))
            let advisor = BrowserLikeClient(admin.client)
            let signIn = try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(signIn.headers[.location] == "/staff/two-factor")
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.contains(.councilSettingChanged))
            let bad = try await admin.postForm("/staff/settings", [("two_factor", "nobody")])
            #expect(bad.status == .unprocessableContent)
        }
    }
}
