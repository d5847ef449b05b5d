import Crypto
import Foundation
import FrontDoorDomain
import SQLKit

/// The email channel: a received email becomes a contact and a case for the service its
/// address names (or a general enquiry), acknowledged with the reference; a reply carrying a
/// case's reference (in the subject, or by answering our email) joins that case; automatic
/// mail is kept but never answered. The same message received twice changes nothing the
/// second time (mail servers retry when unsure whether a delivery worked).
public struct EmailIntake: Sendable {
    let database: Database
    let storage: any AttachmentStorage
    let progress: CaseProgress
    let calendars: CouncilCalendarRepository
    /// Where a customer follows a request online (My Account), for the acknowledgement.
    let requestLink: @Sendable (Council, CaseReference) -> String

    public init(database: Database, storage: any AttachmentStorage, bankHolidays: BankHolidays,
                requestLink: @escaping @Sendable (Council, CaseReference) -> String) {
        self.database = database
        self.storage = storage
        self.progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        self.requestLink = requestLink
    }

    public enum Outcome: Equatable, Sendable {
        /// A new case; whether the acknowledgement was queued, and if not why.
        case opened(CaseReference, acknowledgement: AcknowledgementPolicy.Decision)
        case joined(CaseReference)
        /// Automatic mail (an out-of-office, a bounce): kept, noted on the case it concerns if any, not answered.
        case setAside(String, CaseReference?)
        /// This message was received before; nothing more was done.
        case alreadyReceived
    }

    /// Mail for an address no council here receives at: the sender's mail server should bounce it.
    public struct NoCouncil: Error, CustomStringConvertible {
        public var recipients: [String]
        public var description: String {
            recipients.isEmpty ? "The email has no recipient" : "No council here receives email at " + recipients.joined(separator: ", ")
        }
    }

    /// The council has no service for the address and no general enquiry service to fall back on.
    public struct NoService: Error, CustomStringConvertible {
        public var description: String { "The council has no service called general-enquiry to receive email that names no service" }
    }

    /// The largest file kept from an email, and how many; others are listed on the case, not kept.
    public static let largestAttachment = 10 * 1024 * 1024
    public static let mostAttachments = 10
    static let longestText = 20_000

    public func receive(_ email: InboundEmail, at now: Date = Date()) async throws -> Outcome {
        let councils = try await CouncilRepository(database: database).all()
        let services = ServiceRepository(database: database)
        var mailrooms: [InboundMailRouting.Mailroom] = []
        for council in councils {
            let codes = try await services.all(councilID: council.id).filter(\.isActive).map(\.code.value)
            mailrooms.append(.init(council: council, serviceCodes: Set(codes)))
        }
        let routing = InboundMailRouting(mailrooms: mailrooms)
        guard let route = routing.route(email.recipients), let council = councils.first(where: { $0.id == route.councilID }) else {
            throw NoCouncil(recipients: email.recipients)
        }
        let key = Self.messageKey(email)
        if try await received(key, councilID: council.id) { return .alreadyReceived }

        let sender = email.from.map { $0.address.lowercased() }
        let customer = try await customer(sender, councilID: council.id)
        let target = try await caseAnswered(by: email, councilID: council.id)
        let message = ReceivedMessage(id: UUID(), email: email, key: key, route: route, sender: sender, receivedAt: now)

        if let automatic = email.automatic {
            try await database.transaction { db in
                try await record(message, outcome: "set-aside", caseID: target?.id, contactID: nil, acknowledged: false, on: db)
                if let target {
                    try await note(on: target, "Automatic email received (\(automatic)): \(email.subject)", visibility: .internal,
                                   actor: .init(id: nil, name: message.actorName(customer)), at: now, on: db)
                }
            }
            return .setAside(automatic, target?.reference)
        }
        let files = try await storeAttachments(email.attachments)
        if let target {
            try await join(target, message, customer: customer, council: council, files: files)
            return .joined(target.reference)
        }
        return try await open(message, customer: customer, council: council, routing: routing, files: files)
    }

    /// The message's identity: its Message-ID, or (for mail without one) a digest of what it says.
    static func messageKey(_ email: InboundEmail) -> String {
        if let id = email.messageID, !id.isEmpty { return "id:" + id.lowercased() }
        let parts = [email.from?.address ?? "", email.recipients.joined(separator: ","), email.subject, email.text]
        return "sha256:" + SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)).hexString
    }

    func received(_ key: String, councilID: UUID) async throws -> Bool {
        struct Found: Decodable { var id: UUID }
        return try await database.sql.select().column("id").from("inbound_emails").where("council_id", .equal, councilID)
            .where("message_key", .equal, key).first(decoding: Found.self) != nil
    }

    /// The customer with the sender's address, or the record it was merged into.
    func customer(_ sender: String?, councilID: UUID) async throws -> Customer? {
        guard let sender else { return nil }
        guard let id = try await CustomerRecordByEmail.find(sender, councilID: councilID, on: database.sql) else { return nil }
        return try await CustomerRepository.rows(ids: [id], councilID: councilID, on: database.sql).first
    }

    /// The case an email answers: the reference in its subject, else the email of ours (or of
    /// the customer's, earlier) that it replies to.
    func caseAnswered(by email: InboundEmail, councilID: UUID) async throws -> Case? {
        let cases = CaseRepository(database: database)
        if let reference = email.referenceInSubject, let found = try await cases.find(reference: reference, councilID: councilID) {
            return found
        }
        struct Link: Decodable { var case_id: UUID? }
        for id in email.inReplyTo.reversed() + email.references.reversed() {
            // Our notifications' Message-IDs are their own ids at our domain.
            if let notificationID = id.split(separator: "@").first.flatMap({ UUID(uuidString: String($0)) }),
               let link = try await database.sql.select().column("case_id").from("notifications").where("id", .equal, notificationID)
                .where("council_id", .equal, councilID).first(decoding: Link.self), let caseID = link.case_id {
                return try await cases.find(id: caseID, councilID: councilID)
            }
            if let link = try await database.sql.select().column("case_id").from("inbound_emails").where("council_id", .equal, councilID)
                .where("message_id", .equal, id).where("case_id", .isNot, SQLLiteral.null).first(decoding: Link.self), let caseID = link.case_id {
                return try await cases.find(id: caseID, councilID: councilID)
            }
        }
        return nil
    }

    // MARK: Opening a case

    func open(_ message: ReceivedMessage, customer: Customer?, council: Council, routing: InboundMailRouting, files: [StoredFile]) async throws -> Outcome {
        let services = ServiceRepository(database: database)
        var service: CouncilService?
        if let code = message.route.serviceCode.flatMap(ServiceCode.init) { service = try await services.find(code: code, councilID: council.id) }
        if service == nil, let general = ServiceCode("general-enquiry") { service = try await services.find(code: general, councilID: council.id) }
        guard let service else { throw NoService() }
        let rules = try await calendars.rules(for: council).intake
        let email = message.email
        let recentAcknowledgements = try await acknowledgements(to: message.sender, since: message.receivedAt.addingTimeInterval(-3600))
        let fromCouncil = message.sender.map(routing.isCouncilAddress) ?? false
        let decision = AcknowledgementPolicy.decide(automatic: email.automatic, sender: message.sender, isCouncilAddress: fromCouncil,
                                                    acknowledgedInLastHour: recentAcknowledgements)
        let database = self.database, link = requestLink
        let opened = try await database.transaction { db -> Case in
            // Someone new writing in gets a record (without an account) so the single view of
            // the customer holds their email from the start; registering later with the same
            // address takes the record, and this request, into My Account.
            var customer = customer
            if customer == nil, let sender = message.sender, !fromCouncil, EmailAddressRule.isPlausible(sender) {
                customer = try await CustomerRecordByEmail.findOrCreate(sender, name: message.actorName(nil), councilID: council.id,
                                                                        at: message.receivedAt, on: db)
            }
            var opened = try await CaseRepository.open(
                emailTo: service, councilID: council.id, customerID: customer?.id, guestEmail: customer == nil ? message.sender : nil,
                rules: rules, receivedAt: message.receivedAt, firstEntry: message.timelineText(limit: Self.longestText),
                actorID: customer?.id, actorName: message.actorName(customer), on: db)
            let contact = Contact(councilID: council.id, customerID: customer?.id, channel: .email, serviceID: service.id, outcome: .caseRaised,
                                  demand: .value, durationMinutes: nil, notes: "Email: \(email.subject)", staffID: nil, staffName: "",
                                  recordedAt: message.receivedAt)
            try await ContactRepository.record(contact, on: db)
            try await record(message, outcome: "opened", caseID: opened.id, contactID: contact.id, acknowledged: decision == .acknowledge, on: db)
            try await attach(files, to: message, councilID: council.id, at: message.receivedAt, on: db)
            if decision == .acknowledge, let sender = message.sender {
                let values = ["reference": opened.reference.description, "service": service.name, "link": link(council, opened.reference),
                              "due_date": Self.dueWording(opened.resolveBy)]
                try await NotificationOutbox(database: database.within(db)).queueEmail(
                    .caseReceived, to: sender, name: customer?.name ?? email.from?.name ?? "", customerID: customer?.id, council: council,
                    caseID: opened.id, values: values, inReplyTo: message.threadableID, at: message.receivedAt, on: db)
                // The published standard for email is its acknowledgement: this is it.
                try await db.update("cases").set("acknowledged_at", to: message.receivedAt).where("id", .equal, opened.id).run()
                opened.acknowledgedAt = message.receivedAt
            }
            try await noteFilesNotKept(files, on: opened, at: message.receivedAt, on: db)
            return opened
        }
        return .opened(opened.reference, acknowledgement: decision)
    }

    static func dueWording(_ deadline: CaseDeadline) -> String {
        switch deadline {
        case .date(let day): day.inWords
        case .instant(let instant): LocalDate(instant).inWords
        }
    }

    func acknowledgements(to sender: String?, since: Date) async throws -> Int {
        guard let sender else { return 0 }
        struct Count: Decodable { var n: Int }
        return try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("inbound_emails")
            .where("from_address", .equal, sender).where("received_at", .greaterThanOrEqual, since)
            .where("acknowledged", .equal, true).first(decoding: Count.self)?.n ?? 0
    }

    // MARK: Joining a case

    func join(_ target: Case, _ message: ReceivedMessage, customer: Customer?, council: Council, files: [StoredFile]) async throws {
        let email = message.email
        let fromCustomer = message.sender.map { sender in
            sender == target.guestEmail?.lowercased() || (customer != nil && customer?.id == target.customerID)
        } ?? false
        let reply = ReplyText.newText(email.text)
        let actor = CaseRepository.Actor(id: fromCustomer ? target.customerID : nil, name: message.actorName(customer))
        let contact = Contact(councilID: council.id, customerID: fromCustomer ? target.customerID : customer?.id, channel: .email,
                              serviceID: target.serviceID, outcome: .handedOff,
                              // Answering our question is the work; anything else about an open case is chasing it.
                              demand: target.status == .awaitingCustomer && fromCustomer ? .value : .failure,
                              durationMinutes: nil, notes: "Email about \(target.reference): \(email.subject)", staffID: nil, staffName: "",
                              recordedAt: message.receivedAt)
        let recordAll: @Sendable (any SQLDatabase, Case) async throws -> Void = { db, _ in
            try await ContactRepository.record(contact, on: db)
            try await self.record(message, outcome: "joined", caseID: target.id, contactID: contact.id, acknowledged: false, on: db)
            try await self.attach(files, to: message, councilID: council.id, at: message.receivedAt, on: db)
            try await self.noteFilesNotKept(files, on: target, at: message.receivedAt, on: db)
        }
        let text = "Email: " + String(reply.prefix(Self.longestText))
        if fromCustomer, target.status == .awaitingCustomer {
            // Their answer restarts the clock, as a reply in My Account does.
            if case .saved = try await progress.apply(.customerReplied, to: target, council: council, seenVersion: target.version, by: actor,
                                                      message: text, at: message.receivedAt, alsoInTransaction: recordAll) {
                return
            }
        }
        try await database.transaction { db in
            // From another address the words may not be the customer's: officers see them, the customer does not.
            let words = fromCustomer ? text : "Email from \(message.sender ?? "an unknown sender"), not the customer's address:\n\n" + reply
            try await note(on: target, String(words.prefix(Self.longestText)), visibility: fromCustomer ? .public : .internal, actor: actor,
                           at: message.receivedAt, on: db)
            try await recordAll(db, target)
        }
    }

    func note(on target: Case, _ text: String, visibility: CaseEvent.Visibility, actor: CaseRepository.Actor, at now: Date,
              on db: any SQLDatabase) async throws {
        let event = CaseEvent(caseID: target.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: visibility,
                              text: text, caseVersion: target.version)
        try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
    }

    // MARK: The message and its files

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var message_key: String
        var message_id: String?
        var from_address: String
        var from_name: String
        var to_address: String
        var subject: String
        var text: String
        var automatic: String?
        var outcome: String
        var case_id: UUID?
        var contact_id: UUID?
        var acknowledged: Bool
        var received_at: Date
    }

    func record(_ message: ReceivedMessage, outcome: String, caseID: UUID?, contactID: UUID?, acknowledged: Bool, on db: any SQLDatabase) async throws {
        let email = message.email
        try await db.insert(into: "inbound_emails").model(Row(
            id: message.id, council_id: message.route.councilID, message_key: message.key, message_id: email.messageID,
            from_address: message.sender ?? "", from_name: email.from?.name ?? "", to_address: message.route.address,
            subject: String(email.subject.prefix(998)), text: String(email.text.prefix(Self.longestText)), automatic: email.automatic,
            outcome: outcome, case_id: caseID, contact_id: contactID, acknowledged: acknowledged, received_at: message.receivedAt)).run()
    }

    /// A file from the email: kept (its bytes already in storage) or not, with why.
    struct StoredFile: Sendable {
        var attachment: InboundEmail.Attachment
        var storageKey: String?
        var notKeptBecause: String?
    }

    /// Writes the files' bytes before the transaction that names them, so no row names a
    /// missing file (a failed transaction leaves unnamed bytes, which harm nobody).
    func storeAttachments(_ attachments: [InboundEmail.Attachment]) async throws -> [StoredFile] {
        var stored: [StoredFile] = []
        for (index, attachment) in attachments.enumerated() {
            if index >= Self.mostAttachments {
                stored.append(StoredFile(attachment: attachment, notKeptBecause: "more than \(Self.mostAttachments) files"))
            } else if attachment.data.count > Self.largestAttachment {
                stored.append(StoredFile(attachment: attachment, notKeptBecause: "larger than \(Self.largestAttachment / 1024 / 1024) MB"))
            } else {
                let key = UUID().uuidString.lowercased()
                try await storage.write(attachment.data, key: key)
                stored.append(StoredFile(attachment: attachment, storageKey: key))
            }
        }
        return stored
    }

    func attach(_ files: [StoredFile], to message: ReceivedMessage, councilID: UUID, at now: Date, on db: any SQLDatabase) async throws {
        for file in files {
            guard let key = file.storageKey, let id = UUID(uuidString: key) else { continue }
            let data = file.attachment.data
            try await db.insert(into: "attachments").model(AttachmentRepository.Row(
                id: id, council_id: councilID, draft_id: nil, submission_id: nil, field_id: "email",
                file_name: String(file.attachment.fileName.prefix(200)), content_type: file.attachment.contentType, byte_count: data.count,
                sha256: SHA256.hash(data: data).hexString, storage_key: key, created_at: now, inbound_email_id: message.id)).run()
        }
    }

    func noteFilesNotKept(_ files: [StoredFile], on target: Case, at now: Date, on db: any SQLDatabase) async throws {
        let dropped = files.compactMap { file in file.notKeptBecause.map { "\(file.attachment.fileName) (\($0))" } }
        guard !dropped.isEmpty else { return }
        try await note(on: target, "Files sent by email and not kept: " + dropped.joined(separator: ", ") + ". Ask the customer for them another way.",
                       visibility: .internal, actor: .init(id: nil, name: "FrontDoor"), at: now, on: db)
    }
}

/// One received email on its way in, with what was worked out about it.
struct ReceivedMessage: Sendable {
    var id: UUID
    var email: InboundEmail
    var key: String
    var route: InboundMailRouting.Route
    var sender: String?
    var receivedAt: Date

    /// The name the timeline shows: the customer's, else the name in the From header, else the address.
    func actorName(_ customer: Customer?) -> String {
        if let customer { return customer.name }
        if let name = email.from?.name, !name.isEmpty { return name }
        return sender ?? "Unknown sender"
    }

    func timelineText(limit: Int) -> String {
        String(("Email received: \(email.subject)\n\n" + email.text.trimmingCharacters(in: .whitespacesAndNewlines)).prefix(limit))
    }

    /// The Message-ID to answer, when it is safe to put in a header (printable ASCII, no spaces).
    var threadableID: String? {
        guard let id = email.messageID, id.count <= 250, id.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" }) else {
            return nil
        }
        return id
    }
}
