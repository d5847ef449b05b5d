import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The JSON integration API's writes: customers, contacts, cases and their updates, with idempotency keys")
struct IntegrationAPIWriteTests {
    static let allScopes: Set<ApiScope> = [.customersRead, .customersWrite, .casesRead, .casesWrite, .contactsRead, .contactsWrite, .servicesRead]

    static func post(_ client: any TestClientProtocol, _ path: String, key: String, json: String, idempotencyKey: String? = nil,
                     contentType: String = "application/json") async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer " + key, .contentType: contentType]
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    static func get(_ client: any TestClientProtocol, _ path: String, key: String) async throws -> TestResponse {
        try await IntegrationAPITests.get(client, path, key: key)
    }

    static func fields(_ response: TestResponse) throws -> [String] {
        ((try IntegrationAPITests.json(response)["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    static func count(_ table: String, _ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n ?? -1
    }

    static func issueKey(_ database: Database, scopes: Set<ApiScope> = allScopes) async throws -> String {
        try await ApiKeyRepository(database: database).issue(councilID: DemoCouncil.council.id, label: "housing system", scopes: scopes)
    }

    @Test("A customer is recorded once, read by id (with an ETag) and by email; a second record for the email is refused naming the first",
          arguments: TestDatabase.available)
    func customers(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let made = try await Self.post(browser.client, "/api/v1/customers", key: key, json: """
                {"name": " Ada Lovelace ", "email": "Ada@Example.org", "phone": "01632 960 001",
                 "address": {"line1": "1 High Street", "town": "Kingsmere", "postcode": "km1 1aa", "uprn": "100023336956"}}
                """)
            #expect(made.status == .created)
            let tag = try unwrap(made.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "an ETag is a quoted string, not percent-encoded: \(tag)")
            let document = try IntegrationAPITests.json(made)
            let id = try unwrap(document["id"] as? String)
            #expect(document["name"] as? String == "Ada Lovelace" && document["email"] as? String == "ada@example.org")
            #expect((document["address"] as? [String: Any])?["postcode"] as? String == "KM1 1AA")
            #expect(document["preferred_channel"] as? String == "email" && document["has_account"] as? Bool == false)
            let stored = try unwrap(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(id: UUID(uuidString: id)!, councilID: DemoCouncil.council.id))
            #expect(stored.address?.uprn?.value == "100023336956" && stored.phone == "01632 960 001")
            let found = try await CustomerSearchIndex(database: database).search("lovelace", councilID: DemoCouncil.council.id)
            #expect(found.contains { $0.id == stored.id }, "advisors find the record too")

            let read = try await IntegrationAPITests.get(browser.client, "/api/v1/customers/" + id, key: key, ifNoneMatch: tag)
            #expect(read.status == .notModified)
            for matching in ["*", "W/" + tag, "\"other\", " + tag] {
                let answer = try await IntegrationAPITests.get(browser.client, "/api/v1/customers/" + id, key: key, ifNoneMatch: matching)
                #expect(answer.status == .notModified, "If-None-Match: \(matching)")
            }
            let otherTag = try await IntegrationAPITests.get(browser.client, "/api/v1/customers/" + id, key: key, ifNoneMatch: "\"other\"")
            #expect(otherTag.status == .ok)
            let byEmail = try IntegrationAPITests.json(try await Self.get(browser.client, "/api/v1/customers?email=ADA%40example.org", key: key))
            #expect((byEmail["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])

            let again = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "A. Lovelace", "email": "ada@example.org"}"#)
            #expect(again.status == .conflict && again.text.contains(id))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "Mary Somerville", "email": "mary@example.org"}"#).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1 && statuses.filter { $0 == .conflict }.count == 4,
                    "five at once for one new address: one record, four told of it (\(statuses))")
            #expect(try await Self.get(browser.client, "/api/v1/customers/" + UUID().uuidString, key: key).status == .notFound)
            #expect(try await Self.get(browser.client, "/api/v1/customers/not-an-id", key: key).status == .notFound)
        }
    }

    @Test("A customer with every field wrong is refused with each field named, and nothing is recorded", arguments: TestDatabase.available)
    func customerProblems(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let before = try await Self.count("customers", database)
            let refused = try await Self.post(browser.client, "/api/v1/customers", key: key, json: """
                {"name": "  ", "email": "not an address", "phone": "\(String(repeating: "1", count: 41))",
                 "address": {"line1": "", "town": "Kingsmere", "postcode": "NOT A POSTCODE", "uprn": "12x"}}
                """)
            #expect(refused.status == .badRequest)
            #expect(Set(try Self.fields(refused)) == ["name", "email", "phone", "address.line1", "address.postcode", "address.uprn"])
            let unknownField = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "Ada", "shoe_size": 5}"#)
            #expect(unknownField.status == .badRequest, "a misspelt field is refused, not silently dropped")
            let missing = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"email": "ada@example.org"}"#)
            #expect(missing.status == .badRequest)
            #expect(try Self.fields(missing) == ["name"])
            #expect(try await Self.count("customers", database) == before)
        }
    }

    @Test("A contact another system handled is recorded against the customer and the service, and listed with theirs",
          arguments: TestDatabase.available)
    func contacts(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let customer = DemoCouncil.customers[0].id.uuidString.lowercased()
            let made = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: """
                {"customer_id": "\(customer)", "channel": "face-to-face", "outcome": "resolved-first-time", "demand": "failure",
                 "duration_minutes": 12, "notes": "Asked at the library when the bin would be collected", "service_code": "missed-bin",
                 "recorded_by": "Priya at Kingsmere Library"}
                """)
            #expect(made.status == .created)
            let document = try IntegrationAPITests.json(made)
            #expect(document["recorded_by"] as? String == "Priya at Kingsmere Library, by housing system")
            let id = try unwrap(document["id"] as? String)
            let stored = try await ContactRepository(database: database).all(customerID: DemoCouncil.customers[0].id, councilID: DemoCouncil.council.id)
            #expect(stored.contains { $0.id.uuidString.lowercased() == id && $0.channel == .faceToFace && $0.demand == .failure && $0.durationMinutes == 12 })
            let listed = try IntegrationAPITests.json(try await Self.get(browser.client, "/api/v1/contacts?customer_id=" + customer, key: key))
            #expect((listed["items"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
            #expect(try await Self.get(browser.client, "/api/v1/contacts/" + id, key: key).status == .ok)

            let before = try await Self.count("contacts", database)
            let refused = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: """
                {"customer_id": "\(UUID().uuidString)", "channel": "phone", "outcome": "signposted", "demand": "value",
                 "duration_minutes": 999, "service_code": "no-such-service"}
                """)
            #expect(refused.status == .badRequest)
            #expect(Set(try Self.fields(refused)) == ["customer_id", "duration_minutes", "service_code"])
            let badChannel = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: #"{"channel": "fax", "outcome": "signposted", "demand": "value"}"#)
            #expect(badChannel.status == .badRequest)
            #expect(try Self.fields(badChannel) == ["channel"])
            #expect(try await Self.count("contacts", database) == before)
            let unknownCaller = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: #"{"channel": "phone", "outcome": "signposted", "demand": "avoidable"}"#)
            #expect(unknownCaller.status == .created)
            let unknownCallerContact = try IntegrationAPITests.json(unknownCaller)
            #expect(unknownCallerContact["customer_id"] == nil || unknownCallerContact["customer_id"] is NSNull, "an unknown caller's contact waits to be linked")
        }
    }

    @Test("A case opened through the API is the case the form makes: checked by its rules (every problem at once), placed by UPRN, on its channel",
          arguments: TestDatabase.available)
    func cases(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let before = try await Self.count("cases", database)
            let refused = try await Self.post(browser.client, "/api/v1/cases", key: key, json: """
                {"service_code": "street-light", "answers": {"fault": "purple", "colour": "red"}, "requester": {"email": "nope"}}
                """)
            #expect(refused.status == .badRequest)
            #expect(Set(try Self.fields(refused)) == ["latitude", "answers.colour", "requester.email"])
            let wrongAnswer = try await Self.post(browser.client, "/api/v1/cases", key: key, json: """
                {"service_code": "street-light", "answers": {"fault": "purple"}, "latitude": 52.2, "longitude": -0.99}
                """)
            #expect(wrongAnswer.status == .badRequest)
            #expect(try Self.fields(wrongAnswer) == ["answers.fault"])
            let unknown = try await Self.post(browser.client, "/api/v1/cases", key: key, json: #"{"service_code": "no-such-service", "answers": {}}"#)
            #expect(unknown.status == .badRequest)
            #expect(try Self.fields(unknown) == ["service_code"])
            #expect(try await Self.count("cases", database) == before, "nothing half made")

            let made = try await Self.post(browser.client, "/api/v1/cases", key: key, json: """
                {"service_code": "street-light", "answers": {"fault": "out", "column-number": "SL1234"}, "uprn": "100023336956",
                 "channel": "phone", "requester": {"email": "caller@example.org", "name": "Ivy Caller", "phone": "01632 960 123"}}
                """)
            #expect(made.status == .created)
            let document = try IntegrationAPITests.json(made)
            let reference = try unwrap(document["reference"] as? String)
            #expect(document["channel"] as? String == "phone" && document["status"] as? String == "submitted")
            let item = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
            #expect(item.channel == .phone && item.latitude != nil && item.ward != nil && item.customerID != nil)
            let read = try IntegrationAPITests.json(try await Self.get(browser.client, "/api/v1/cases/" + reference, key: key))
            #expect(read["id"] as? String == document["id"] as? String)
        }
    }

    @Test("Updates: the timeline is listed with internal notes marked; a public update may move the case and tells the customer; a stale version is refused",
          arguments: TestDatabase.available)
    func updates(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let item = try unwrap(try await sendStreetLightReport(database))
            let path = "/api/v1/cases/\(item.reference)/updates"
            let internalNote = try await Self.post(browser.client, path, key: key, json: #"{"text": "Contractor job 4471 raised", "visibility": "internal"}"#)
            #expect(internalNote.status == .created)
            #expect(try IntegrationAPITests.json(internalNote)["visibility"] as? String == "internal")
            let refusedMove = try await Self.post(browser.client, path, key: key, json: #"{"text": "Fixed", "action": "resolve", "visibility": "internal"}"#)
            #expect(refusedMove.status == .badRequest)
            #expect(try Self.fields(refusedMove) == ["visibility"])
            let stale = try await Self.post(browser.client, path, key: key, json: #"{"text": "Fixed", "action": "resolve", "version": \#(item.version + 5)}"#)
            #expect(stale.status == .conflict)
            let blank = try await Self.post(browser.client, path, key: key, json: #"{"text": "   "}"#)
            #expect(blank.status == .badRequest)
            #expect(try Self.fields(blank) == ["text"])

            let notificationsBefore = try await Self.count("notifications", database)
            let resolved = try await Self.post(browser.client, path, key: key, json: """
                {"text": "The lamp has a new bulb", "action": "resolve", "by": "Street lighting contractor", "version": \(item.version)}
                """)
            #expect(resolved.status == .created)
            let update = try IntegrationAPITests.json(resolved)
            #expect(update["to_status"] as? String == "resolved" && update["by"] as? String == "Street lighting contractor, by housing system")
            let now = try unwrap(try await CaseRepository(database: database).find(id: item.id, councilID: DemoCouncil.council.id))
            #expect(now.status == .resolved)
            #expect(try await Self.count("notifications", database) == notificationsBefore + 1, "the resident is told")
            let again = try await Self.post(browser.client, path, key: key, json: #"{"text": "Resolve twice?", "action": "resolve"}"#)
            #expect(again.status == .badRequest)
            #expect(try Self.fields(again) == ["action"])

            let timeline = try IntegrationAPITests.json(try await Self.get(browser.client, path, key: key))
            let items = try unwrap(timeline["items"] as? [[String: Any]])
            #expect(items.first?["to_status"] as? String == "submitted")
            #expect(items.contains { $0["text"] as? String == "Contractor job 4471 raised" && $0["visibility"] as? String == "internal" })
            #expect(items.last?["text"] as? String == "The lamp has a new bulb")
            let residentSees = try await CaseRepository(database: database).events(caseID: item.id, includingInternal: false)
            #expect(!residentSees.contains { $0.text == "Contractor job 4471 raised" })
            #expect(try await Self.get(browser.client, "/api/v1/cases/FD-2020-999999/updates", key: key).status == .notFound)
        }
    }

    @Test("An Idempotency-Key replays the first answer and makes nothing twice; another body with it is 422; a refused request frees it",
          arguments: TestDatabase.available)
    func idempotency(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            let body = #"{"name": "Grace Hopper", "email": "grace@example.org"}"#
            let first = try await Self.post(browser.client, "/api/v1/customers", key: key, json: body, idempotencyKey: "import-row-17")
            let customers = try await Self.count("customers", database)
            let second = try await Self.post(browser.client, "/api/v1/customers", key: key, json: body, idempotencyKey: "import-row-17")
            #expect(first.status == .created && second.status == .created)
            #expect(second.text == first.text && second.headers[.eTag] == first.headers[.eTag])
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await Self.count("customers", database) == customers, "nothing made twice")
            let other = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "Someone Else"}"#, idempotencyKey: "import-row-17")
            #expect(other.status == .unprocessableContent)
            #expect(try Self.fields(other) == ["idempotency-key"])

            let otherKey = try await Self.issueKey(database)
            let sameKeyOtherClient = try await Self.post(browser.client, "/api/v1/customers", key: otherKey, json: #"{"name": "Alan Turing"}"#,
                                                         idempotencyKey: "import-row-17")
            #expect(sameKeyOtherClient.status == .created, "each API key has its own idempotency keys")

            let refused = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: #"{"channel": "phone", "outcome": "signposted", "demand": "value", "duration_minutes": 999}"#,
                                              idempotencyKey: "contact-1")
            #expect(refused.status == .badRequest)
            let putRight = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: #"{"channel": "phone", "outcome": "signposted", "demand": "value", "duration_minutes": 9}"#,
                                               idempotencyKey: "contact-1")
            #expect(putRight.status == .created, "a refused request did not keep the key")

            // A request still being answered holds its key: the same request meanwhile is 409.
            let holder = try unwrap(try await ApiKeyRepository(database: database).holder(of: key))
            let store = ApiIdempotency(database: database)
            let inFlightBody = #"{"name": "Katherine Johnson"}"#
            #expect(try await store.claim(keyID: holder.id, key: "slow-one", fingerprint: ApiIdempotency.fingerprint(method: "POST", path: "/api/v1/customers", body: Data(inFlightBody.utf8))) == .proceed)
            let meanwhile = try await Self.post(browser.client, "/api/v1/customers", key: key, json: inFlightBody, idempotencyKey: "slow-one")
            #expect(meanwhile.status == .conflict)
            #expect(try Self.fields(meanwhile) == ["idempotency-key"])
            let tooLong = try await Self.post(browser.client, "/api/v1/customers", key: key, json: inFlightBody, idempotencyKey: String(repeating: "k", count: 201))
            #expect(tooLong.status == .badRequest)
        }
    }

    @Test("Customer records page in change order, each once; a merged duplicate comes round again naming the record it joined",
          arguments: TestDatabase.available)
    func customerFeed(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.issueKey(database)
            for name in ["Ann One", "Ben Two", "Cat Three", "Dan Four", "Eve Five"] {
                let made = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "\#(name)"}"#)
                #expect(made.status == .created)
            }
            func walk(_ query: String) async throws -> [[String: Any]] {
                var items: [[String: Any]] = [], cursor: String?
                repeat {
                    let page = try IntegrationAPITests.json(try await Self.get(
                        browser.client, "/api/v1/customers?limit=2" + query + (cursor.map { "&cursor=" + $0 } ?? ""), key: key))
                    items += page["items"] as? [[String: Any]] ?? []
                    cursor = page["next_cursor"] as? String
                } while cursor != nil
                return items
            }
            let all = try await walk("")
            let ids = all.compactMap { $0["id"] as? String }
            #expect(ids.count == (try await Self.count("customers", database)) && Set(ids).count == ids.count, "every record once")

            let advisor = try unwrap(try await StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(email: "advisor@kingsmere.example", councilID: DemoCouncil.council.id))
            let survivor = DemoCouncil.customers[0].id, duplicate = DemoCouncil.customers[2].id
            let mergedAt = Date().addingTimeInterval(5)  // clear of the records made just now
            _ = try await CustomerMerger(database: database, hasher: PasswordHasher(cost: 4))
                .merge(duplicateID: duplicate, into: survivor, councilID: DemoCouncil.council.id, by: advisor, from: "127.0.0.1", at: mergedAt)
            let since = ISO8601DateFormatter().string(from: mergedAt.addingTimeInterval(-1)).replacingOccurrences(of: "+", with: "%2B")
            let changed = try await walk("&updated_since=" + since)
            let merged = try unwrap(changed.first { $0["id"] as? String == duplicate.uuidString.lowercased() })
            #expect(merged["merged_into_id"] as? String == survivor.uuidString.lowercased())
            #expect(!changed.contains { $0["name"] as? String == "Ann One" }, "records unchanged since are left out")
            let contact = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: """
                {"customer_id": "\(duplicate.uuidString.lowercased())", "channel": "post", "outcome": "handed-off", "demand": "value"}
                """)
            #expect(try IntegrationAPITests.json(contact)["customer_id"] as? String == survivor.uuidString.lowercased(),
                    "a contact for a merged record goes on the record it joined")
        }
    }

    @Test("Bodies that are not JSON, too large, malformed or of the wrong shape get the API's error format and change nothing; unknown paths a JSON 404")
    func badBodies() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            let key = try await Self.issueKey(database)
            let before = try await Self.count("customers", database)
            let wrongType = try await Self.post(browser.client, "/api/v1/customers", key: key, json: "name=Ada", contentType: "application/x-www-form-urlencoded")
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(try Self.fields(wrongType) == ["content-type"])
            let huge = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": ""# + String(repeating: "a", count: 70_000) + #""}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(try Self.fields(huge) == ["body"])
            let malformed = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "#)
            #expect(malformed.status == .badRequest)
            #expect(try Self.fields(malformed) == ["body"])
            let wrongShape = try await Self.post(browser.client, "/api/v1/contacts", key: key, json: #"{"channel": "phone", "outcome": "signposted", "demand": "value", "duration_minutes": "ten"}"#)
            #expect(wrongShape.status == .badRequest)
            #expect(try Self.fields(wrongShape) == ["duration_minutes"])
            let nested = try await Self.post(browser.client, "/api/v1/customers", key: key, json: #"{"name": "Ada", "address": {"line1": "1 High St", "town": "K"}}"#)
            #expect(nested.status == .badRequest)
            #expect(try Self.fields(nested) == ["address.postcode"])
            #expect(try await Self.count("customers", database) == before)

            for path in ["/api/v1/nothing-here", "/api/v2/customers"] {
                let missing = try await Self.get(browser.client, path, key: key)
                #expect(missing.status == .notFound && missing.headers[.contentType]?.hasPrefix("application/json") == true, "\(path)")
                #expect((try Self.fields(missing)) == ["path"])
            }
            let readOnly = try await Self.issueKey(database, scopes: [.casesRead])
            for path in ["/api/v1/customers", "/api/v1/contacts", "/api/v1/cases"] {
                let refused = try await Self.post(browser.client, path, key: readOnly, json: "{}")
                #expect(refused.status == .forbidden, "\(path)")
            }
        }
    }
}
