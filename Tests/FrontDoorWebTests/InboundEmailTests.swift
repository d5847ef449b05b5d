import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Email in: the inbound webhook, cases from email, replies and automatic mail")
struct InboundEmailTests {
    static let key = "inbound-test-key-0123456789abcdef"
    static let path = "/api/v1/inbound-email"
    static let margaret = DemoCouncil.customers[0]

    static func post(_ client: any TestClientProtocol, authorization: String?, fields: [(String, String)],
                     files: [BrowserLikeClient.FilePart] = []) async throws -> TestResponse {
        let (body, contentType) = BrowserLikeClient.multipart(fields, files: files)
        return try await send(client, authorization: authorization, body: body, contentType: contentType)
    }

    static func send(_ client: any TestClientProtocol, authorization: String?, body: ByteBuffer, contentType: String) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let authorization { headers[.authorization] = authorization }
        return try await client.execute(uri: path, method: .post, headers: headers, body: body)
    }

    static func basic(_ password: String) -> String {
        "Basic " + Data("mail-service:\(password)".utf8).base64EncodedString()
    }

    struct Reply: Decodable {
        var outcome: String
        var reference: String?
        var acknowledged: Bool?
        var reason: String?
    }

    struct Errors: Decodable {
        struct Item: Decodable { var field: String; var message: String }
        var errors: [Item]
    }

    static func count(_ table: String, _ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n ?? -1
    }

    static func notifications(caseID: UUID, _ database: Database) async throws -> [StoredNotification] {
        struct ID: Decodable { var id: UUID }
        let ids = try await database.sql.select().column("id").from("notifications").where("case_id", .equal, caseID)
            .orderBy("created_at").all(decoding: ID.self)
        var found: [StoredNotification] = []
        for id in ids { if let one = try await NotificationOutbox(database: database).find(id: id.id) { found.append(one) } }
        return found
    }

    static func contacts(caseServiceID: UUID, _ database: Database) async throws -> [(outcome: String, demand: String, customer: UUID?)] {
        struct Row: Decodable { var outcome: String; var demand: String; var customer_id: UUID? }
        return try await database.sql.select().columns("outcome", "demand", "customer_id").from("contacts").where("channel", .equal, "email")
            .where("service_id", .equal, caseServiceID).orderBy("recorded_at").all(decoding: Row.self).map { ($0.outcome, $0.demand, $0.customer_id) }
    }

    static func intake(_ database: Database) throws -> EmailIntake {
        EmailIntake(database: database, storage: LocalFolderStorage(folder: NSTemporaryDirectory() + "fd-inbound-\(UUID().uuidString)"),
                    bankHolidays: try ShippedBankHolidays.load(),
                    requestLink: { council, reference in "https://frontdoor.example/c/\(council.slug.value)/account/requests/\(reference)" })
    }

    static func raw(from: String, to: String, subject: String, body: String, headers: [String] = []) -> Data {
        Data((["From: " + from, "To: " + to, "Subject: " + subject, "Date: Tue, 24 Nov 2026 09:00:00 +0000"] + headers
              + ["Content-Type: text/plain; charset=utf-8", "", body, ""]).joined(separator: "\r\n").utf8)
    }

    @Test("An email posted by an inbound-mail service opens a case for the service its address names, keeps its files, and is acknowledged with the reference in reply",
          arguments: TestDatabase.available)
    func webhookOpensACase(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind, configure: { $0.inboundEmailKey = Self.key }) { browser, database in
            let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 64))
            let fields = [("from", "Ann Example <ann@example.org>"), ("to", "missed-bin@kingsmere.example"),
                          ("subject", "Bin not collected"), ("text", "My green bin was missed on Monday.\n\nAnn"),
                          ("headers", "Message-ID: <m1@example.org>\r\nX-Mailer: Phone")]
            let response = try await Self.post(browser.client, authorization: Self.basic(Self.key), fields: fields,
                                               files: [.init(field: "attachment1", fileName: "photo.jpg", contentType: "image/jpeg", data: photo)])
            #expect(response.status == .ok)
            let reply = try JSONDecoder().decode(Reply.self, from: Data(buffer: response.body))
            #expect(reply.outcome == "opened" && reply.acknowledged == true)
            let reference = try unwrap(reply.reference.flatMap(CaseReference.init))
            let opened = try unwrap(try await CaseRepository(database: database).find(reference: reference, councilID: DemoCouncil.council.id))
            let missedBin = try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            #expect(opened.serviceID == missedBin.id && opened.channel == .email && opened.submissionID == nil)
            // Someone new gets a record of their own (no account), found by search like anyone else.
            let ann = try unwrap(try await CustomerSearchIndex(database: database).search("ann@example.org", councilID: DemoCouncil.council.id).first)
            #expect(opened.customerID == ann.id && opened.guestEmail == nil)
            #expect(ann.name == "Ann Example" && ann.email == "ann@example.org" && !ann.hasAccount)
            // The acknowledgement is the email standard's answer: the case counts as acknowledged.
            #expect(opened.status == .submitted && opened.acknowledgedAt != nil)
            let first = try unwrap(try await CaseRepository(database: database).events(caseID: opened.id, includingInternal: true).first)
            #expect(first.actorName == "Ann Example" && first.text.contains("My green bin was missed on Monday.") && first.visibility == .public)
            let contacts = try await Self.contacts(caseServiceID: missedBin.id, database)
            #expect(contacts.count == 1 && contacts[0].outcome == "case-raised" && contacts[0].demand == "value" && contacts[0].customer == ann.id)

            let acknowledgement = try unwrap(try await Self.notifications(caseID: opened.id, database).first)
            #expect(acknowledgement.event == .caseReceived && acknowledgement.channel == .email && acknowledgement.recipient == "ann@example.org")
            #expect(acknowledgement.subject.contains(reference.description) && acknowledgement.body.contains("Ann Example"))
            #expect(acknowledgement.inReplyTo == "m1@example.org")

            // The file is on the case for staff, as a download.
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let page = try await browser.get("/staff/cases/" + reference.description).text
            #expect(page.contains("photo.jpg") && page.contains("sent by email"))
            let link = try unwrap(page.firstMatch(of: /href="([^"]*\/files\/[^"]+)"/).map { String($0.output.1) })
            let download = try await browser.get(link)
            #expect(download.status == .ok && Data(buffer: download.body) == photo)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)

            // Registering later with the same address brings the emailed request into My Account.
            let resident = BrowserLikeClient(browser.client)
            try await ResidentJourney.register(resident, name: "Ann Example", email: "ann@example.org")
            let finish = try await ResidentJourney.link(to: "ann@example.org", in: database)
            try await resident.postForm("/account/reset-password", [("token", ResidentJourney.token(in: finish)), ("password", "ann picks this one")])
            let signedIn = try await resident.postForm("/account/sign-in", [("email", "ann@example.org"), ("password", "ann picks this one")])
            #expect(signedIn.headers[.location] == "/account")
            #expect(try await resident.get("/account/requests").text.contains(reference.description))

            // The mail service retries when unsure: the same message again changes nothing.
            let again = try await Self.post(browser.client, authorization: "Bearer " + Self.key, fields: fields)
            #expect(try JSONDecoder().decode(Reply.self, from: Data(buffer: again.body)).outcome == "already-received")
            #expect(try await Self.count("inbound_emails", database) == 1)
            #expect(try await Self.contacts(caseServiceID: missedBin.id, database).count == 1)
        }
    }

    @Test("Bad posts get a JSON error naming the problem with the right status, and create nothing", arguments: TestDatabase.available)
    func badPosts(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind, configure: { $0.inboundEmailKey = Self.key }) { browser, database in
            let casesBefore = try await Self.count("cases", database)
            let good = [("from", "ann@example.org"), ("to", "contact@kingsmere.example"), ("subject", "Hello"), ("text", "A question")]
            let wrongKey = try await Self.post(browser.client, authorization: "Bearer not-the-key-at-all-0000000000", fields: good)
            #expect(wrongKey.status == .unauthorized && wrongKey.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            #expect(try await Self.post(browser.client, authorization: nil, fields: good).status == .unauthorized)
            #expect(try await Self.post(browser.client, authorization: Self.basic("wrong"), fields: good).status == .unauthorized)

            let plain = try await Self.send(browser.client, authorization: "Bearer " + Self.key, body: ByteBuffer(string: "hello"), contentType: "text/plain")
            #expect(plain.status == .unsupportedMediaType)
            let broken = try await Self.send(browser.client, authorization: "Bearer " + Self.key, body: ByteBuffer(string: "no boundary here"),
                                             contentType: "multipart/form-data; boundary=abc")
            #expect(broken.status == .badRequest)

            let noSender = try await Self.post(browser.client, authorization: "Bearer " + Self.key, fields: [("to", "contact@kingsmere.example"), ("text", "x")])
            #expect(noSender.status == .unprocessableContent)
            #expect(try JSONDecoder().decode(Errors.self, from: Data(buffer: noSender.body)).errors.map(\.field) == ["from"])
            let elsewhere = try await Self.post(browser.client, authorization: "Bearer " + Self.key,
                                                fields: [("from", "ann@example.org"), ("to", "someone@elsewhere.example"), ("text", "x")])
            #expect(elsewhere.status == .unprocessableContent)
            #expect(try JSONDecoder().decode(Errors.self, from: Data(buffer: elsewhere.body)).errors.first?.message.contains("someone@elsewhere.example") == true)

            // Form data urlencoded works the same as multipart.
            let urlencoded = good.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            let viaForm = try await Self.send(browser.client, authorization: "Bearer " + Self.key, body: ByteBuffer(string: urlencoded),
                                              contentType: "application/x-www-form-urlencoded")
            #expect(viaForm.status == .ok)
            #expect(try await Self.count("cases", database) == casesBefore + 1)
            #expect(try await Self.count("inbound_emails", database) == 1)
        }
    }

    @Test("Without INBOUND_EMAIL_KEY the webhook is off and says so")
    func webhookOff() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await Self.post(browser.client, authorization: "Bearer " + Self.key,
                                               fields: [("from", "ann@example.org"), ("to", "contact@kingsmere.example")])
            #expect(response.status == .notFound && response.text.contains("INBOUND_EMAIL_KEY"))
        }
    }

    @Test("A reply joins its case by answering our email or by the reference; the customer's answer restarts the clock; quoted text is left out",
          arguments: TestDatabase.available)
    func repliesJoinTheirCase(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { _, database in
            let intake = try Self.intake(database)
            let first = InboundEmail.parse(Self.raw(from: "Margaret Okafor <Margaret.Okafor@residents.example>", to: "Customer Services <contact@kingsmere.example>",
                                                    subject: "Question about my council tax", body: "Can I pay monthly?",
                                                    headers: ["Message-ID: <q1@residents.example>"]))
            guard case .opened(let reference, .acknowledge) = try await intake.receive(first) else { Issue.record("not opened"); return }
            let cases = CaseRepository(database: database)
            var item = try unwrap(try await cases.find(reference: reference, councilID: DemoCouncil.council.id))
            let general = try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode("general-enquiry")!, councilID: DemoCouncil.council.id))
            #expect(item.serviceID == general.id && item.customerID == Self.margaret.id && item.guestEmail == nil)
            // She wrote by email, so the answer goes to her email (though her letters preference stands for the rest).
            let acknowledgement = try unwrap(try await Self.notifications(caseID: item.id, database).first)
            #expect(acknowledgement.recipient == "margaret.okafor@residents.example" && acknowledgement.customerID == Self.margaret.id)

            let progress = CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            guard case .saved(let waiting) = try await progress.apply(.askCustomer, to: item, council: DemoCouncil.council, seenVersion: item.version,
                                                                    by: .init(id: nil, name: "Sam Patel"), message: "Which account number?", at: Date()) else {
                Issue.record("not moved"); return
            }
            item = waiting
            let answer = InboundEmail.parse(Self.raw(
                from: "margaret.okafor@residents.example", to: "contact@kingsmere.example", subject: "Re: your question",
                body: "It is 4411 2290.\n\nOn Tue, 24 Nov 2026 at 09:05, Kingsmere <noreply@kingsmere.example> wrote:\n> We have your request\n> Dear Margaret",
                headers: ["Message-ID: <q2@residents.example>", "In-Reply-To: <\(acknowledgement.id.uuidString.lowercased())@kingsmere.example>"]))
            #expect(try await intake.receive(answer) == .joined(reference))
            item = try unwrap(try await cases.find(id: item.id, councilID: DemoCouncil.council.id))
            #expect(item.status == .inProgress)
            let latest = try unwrap(try await cases.events(caseID: item.id, includingInternal: false).last)
            #expect(latest.text == "Email: It is 4411 2290." && latest.actorName == "Margaret Okafor" && latest.toStatus == .inProgress)

            // Chasing by the reference in the subject: the case stays as it is, the contact is failure demand.
            let chase = InboundEmail.parse(Self.raw(from: "margaret.okafor@residents.example", to: "contact@kingsmere.example",
                                                    subject: "Any news on \(reference)?", body: "Still waiting.", headers: ["Message-ID: <q3@residents.example>"]))
            #expect(try await intake.receive(chase) == .joined(reference))
            #expect(try await cases.find(id: item.id, councilID: DemoCouncil.council.id)?.status == .inProgress)
            #expect(try await cases.events(caseID: item.id, includingInternal: false).last?.text == "Email: Still waiting.")

            // Someone else quoting the reference reaches the officers only.
            let stranger = InboundEmail.parse(Self.raw(from: "nosy@example.net", to: "contact@kingsmere.example",
                                                       subject: "About \(reference)", body: "Tell me about this.", headers: ["Message-ID: <s1@example.net>"]))
            #expect(try await intake.receive(stranger) == .joined(reference))
            let all = try await cases.events(caseID: item.id, includingInternal: true)
            #expect(all.last?.visibility == .internal && all.last?.text.contains("nosy@example.net") == true)
            #expect(try await cases.events(caseID: item.id, includingInternal: false).last?.text == "Email: Still waiting.")

            let demands = try await Self.contacts(caseServiceID: general.id, database).map(\.demand)
            #expect(demands == ["value", "value", "failure", "failure"])
            // Only the first email was acknowledged: replies are not answered automatically.
            #expect(try await Self.notifications(caseID: item.id, database).filter { $0.event == .caseReceived }.count == 1)
        }
    }

    @Test("Automatic mail is kept but never answered, our own domain is never answered, and one sender's flood stops being acknowledged",
          arguments: TestDatabase.available)
    func automaticMailIsNotAnswered(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { _, database in
            let intake = try Self.intake(database)
            guard case .opened(let reference, .acknowledge) = try await intake.receive(InboundEmail.parse(Self.raw(
                from: "ann@example.org", to: "pothole@kingsmere.example", subject: "Pothole on Mill Lane", body: "Deep one outside number 4.",
                headers: ["Message-ID: <p1@example.org>"]))) else { Issue.record("not opened"); return }
            let item = try unwrap(try await CaseRepository(database: database).find(reference: reference, councilID: DemoCouncil.council.id))
            let acknowledgement = try unwrap(try await Self.notifications(caseID: item.id, database).first)
            let casesBefore = try await Self.count("cases", database)

            let outOfOffice = InboundEmail.parse(Self.raw(
                from: "ann@example.org", to: "pothole@kingsmere.example", subject: "Out of office: We have your request \(reference)",
                body: "I am away until Monday.", headers: ["Message-ID: <ooo1@example.org>", "Auto-Submitted: auto-replied",
                                                          "In-Reply-To: <\(acknowledgement.id.uuidString.lowercased())@kingsmere.example>"]))
            #expect(try await intake.receive(outOfOffice) == .setAside("Auto-Submitted: auto-replied", reference))
            let note = try unwrap(try await CaseRepository(database: database).events(caseID: item.id, includingInternal: true).last)
            #expect(note.visibility == .internal && note.text.contains("Automatic email"))

            let bounce = InboundEmail.parse(Self.raw(from: "MAILER-DAEMON@mx.example.net", to: "contact@kingsmere.example",
                                                     subject: "Undelivered Mail Returned to Sender", body: "550 no such user",
                                                     headers: ["Return-Path: <>", "Message-ID: <b1@mx.example.net>"]))
            guard case .setAside(_, nil) = try await intake.receive(bounce) else { Issue.record("bounce not set aside"); return }
            #expect(try await Self.count("cases", database) == casesBefore)
            #expect(try await Self.notifications(caseID: item.id, database).count == 1)

            let ourselves = InboundEmail.parse(Self.raw(from: "desk@kingsmere.example", to: "contact@kingsmere.example", subject: "Test",
                                                        body: "Testing the inbox", headers: ["Message-ID: <own1@kingsmere.example>"]))
            guard case .opened(_, .stayQuiet(let why)) = try await intake.receive(ourselves) else { Issue.record("own domain answered"); return }
            #expect(why.contains("own mail domain"))

            // Ann's first email was acknowledged; four more are, then the flood is only recorded.
            var decisions: [AcknowledgementPolicy.Decision] = []
            for number in 2...6 {
                if case .opened(_, let decision) = try await intake.receive(InboundEmail.parse(Self.raw(
                    from: "ann@example.org", to: "contact@kingsmere.example", subject: "Message \(number)", body: "Text \(number)",
                    headers: ["Message-ID: <flood\(number)@example.org>"]))) { decisions.append(decision) }
            }
            #expect(decisions.prefix(4).allSatisfy { $0 == .acknowledge })
            #expect(decisions.count == 5 && decisions.last != .acknowledge)
        }
    }
}
