import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Open311 GeoReport v2: discovery, services, requests, tokens and updates, in JSON and XML")
struct Open311Tests {
    static let council = DemoCouncil.council
    static let margaret = DemoCouncil.customers[0]
    /// The demo services with an online form, by code: what Open311 offers.
    static let reportable = ["council-tax-move", "fly-tipping", "general-enquiry", "missed-bin", "parking-permit", "street-light"]

    enum Format: String, CaseIterable, CustomStringConvertible {
        case json, xml
        var description: String { rawValue }
    }

    // MARK: Reading documents without FrontDoor's encoders

    /// A document as a client reads it: JSON through `JSONDecoder` into these nodes, XML through
    /// `XMLDocument`, so both formats can be checked by the same expectations. Every leaf is
    /// text (`true`, `4`, `52.2101`), as it is in XML.
    indirect enum Node: Decodable, Equatable {
        case text(String)
        case list([Node])
        case object([String: Node])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) {
                self = .text(bool ? "true" : "false")
            } else if let number = try? container.decode(Int.self) {
                self = .text(String(number))
            } else if let number = try? container.decode(Double.self) {
                self = .text(String(number))
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let list = try? container.decode([Node].self) {
                self = .list(list)
            } else {
                self = .object(try container.decode([String: Node].self))
            }
        }

        subscript(_ key: String) -> Node? {
            if case .object(let fields) = self { return fields[key] }
            return nil
        }

        var string: String? {
            if case .text(let text) = self { return text }
            return nil
        }

        var items: [Node] {
            if case .list(let items) = self { return items }
            return []
        }

        func text(_ key: String) -> String? { self[key]?.string }
    }

    /// XML elements that hold a list, and the name each item must have.
    static let xmlLists = ["attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"]

    static func node(_ element: XMLElement) -> Node {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        if let itemName = xmlLists[element.name ?? ""] {
            return .list(children.map { $0.name == itemName ? node($0) : .text("<unexpected element \($0.name ?? "")>") })
        }
        if children.isEmpty { return .text(element.stringValue ?? "") }
        return .object(Dictionary(children.map { ($0.name ?? "", node($0)) }, uniquingKeysWith: { _, _ in .text("<repeated element>") }))
    }

    /// The document a response holds: with `item`, a list (in XML the `root` element's children,
    /// each an `item`); without, one object (in XML the `root` element).
    static func read(_ response: TestResponse, _ format: Format, root: String, item: String?,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Node {
        let data = Data(buffer: response.body)
        switch format {
        case .json:
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
            return try JSONDecoder().decode(Node.self, from: data)
        case .xml:
            #expect(response.headers[.contentType]?.hasPrefix("text/xml") == true, sourceLocation: sourceLocation)
            let document = try XMLDocument(data: data, options: [])
            let top = try unwrap(document.rootElement(), "the XML document's root element")
            #expect(top.name == root, "the root element is \(top.name ?? "")", sourceLocation: sourceLocation)
            guard let item else { return node(top) }
            let children = (top.children ?? []).compactMap { $0 as? XMLElement }
            for child in children where child.name != item {
                Issue.record("<\(root)> holds <\(child.name ?? "")>, not <\(item)>", sourceLocation: sourceLocation)
            }
            return .list(children.map(node))
        }
    }

    /// A refusal: its status, and the specification's error document with that code on each
    /// error. Gives the descriptions.
    @discardableResult
    static func refusal(_ response: TestResponse, _ format: Format, _ status: HTTPResponse.Status,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        #expect(response.status == status, "\(response.status) \(response.text)", sourceLocation: sourceLocation)
        let errors = try read(response, format, root: "errors", item: "error", sourceLocation: sourceLocation).items
        #expect(!errors.isEmpty, sourceLocation: sourceLocation)
        #expect(errors.allSatisfy { $0.text("code") == String(status.code) }, "\(errors)", sourceLocation: sourceLocation)
        return errors.map { $0.text("description") ?? "" }
    }

    // MARK: Requests

    static func get(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [:], body: nil)
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    static func formBody(_ fields: [(String, String)]) -> String {
        fields.map { encoded($0.0) + "=" + encoded($0.1) }.joined(separator: "&")
    }

    static func post(_ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        try await send(client, path, body: formBody(fields), contentType: "application/x-www-form-urlencoded")
    }

    static func send(_ client: any TestClientProtocol, _ path: String, body: String, contentType: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body))
    }

    /// A W3C date and time for a query (`2026-11-24T09:30:00Z`).
    static func w3c(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static func readW3C(_ text: String?) -> Date? {
        guard let text, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/) != nil else { return nil }
        return ISO8601DateFormatter().date(from: text)
    }

    static func count(_ table: String, _ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n ?? -1
    }

    static func counts(_ database: Database) async throws -> [String: Int] {
        var found: [String: Int] = [:]
        for table in ["cases", "form_submissions", "customers", "case_events", "open311_tokens"] {
            found[table] = try await count(table, database)
        }
        return found
    }

    static func openKey(_ database: Database, label: String = "FixMyStreet") async throws -> String {
        try await ApiKeyRepository(database: database).issue(councilID: council.id, label: label, scopes: [.open311])
    }

    /// A complete fly-tipping report (add the `api_key`).
    static let flyTipping: [(String, String)] = [
        ("service_code", "fly-tipping"), ("lat", "52.2101"), ("long", "-0.9934"), ("attribute[seen-on]", "2026-11-20"),
        ("attribute[waste][]", "bags"), ("attribute[waste][]", "furniture"), ("attribute[bags]", "4"), ("attribute[seen-dumping]", "no"),
    ]

    static func replacing(_ fields: [(String, String)], _ name: String, with value: String?) -> [(String, String)] {
        fields.filter { $0.0 != name } + (value.map { [(name, $0)] } ?? [])
    }

    /// Posts a report and gives its `service_request_id` and `token`.
    static func report(_ client: any TestClientProtocol, _ fields: [(String, String)], format: Format = .json,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws -> (id: String, token: String) {
        let response = try await post(client, "/open311/v2/requests.\(format)", fields)
        #expect(response.status == .created, "\(response.text)", sourceLocation: sourceLocation)
        let created = try unwrap(try read(response, format, root: "service_requests", item: "request", sourceLocation: sourceLocation).items.first,
                                 "the created request")
        return (try unwrap(created.text("service_request_id"), "service_request_id"), try unwrap(created.text("token"), "token"))
    }

    static func requests(_ client: any TestClientProtocol, _ format: Format, _ query: String,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Node] {
        let response = try await get(client, "/open311/v2/requests.\(format)" + query)
        #expect(response.status == .ok, "\(query): \(response.text)", sourceLocation: sourceLocation)
        return try read(response, format, root: "service_requests", item: "request", sourceLocation: sourceLocation).items
    }

    // MARK: Discovery and services

    @Test("Discovery, the service list and each service's definition say the same in JSON and XML, however the council is named",
          arguments: TestDatabase.available)
    func discoveryAndServices(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let client = browser.client
            for format in Format.allCases {
                // Discovery: the one endpoint and its formats.
                for (prefix, base) in [("", ""), ("/c/kingsmere", "/c/kingsmere")] {
                    let response = try await Self.get(client, "\(prefix)/open311/discovery.\(format)")
                    #expect(response.status == .ok)
                    let discovery = try Self.read(response, format, root: "discovery", item: nil)
                    let endpoints = try unwrap(discovery["endpoints"], "endpoints").items
                    #expect(endpoints.count == 1)
                    let endpoint = try unwrap(endpoints.first, "the endpoint")
                    #expect(endpoint.text("url")?.hasPrefix("http") == true)
                    #expect(endpoint.text("url")?.hasSuffix(base + "/open311/v2") == true, "\(endpoint)")
                    #expect(endpoint.text("specification") == "http://wiki.open311.org/GeoReport_v2")
                    #expect(Set(endpoint["formats"]?.items.compactMap(\.string) ?? []) == ["application/json", "text/xml"])
                    #expect(discovery.text("contact")?.contains(Self.council.contact.email) == true)
                }

                // The services with an online form, with or without the jurisdiction named, and by the council's path.
                for path in ["/open311/v2/services.\(format)", "/open311/v2/services.\(format)?jurisdiction_id=kingsmere",
                             "/c/kingsmere/open311/v2/services.\(format)"] {
                    let response = try await Self.get(client, path)
                    #expect(response.status == .ok, "\(path)")
                    let services = try Self.read(response, format, root: "services", item: "service").items
                    #expect(services.compactMap { $0.text("service_code") } == Self.reportable, "\(path)")
                    #expect(services.allSatisfy {
                        $0.text("metadata") == "true" && $0.text("type") == "realtime" && !($0.text("service_name") ?? "").isEmpty
                            && !($0.text("group") ?? "").isEmpty
                    })
                    let fly = try unwrap(services.first { $0.text("service_code") == "fly-tipping" }, "fly-tipping")
                    #expect(fly.text("service_name") == "Report fly-tipping" && fly.text("group") == "Streets")
                    #expect(fly.text("description")?.contains("rubbish dumped on public land") == true)
                    #expect(fly.text("keywords")?.split(separator: ",").contains("dumping") == true)
                    let bins = try unwrap(services.first { $0.text("service_code") == "missed-bin" }, "missed-bin")
                    #expect(bins.text("service_name") == "Report a missed bin collection" && bins.text("group") == "Waste")
                }
                let nowhere = try await Self.get(client, "/open311/v2/services.\(format)?jurisdiction_id=nowhere")
                #expect(try Self.refusal(nowhere, format, .notFound).first?.contains("nowhere") == true)

                // Fly-tipping's definition: every datatype but text, lists with their values, the map and the photo left out.
                let flyResponse = try await Self.get(client, "/open311/v2/services/fly-tipping.\(format)")
                #expect(flyResponse.status == .ok)
                let fly = try Self.read(flyResponse, format, root: "service_definition", item: nil)
                #expect(fly.text("service_code") == "fly-tipping")
                let attributes = try unwrap(fly["attributes"], "attributes").items
                #expect(attributes.compactMap { $0.text("code") } == ["seen-on", "waste", "bags", "seen-dumping", "vehicle"])
                #expect(attributes.compactMap { $0.text("datatype") } == ["datetime", "multivaluelist", "number", "singlevaluelist", "string"])
                #expect(attributes.compactMap { $0.text("required") } == ["true", "true", "true", "true", "false"])
                #expect(attributes.compactMap { $0.text("order") } == ["1", "2", "3", "4", "5"])
                #expect(attributes.allSatisfy { $0.text("variable") == "true" })
                #expect(attributes.compactMap { $0.text("description") }.prefix(2) == ["When did you see it?", "What has been dumped?"])
                #expect(attributes.first?.text("datatype_description") == "An ISO 8601 date, such as 2026-11-24")
                #expect(attributes.last?.text("description")?.contains("seen-dumping is yes") == true)
                let waste = try unwrap(attributes.first { $0.text("code") == "waste" }, "waste").items(of: "values")
                #expect(waste.compactMap { $0.text("key") } == ["bags", "furniture", "building", "electrical", "asbestos", "other"])
                #expect(waste.first?.text("name") == "Black bags")
                let seen = try unwrap(attributes.first { $0.text("code") == "seen-dumping" }, "seen-dumping").items(of: "values")
                #expect(seen.map { [$0.text("key") ?? "", $0.text("name") ?? ""] } == [["yes", "Yes"], ["no", "No"]])
                #expect(attributes.first { $0.text("code") == "bags" }?.items(of: "values").isEmpty == true)

                // The general enquiry's long text: the request's description may answer it, so it is not required.
                let enquiry = try Self.read(try await Self.get(client, "/open311/v2/services/general-enquiry.\(format)?jurisdiction_id=kingsmere"),
                                            format, root: "service_definition", item: nil)
                let questions = enquiry["attributes"]?.items ?? []
                #expect(questions.compactMap { $0.text("code") } == ["question", "reply-by", "phone"])
                #expect(questions.compactMap { $0.text("datatype") } == ["text", "singlevaluelist", "string"])
                #expect(questions.compactMap { $0.text("required") } == ["false", "true", "false"])
                #expect(questions.first?.text("description")?.contains("description") == true)
                #expect(questions.dropFirst().first?.items(of: "values").compactMap { $0.text("key") } == ["email", "phone", "letter"])

                let light = try Self.read(try await Self.get(client, "/c/kingsmere/open311/v2/services/street-light.\(format)"),
                                          format, root: "service_definition", item: nil)
                #expect(light["attributes"]?.items.compactMap { $0.text("code") } == ["column-number", "fault", "danger"])

                // Unknown services, services without a form, and other councils.
                for path in ["/open311/v2/services/no-such-service.\(format)", "/open311/v2/services/pothole.\(format)",
                             "/open311/v2/services/fly-tipping.\(format)?jurisdiction_id=nowhere"] {
                    try Self.refusal(try await Self.get(client, path), format, .notFound)
                }
                try Self.refusal(try await Self.get(client, "/open311/v2/things.\(format)"), format, .notFound)
            }

            // A format Open311 does not have, or none, is an error (in JSON) rather than a page.
            for path in ["/open311/v2/services.csv", "/open311/v2/requests.csv", "/open311/v2/services/fly-tipping.html",
                         "/open311/v2/requests/FD-2026-000001.txt", "/open311/discovery.txt", "/open311/v2/things",
                         "/c/kingsmere/open311/v2/services.csv"] {
                #expect(try Self.refusal(try await Self.get(client, path), .json, .notFound).first?.contains(".json") == true, "\(path)")
            }
        }
    }

    @Test("A collection asked for without .json or .xml gets Open311's error document, as other unknown formats do")
    func collectionWithoutFormat() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            for path in ["/open311/v2/services", "/open311/v2/requests", "/open311/v2/tokens", "/open311/discovery"] {
                let response = try await Self.get(browser.client, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true,
                        "\(path) answers \(response.headers[.contentType] ?? "no content type"), not Open311's JSON error")
                let errors = try? JSONDecoder().decode(Node.self, from: Data(buffer: response.body)).items
                #expect(errors?.first?.text("code") == "404" && errors?.first?.text("description")?.contains(".json") == true, "\(path)")
            }
        }
    }

    // MARK: Posting requests and reading them back

    @Test("A report posted with an open311 key opens a case as the website's form would, and is found by id, by token and in lists",
          arguments: TestDatabase.available)
    func postingAndReadingRequests(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let client = browser.client
            let key = try await Self.openKey(database)
            let started = Date()
            let cases = CaseRepository(database: database)
            let submissions = SubmittedFormRepository(database: database)
            let services = ServiceRepository(database: database)

            // JSON, form-urlencoded: fly-tipping at a map location, someone new, a multivaluelist and a photo link.
            let flyResponse = try await Self.post(client, "/open311/v2/requests.json", [("api_key", key)] + Self.flyTipping + [
                ("email", "Priya.Shah@Example.org"), ("first_name", "Priya"), ("last_name", "Shah"),
                ("description", "Six black bags and a sofa by the bus stop"), ("media_url", "https://photos.example/fly.jpg"),
            ])
            #expect(flyResponse.status == .created, "\(flyResponse.text)")
            let flyCreated = try unwrap(try Self.read(flyResponse, .json, root: "service_requests", item: "request").items.first, "the created request")
            let flyID = try unwrap(flyCreated.text("service_request_id"), "service_request_id")
            let flyToken = try unwrap(flyCreated.text("token"), "token")
            #expect(flyID.wholeMatch(of: /FD-\d{4}-\d{6}/) != nil && !flyToken.isEmpty)
            #expect(flyCreated.text("service_notice") == "We aim to clear fly-tipping within 5 working days")

            let fly = try unwrap(try await cases.find(reference: try unwrap(CaseReference(flyID), "a reference"), councilID: Self.council.id), "the case")
            let flyService = try unwrap(try await services.find(code: ServiceCode("fly-tipping")!, councilID: Self.council.id), "fly-tipping")
            #expect(fly.serviceID == flyService.id && fly.status == .submitted && fly.channel == .online)
            #expect(fly.latitude == 52.2101 && fly.longitude == -0.9934)
            let priya = try unwrap(try await CustomerSearchIndex(database: database).search("priya.shah@example.org", councilID: Self.council.id).first,
                                   "Priya's customer record")
            #expect(fly.customerID == priya.id && priya.name == "Priya Shah" && priya.email == "priya.shah@example.org")
            let flyAnswers = try unwrap(try await submissions.find(id: try unwrap(fly.submissionID, "submission"), councilID: Self.council.id),
                                        "the submission").answers
            #expect(flyAnswers["seen-on"] == .date(year: 2026, month: 11, day: 20))
            #expect(flyAnswers["waste"] == .choices(["bags", "furniture"]))
            #expect(flyAnswers["bags"] == .number(4))
            #expect(flyAnswers["seen-dumping"] == .yesNo(false))
            #expect(flyAnswers["location"] == .location(latitude: 52.2101, longitude: -0.9934))
            #expect(flyAnswers["vehicle"] == nil)
            let timeline = try await cases.events(caseID: fly.id, includingInternal: true)
            let received = try unwrap(timeline.first { $0.toStatus == .submitted }, "the first timeline entry")
            #expect(received.text == "Request received: Report fly-tipping" && received.visibility == .public)
            #expect(received.actorName.contains("Priya Shah"))
            #expect(timeline.allSatisfy { $0.occurredAt >= received.occurredAt })
            #expect(timeline.contains { $0.text.contains("https://photos.example/fly.jpg") && $0.visibility == .public })

            // XML: a general enquiry from a known resident (her record, not a new one), the description answering the question.
            let customersBefore = try await Self.count("customers", database)
            let enquiryResponse = try await Self.post(client, "/open311/v2/requests.xml", [
                ("api_key", key), ("service_code", "general-enquiry"), ("attribute[reply-by]", "email"),
                ("description", "When does the library open on Sundays?"), ("email", "Margaret.Okafor@residents.example"), ("first_name", "Margaret"),
            ])
            #expect(enquiryResponse.status == .created, "\(enquiryResponse.text)")
            let enquiryCreated = try unwrap(try Self.read(enquiryResponse, .xml, root: "service_requests", item: "request").items.first, "created")
            let enquiryID = try unwrap(enquiryCreated.text("service_request_id"), "service_request_id")
            let enquiryToken = try unwrap(enquiryCreated.text("token"), "token")
            #expect(enquiryID.wholeMatch(of: /FD-\d{4}-\d{6}/) != nil && enquiryID != flyID && enquiryToken != flyToken)
            let enquiry = try unwrap(try await cases.find(reference: try unwrap(CaseReference(enquiryID), "a reference"), councilID: Self.council.id), "case")
            #expect(enquiry.customerID == Self.margaret.id && enquiry.latitude == nil)
            #expect(try await Self.count("customers", database) == customersBefore)
            let enquiryAnswers = try unwrap(try await submissions.find(id: try unwrap(enquiry.submissionID, "submission"), councilID: Self.council.id),
                                            "the submission").answers
            #expect(enquiryAnswers["question"] == .text("When does the library open on Sundays?") && enquiryAnswers["reply-by"] == .choice("email"))

            // Multipart: a missed bin at a property named by its UPRN, the date given as a date and time.
            let (body, contentType) = BrowserLikeClient.multipart([
                ("api_key", key), ("service_code", "missed-bin"), ("address_id", "100023336956"), ("attribute[bin]", "recycling"),
                ("attribute[collection-day]", "2026-11-23T07:00:00Z"), ("attribute[out-by-7]", "yes"),
            ], files: [])
            let binResponse = try await client.execute(uri: "/open311/v2/requests.json", method: .post, headers: [.contentType: contentType], body: body)
            #expect(binResponse.status == .created, "\(binResponse.text)")
            let binID = try unwrap(try Self.read(binResponse, .json, root: "service_requests", item: "request").items.first?.text("service_request_id"),
                                   "service_request_id")
            let bin = try unwrap(try await cases.find(reference: try unwrap(CaseReference(binID), "a reference"), councilID: Self.council.id), "case")
            #expect(bin.address?.uprn?.value == "100023336956" && bin.address?.line1 == "14 Willow Crescent" && bin.address?.postcode.description == "KM2 4QT")
            let binAnswers = try unwrap(try await submissions.find(id: try unwrap(bin.submissionID, "submission"), councilID: Self.council.id),
                                        "the submission").answers
            #expect(binAnswers["collection-day"] == .date(year: 2026, month: 11, day: 23))
            #expect(binAnswers["bin"] == .choice("recycling") && binAnswers["out-by-7"] == .yesNo(true))

            let ours = [binID, enquiryID, flyID]
            let windowStart = Self.w3c(started.addingTimeInterval(-60)), windowEnd = Self.w3c(Date().addingTimeInterval(60))
            for format in Format.allCases {
                // The default window: ours, newest first, all open.
                let listed = try await Self.requests(client, format, "")
                #expect(listed.compactMap { $0.text("service_request_id") }.filter(ours.contains) == ours)
                let flyDocument = try unwrap(listed.first { $0.text("service_request_id") == flyID }, "fly-tipping in the list")
                #expect(flyDocument.text("status") == "open" && flyDocument.text("service_code") == "fly-tipping")
                #expect(flyDocument.text("service_name") == "Report fly-tipping")
                #expect(flyDocument.text("lat").flatMap(Double.init) == 52.2101 && flyDocument.text("long").flatMap(Double.init) == -0.9934)
                #expect(flyDocument.text("agency_responsible") == "Highways and street scene")
                #expect(flyDocument.text("service_notice") == "We aim to clear fly-tipping within 5 working days")
                let requested = try unwrap(Self.readW3C(flyDocument.text("requested_datetime")), "requested_datetime in W3C form")
                #expect(abs(requested.timeIntervalSince(fly.receivedAt)) < 1)
                #expect(Self.readW3C(flyDocument.text("updated_datetime")) != nil)
                #expect(Self.readW3C(flyDocument.text("expected_datetime")).map { $0 > requested } == true)
                let binDocument = try unwrap(listed.first { $0.text("service_request_id") == binID }, "the missed bin in the list")
                #expect(binDocument.text("address")?.contains("14 Willow Crescent") == true)
                #expect(binDocument.text("address_id") == "100023336956" && binDocument.text("zipcode") == "KM2 4QT")

                // Filters.
                let byID = try await Self.requests(client, format, "?service_request_id=\(flyID.lowercased()),\(binID)")
                #expect(byID.compactMap { $0.text("service_request_id") } == [binID, flyID])
                let byService = try await Self.requests(client, format, "?service_code=fly-tipping")
                #expect(byService.allSatisfy { $0.text("service_code") == "fly-tipping" })
                #expect(byService.contains { $0.text("service_request_id") == flyID })
                let twoServices = try await Self.requests(client, format, "?service_code=fly-tipping,general-enquiry").compactMap { $0.text("service_request_id") }
                #expect(twoServices.contains(flyID) && twoServices.contains(enquiryID) && !twoServices.contains(binID))
                let open = try await Self.requests(client, format, "?status=open")
                #expect(open.allSatisfy { $0.text("status") == "open" } && ours.allSatisfy { id in open.contains { $0.text("service_request_id") == id } })
                let closed = try await Self.requests(client, format, "?status=closed")
                #expect(closed.allSatisfy { $0.text("status") == "closed" } && !closed.contains { ours.contains($0.text("service_request_id") ?? "") })
                let either = try await Self.requests(client, format, "?status=open,closed").compactMap { $0.text("service_request_id") }
                #expect(ours.allSatisfy(either.contains))
                let now = try await Self.requests(client, format, "?start_date=\(windowStart)&end_date=\(windowEnd)")
                #expect(now.compactMap { $0.text("service_request_id") }.filter(ours.contains) == ours)
                // A W3C time with an offset (its + escaped, as in any query) means the same instant.
                let paris = DateFormatter()
                paris.locale = Locale(identifier: "en_US_POSIX")
                paris.timeZone = TimeZone(identifier: "Europe/Paris")
                paris.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
                let offsetStart = Self.encoded(paris.string(from: started.addingTimeInterval(-60)))
                #expect(offsetStart.contains("%2B"))
                let byOffset = try await Self.requests(client, format, "?start_date=\(offsetStart)")
                #expect(byOffset.compactMap { $0.text("service_request_id") }.filter(ours.contains) == ours)
                let fromStart = try await Self.requests(client, format, "?start_date=\(windowStart)")
                #expect(fromStart.compactMap { $0.text("service_request_id") }.filter(ours.contains) == ours)
                let before = try await Self.requests(client, format, "?end_date=\(Self.w3c(started.addingTimeInterval(-3600)))")
                #expect(!before.contains { ours.contains($0.text("service_request_id") ?? "") })
                let lastYear = try await Self.requests(client, format, "?start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z&jurisdiction_id=kingsmere")
                #expect(!lastYear.contains { ours.contains($0.text("service_request_id") ?? "") })

                // Filters that cannot be followed.
                let path = "/open311/v2/requests.\(format)"
                #expect(try Self.refusal(try await Self.get(client, path + "?start_date=yesterday"), format, .badRequest)
                    .contains { $0.contains("start_date") })
                #expect(try Self.refusal(try await Self.get(client, path + "?end_date=2026-13-45T00:00:00Z"), format, .badRequest)
                    .contains { $0.contains("end_date") })
                #expect(try Self.refusal(try await Self.get(client, path + "?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), format,
                                         .badRequest).contains { $0.contains("90 days") })
                try Self.refusal(try await Self.get(client, path + "?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"), format, .badRequest)
                #expect(try Self.refusal(try await Self.get(client, path + "?status=maybe"), format, .badRequest).contains { $0.contains("maybe") })
                #expect(try Self.refusal(try await Self.get(client, path + "?service_code=no-such-service"), format, .badRequest)
                    .contains { $0.contains("no-such-service") })
                try Self.refusal(try await Self.get(client, path + "?jurisdiction_id=nowhere"), format, .notFound)

                // One request by its id (in any case).
                for id in [flyID, flyID.lowercased()] {
                    let one = try await Self.get(client, "/open311/v2/requests/\(id).\(format)")
                    #expect(one.status == .ok)
                    let found = try Self.read(one, format, root: "service_requests", item: "request").items
                    #expect(found.count == 1 && found.first?.text("service_request_id") == flyID && found.first?.text("status") == "open")
                    #expect(Self.readW3C(found.first?.text("requested_datetime")) != nil)
                }
                let enquiryDocument = try Self.read(try await Self.get(client, "/c/kingsmere/open311/v2/requests/\(enquiryID).\(format)"), format,
                                                    root: "service_requests", item: "request").items.first
                #expect(enquiryDocument?.text("service_code") == "general-enquiry" && enquiryDocument?.text("lat") == nil)
                for unknown in ["FD-2020-999999", "not-a-reference"] {
                    try Self.refusal(try await Self.get(client, "/open311/v2/requests/\(unknown).\(format)"), format, .notFound)
                }

                // Tokens find the request they were given for.
                for (token, id) in [(flyToken, flyID), (enquiryToken, enquiryID)] {
                    let response = try await Self.get(client, "/open311/v2/tokens/\(token).\(format)")
                    #expect(response.status == .ok)
                    let found = try Self.read(response, format, root: "service_requests", item: "request").items
                    #expect(found.count == 1 && found.first?.text("service_request_id") == id && found.first?.text("token") == token)
                }
                try Self.refusal(try await Self.get(client, "/open311/v2/tokens/no-such-token.\(format)"), format, .notFound)
            }
        }
    }

    @Test("A report's description is kept for the council even when the service's form has no long-text question to put it in",
          arguments: TestDatabase.available)
    func descriptionIsKept(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await Self.openKey(database)
            let words = "The light outside number 12 has been out for a week"
            let (id, _) = try await Self.report(browser.client, [
                ("api_key", key), ("service_code", "street-light"), ("lat", "52.2101"), ("long", "-0.9934"), ("attribute[fault]", "out"),
                ("description", words), ("email", "ann@example.org"),
            ])
            let cases = CaseRepository(database: database)
            let item = try unwrap(try await cases.find(reference: try unwrap(CaseReference(id), "a reference"), councilID: Self.council.id), "the case")
            let submission = try unwrap(try await SubmittedFormRepository(database: database).find(id: try unwrap(item.submissionID, "submission"),
                                                                                                     councilID: Self.council.id), "the submission")
            let inAnswers = submission.answers.values.contains { if case .text(let text) = $0 { text.contains(words) } else { false } }
            let onTimeline = try await cases.events(caseID: item.id, includingInternal: true).contains { $0.text.contains(words) }
            #expect(inAnswers || onTimeline, "the description \"\(words)\" was dropped: it is in neither the answers nor the timeline")
        }
    }

    // MARK: Refusals

    @Test("Bad posts are refused in the error format with the right status, naming each problem, and change nothing",
          arguments: TestDatabase.available)
    func badPosts(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let client = browser.client
            let key = try await Self.openKey(database)
            let readOnly = try await ApiKeyRepository(database: database).issue(councilID: Self.council.id, label: "Dashboard", scopes: [.casesRead])
            let withdrawn = try await Self.openKey(database, label: "Old app")
            #expect(try await ApiKeyRepository(database: database).revoke(councilID: Self.council.id, label: "Old app") == 1)
            let before = try await Self.counts(database)
            let good = [("api_key", key)] + Self.flyTipping + [("email", "new.person@example.org")]
            let located = [("api_key", key), ("service_code", "fly-tipping"), ("lat", "52.2101"), ("long", "-0.9934")]

            for format in Format.allCases {
                let path = "/open311/v2/requests.\(format)"
                func refused(_ fields: [(String, String)], _ status: HTTPResponse.Status,
                             sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
                    try Self.refusal(try await Self.post(client, path, fields), format, status, sourceLocation: sourceLocation)
                }

                // Keys: none, unknown, or one without the open311 scope.
                #expect(try await refused(Array(good.dropFirst()), .forbidden).contains { $0.contains("api_key") })
                _ = try await refused(Self.replacing(good, "api_key", with: "fdapi_not-a-real-key"), .forbidden)
                _ = try await refused(Self.replacing(good, "api_key", with: readOnly), .forbidden)
                _ = try await refused(Self.replacing(good, "api_key", with: withdrawn), .forbidden)

                // Services that take no reports here.
                #expect(try await refused(Self.replacing(good, "service_code", with: "no-such-service"), .notFound).contains { $0.contains("no-such-service") })
                _ = try await refused(Self.replacing(good, "service_code", with: "pothole"), .notFound)
                #expect(try await refused(Self.replacing(good, "service_code", with: nil), .badRequest).contains { $0.contains("service_code") })
                _ = try await refused(good + [("jurisdiction_id", "nowhere")], .notFound)

                // Every missing required answer, each by its attribute (the conditional one is not asked).
                let missing = try await refused(located, .badRequest)
                for code in ["seen-on", "waste", "bags", "seen-dumping"] {
                    #expect(missing.contains { $0.hasPrefix("attribute[\(code)]") }, "\(code): \(missing)")
                }
                #expect(missing.count == 4 && !missing.contains { $0.contains("vehicle") })

                // Answers the form cannot take.
                #expect(try await refused(good + [("attribute[colour]", "red")], .badRequest) == ["attribute[colour] is not a question of this service"])
                #expect(try await refused(Self.replacing(Self.replacing(good, "lat", with: nil), "long", with: nil), .badRequest)
                    .contains { $0.contains("lat") })
                #expect(try await refused(Self.replacing(good, "lat", with: "200"), .badRequest).contains { $0.contains("lat/long") })
                for notISO in ["20/11/2026", "2026-02-30", "next Tuesday"] {
                    #expect(try await refused(Self.replacing(good, "attribute[seen-on]", with: notISO), .badRequest)
                        .contains { $0.hasPrefix("attribute[seen-on]") }, "\(notISO)")
                }
                #expect(try await refused(Self.replacing(good, "attribute[waste][]", with: "gold"), .badRequest).contains { $0.hasPrefix("attribute[waste]") })
                #expect(try await refused(Self.replacing(good, "attribute[bags]", with: "0"), .badRequest).contains { $0.hasPrefix("attribute[bags]") })
                #expect(try await refused(good + [("attribute[photo]", "photo.jpg")], .badRequest) == ["attribute[photo] is not a question of this service"])
                #expect(try await refused(good + [("attribute[location]", "by the bus stop")], .badRequest)
                    == ["attribute[location] is not a question of this service"])
                #expect(try await refused(Self.replacing(good, "attribute[seen-dumping]", with: "perhaps"), .badRequest)
                    .contains { $0.hasPrefix("attribute[seen-dumping]") })

                // Bodies that cannot be read.
                let json = try await Self.send(client, path, body: #"{"api_key":"\#(key)","service_code":"fly-tipping"}"#, contentType: "application/json")
                try Self.refusal(json, format, .unsupportedMediaType)
                let huge = Self.formBody(good) + "&description=" + String(repeating: "a", count: 70 * 1024)
                try Self.refusal(try await Self.send(client, path, body: huge, contentType: "application/x-www-form-urlencoded"), format, .contentTooLarge)
                try Self.refusal(try await Self.send(client, path, body: "name=%ZZ", contentType: "application/x-www-form-urlencoded"), format, .badRequest)
                let (bigMultipart, multipartType) = BrowserLikeClient.multipart(good + [("description", String(repeating: "a", count: 70 * 1024))], files: [])
                try Self.refusal(try await client.execute(uri: path, method: .post, headers: [.contentType: multipartType], body: bigMultipart),
                                 format, .contentTooLarge)
                try Self.refusal(try await Self.send(client, path, body: Self.formBody(good) + "&description=%E2%82", contentType: "application/x-www-form-urlencoded"),
                                 format, .badRequest)
                try Self.refusal(try await Self.send(client, path, body: "no boundary here", contentType: "multipart/form-data; boundary=abc"),
                                 format, .badRequest)

                // Nothing else can be posted.
                try Self.refusal(try await Self.post(client, "/open311/v2/services.\(format)", good), format, .notFound)
            }
            #expect(try await Self.counts(database) == before)

            // With a second council, a request must name its council, and a key works only at its own.
            let testshire = try makeCouncil(slug: "testshire")
            try await CouncilRepository(database: database).create(testshire)
            let testshireKey = try await ApiKeyRepository(database: database).issue(councilID: testshire.id, label: "Testshire app", scopes: [.open311])
            #expect(try Self.refusal(try await Self.post(client, "/open311/v2/requests.json", good), .json, .badRequest)
                .contains { $0.contains("jurisdiction_id") })
            try Self.refusal(try await Self.post(client, "/open311/v2/requests.xml",
                                                 Self.replacing(good, "api_key", with: testshireKey) + [("jurisdiction_id", "kingsmere")]), .xml, .forbidden)
            try Self.refusal(try await Self.post(client, "/c/kingsmere/open311/v2/requests.json", Self.replacing(good, "api_key", with: testshireKey)),
                             .json, .forbidden)
            try Self.refusal(try await Self.post(client, "/c/testshire/open311/v2/requests.json", good + [("jurisdiction_id", "kingsmere")]),
                             .json, .notFound)
            try Self.refusal(try await Self.get(client, "/open311/v2/services.json"), .json, .badRequest)
            #expect(try await Self.counts(database) == before)
            // Named, it works.
            _ = try await Self.report(client, good + [("jurisdiction_id", "kingsmere")])
            _ = try await Self.report(client, good + [("jurisdiction_id", "KINGSMERE")], format: .xml)
            let byPath = try await Self.post(client, "/c/kingsmere/open311/v2/requests.json", good)
            #expect(byPath.status == .created, "\(byPath.text)")
            #expect(try await Self.count("cases", database) == before["cases", default: 0] + 3)
        }
    }

    // MARK: Service request updates

    @Test("Updates close, note and reopen a request, and the updates list gives each one's status, oldest first",
          arguments: TestDatabase.available)
    func serviceRequestUpdates(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let client = browser.client
            let key = try await Self.openKey(database)
            let readOnly = try await ApiKeyRepository(database: database).issue(councilID: Self.council.id, label: "Dashboard", scopes: [.casesRead])
            let started = Date().addingTimeInterval(-60)
            let cases = CaseRepository(database: database)
            let (id, _) = try await Self.report(client, [("api_key", key)] + Self.flyTipping + [("email", "priya.shah@example.org")])
            let reference = try unwrap(CaseReference(id), "a reference")
            func current() async throws -> Case { try unwrap(try await cases.find(reference: reference, councilID: Self.council.id), "the case") }
            func updateID(_ response: TestResponse, _ format: Format, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
                #expect(response.status == .ok, "\(response.text)", sourceLocation: sourceLocation)
                let items = try Self.read(response, format, root: "service_request_updates", item: "request_update",
                                          sourceLocation: sourceLocation).items
                let updateID = try unwrap(items.first?.text("update_id"), "update_id")
                #expect(items.count == 1 && UUID(uuidString: updateID) != nil, sourceLocation: sourceLocation)
                return updateID
            }
            func status(_ format: Format) async throws -> String? {
                try Self.read(try await Self.get(client, "/open311/v2/requests/\(id).\(format)"), format, root: "service_requests", item: "request")
                    .items.first?.text("status")
            }

            // A note (no status): on the public timeline, the case as it was.
            let noteID = try updateID(try await Self.post(client, "/open311/v2/servicerequestupdates.json", [
                ("api_key", key), ("service_request_id", id), ("description", "A crew will visit on Thursday"),
                ("first_name", "Sam"), ("last_name", "Patel"),
            ]), .json)
            let note = try unwrap(try await cases.events(caseID: try await current().id, includingInternal: false)
                .first { $0.id.uuidString.lowercased() == noteID }, "the note on the public timeline")
            #expect(note.text == "A crew will visit on Thursday" && note.toStatus == nil)
            #expect(note.actorName.contains("Sam Patel") && note.actorName.contains("FixMyStreet"))
            #expect(try await current().status == .submitted)

            // A note with characters XML and JSON must escape, and some beyond ASCII, reads back as written.
            let awkward = #"Bins & bags <b>left</b> by "Café Ñ" – ‘quoted’ ]]> \ done"#
            let awkwardID = try updateID(try await Self.post(client, "/open311/v2/servicerequestupdates.xml", [
                ("api_key", key), ("service_request_id", id), ("description", awkward),
            ]), .xml)
            for format in Format.allCases {
                let document = try Self.read(try await Self.get(client, "/open311/v2/requests/\(id).\(format)"), format,
                                             root: "service_requests", item: "request").items.first
                #expect(document?.text("status_notes") == awkward)
            }

            // CLOSED resolves it.
            let closeID = try updateID(try await Self.post(client, "/open311/v2/servicerequestupdates.xml", [
                ("api_key", key), ("service_request_id", id.lowercased()), ("status", "CLOSED"), ("description", "Cleared this morning"),
            ]), .xml)
            let resolved = try await current()
            #expect(resolved.status == .resolved && resolved.resolvedAt != nil)
            let closing = try unwrap(try await cases.events(caseID: resolved.id, includingInternal: false)
                .first { $0.id.uuidString.lowercased() == closeID }, "the closing entry")
            #expect(closing.text == "Cleared this morning" && closing.toStatus == .resolved)
            for format in Format.allCases {
                #expect(try await status(format) == "closed")
                let document = try Self.read(try await Self.get(client, "/open311/v2/requests/\(id).\(format)"), format,
                                             root: "service_requests", item: "request").items.first
                #expect(document?.text("status_notes") == "Cleared this morning" && document?.text("expected_datetime") == nil)
                #expect(try await Self.requests(client, format, "?status=closed").contains { $0.text("service_request_id") == id })
                #expect(try await !Self.requests(client, format, "?status=open").contains { $0.text("service_request_id") == id })
            }

            // OPEN reopens it.
            let reopenID = try updateID(try await Self.post(client, "/open311/v2/servicerequestupdates.json", [
                ("api_key", key), ("service_request_id", id), ("status", "open"), ("description", "It is back again"),
            ]), .json)
            #expect(try await current().status == .inProgress)
            for format in Format.allCases { #expect(try await status(format) == "open") }

            // Refusals, changing nothing.
            let eventsBefore = try await Self.count("case_events", database)
            for format in Format.allCases {
                let path = "/open311/v2/servicerequestupdates.\(format)"
                func refused(_ fields: [(String, String)], _ code: HTTPResponse.Status,
                             sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
                    try Self.refusal(try await Self.post(client, path, fields), format, code, sourceLocation: sourceLocation)
                }
                let good = [("api_key", key), ("service_request_id", id), ("status", "closed"), ("description", "Done")]
                #expect(try await refused(Self.replacing(good, "description", with: nil), .badRequest).contains { $0.contains("description") })
                #expect(try await refused(Self.replacing(good, "description", with: String(repeating: "a", count: 5_001)), .badRequest)
                    .contains { $0.contains("description") })
                #expect(try await refused(Self.replacing(good, "service_request_id", with: nil), .badRequest).contains { $0.contains("service_request_id") })
                _ = try await refused(Self.replacing(good, "service_request_id", with: "FD-2020-999999"), .notFound)
                _ = try await refused(Self.replacing(good, "service_request_id", with: "nonsense"), .notFound)
                #expect(try await refused(Self.replacing(good, "status", with: "MAYBE"), .badRequest).contains { $0.contains("status") })
                _ = try await refused(Array(good.dropFirst()), .forbidden)
                _ = try await refused(Self.replacing(good, "api_key", with: readOnly), .forbidden)
                try Self.refusal(try await Self.send(client, path, body: "{}", contentType: "application/json"), format, .unsupportedMediaType)
            }
            #expect(try await Self.count("case_events", database) == eventsBefore)
            #expect(try await current().status == .inProgress)

            // The list: each public entry with the status it left the request in, oldest first.
            for format in Format.allCases {
                let response = try await Self.get(client, "/open311/v2/servicerequestupdates.\(format)?start_date=\(Self.w3c(started))")
                #expect(response.status == .ok)
                let all = try Self.read(response, format, root: "service_request_updates", item: "request_update").items
                let mine = all.filter { $0.text("service_request_id") == id }
                #expect(mine.compactMap { $0.text("description") }
                    == ["Request received: Report fly-tipping", "A crew will visit on Thursday", awkward, "Cleared this morning", "It is back again"])
                #expect(mine.compactMap { $0.text("status") } == ["open", "open", "open", "closed", "open"])
                #expect(mine.compactMap { $0.text("update_id") }.suffix(4) == [noteID, awkwardID, closeID, reopenID])
                let times = mine.compactMap { Self.readW3C($0.text("updated_datetime")) }
                #expect(times.count == mine.count && times == times.sorted())
                let allTimes = all.compactMap { Self.readW3C($0.text("updated_datetime")) }
                #expect(allTimes == allTimes.sorted())

                let earlier = try await Self.get(client, "/open311/v2/servicerequestupdates.\(format)?end_date=\(Self.w3c(started.addingTimeInterval(-3600)))")
                #expect(try !Self.read(earlier, format, root: "service_request_updates", item: "request_update").items
                    .contains { $0.text("service_request_id") == id })
                let path = "/open311/v2/servicerequestupdates.\(format)"
                try Self.refusal(try await Self.get(client, path + "?start_date=last-week"), format, .badRequest)
                try Self.refusal(try await Self.get(client, path + "?end_date=soon"), format, .badRequest)
                try Self.refusal(try await Self.get(client, path + "?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), format, .badRequest)
                try Self.refusal(try await Self.get(client, path + "?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"), format, .badRequest)
                try Self.refusal(try await Self.get(client, path + "?jurisdiction_id=nowhere"), format, .notFound)
            }
        }
    }
}

extension Open311Tests.Node {
    /// The list under `key` (an attribute's `values`).
    func items(of key: String) -> [Open311Tests.Node] { self[key]?.items ?? [] }
}
