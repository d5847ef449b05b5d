import Foundation
import FrontDoorDomain
import SQLKit

/// Cases and their timelines.
public struct CaseRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The council's next reference for `year`. One statement takes the number (an upsert that
    /// returns the new count), so two cases opened at once never share one, on either database.
    static func nextReference(councilID: UUID, year: Int, prefix: String, on db: any SQLDatabase) async throws -> CaseReference {
        struct Taken: Decodable { var last_number: Int }
        let taken = try await db.raw("""
            INSERT INTO case_reference_counters (council_id, year, last_number) VALUES (\(bind: councilID), \(bind: year), 1)
            ON CONFLICT (council_id, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
            RETURNING last_number
            """).first(decoding: Taken.self)
        guard let taken else { throw StoredDataError.unknownValue(table: "case_reference_counters", column: "last_number", value: "none") }
        return CaseReference(prefix: prefix, year: year, number: taken.last_number)
    }

    /// Opens a case for a submitted form, with its reference, deadlines and first timeline entry,
    /// on `db` (the transaction that records the submission, so one never exists without the other).
    public static func open(for submitted: SubmittedForm, form: FormDefinition, service: CouncilService, rules: CaseIntakeRules,
                            customerName: String?, submittedByName: String?, on db: any SQLDatabase) async throws -> Case {
        let receivedAt = submitted.submittedAt
        let reference = try await nextReference(councilID: submitted.councilID, year: LocalDate(receivedAt).year, prefix: "FD", on: db)
        var location: (Double, Double)?
        var address: PostalAddress?
        // The first location and the first address in the form's order are the case's.
        for value in form.fields.compactMap({ submitted.answers[$0.id] }) {
            switch value {
            case .location(let latitude, let longitude) where location == nil: location = (latitude, longitude)
            case .address(let found) where address == nil: address = found
            default: break
            }
        }
        let ward = try await WardLocator.ward(councilID: submitted.councilID, uprn: address?.uprn?.value, location: location, on: db)
        let made = Case(
            councilID: submitted.councilID, reference: reference, serviceID: service.id, submissionID: submitted.id,
            customerID: submitted.customerID, guestEmail: submitted.guestEmail, channel: submitted.channel, teamID: service.owningTeamID,
            latitude: location?.0, longitude: location?.1, address: address, ward: ward, receivedAt: receivedAt,
            acknowledgeBy: rules.acknowledgeBy(receivedAt: receivedAt), resolveBy: rules.resolveBy(service.standard, receivedAt: receivedAt),
            createdAt: receivedAt, updatedAt: receivedAt)
        try await db.insert(into: "cases").model(try CaseRow(made)).run()
        let opened = try await CaseProcessIntake.begin(made, service: service, rules: rules, on: db)
        let by = submittedByName.map { "\($0), by \(submitted.channel.displayName.lowercased())" } ?? customerName ?? "The customer"
        let event = CaseEvent(caseID: opened.id, occurredAt: receivedAt, actorID: submitted.submittedByStaffID ?? submitted.customerID,
                              actorName: by, visibility: .public, text: "Request received: \(service.name)", toStatus: .submitted, caseVersion: 1)
        try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
        try await WebhookOutbox.raise(.caseCreated, councilID: opened.councilID, data: WebhookPayloads.of(opened), at: receivedAt, on: db)
        // A request sent through a form is a contact too, on the channel it came by: so the
        // customer's record shows it beside their calls, and the contact figures count online
        // self-service and assisted requests in the same register as everything else.
        try await ContactRepository.record(Contact(
            councilID: opened.councilID, customerID: submitted.customerID, channel: Contact.Channel(submitted.channel), serviceID: service.id,
            outcome: .caseRaised, demand: .value, durationMinutes: nil, notes: "Request \(reference) sent: \(service.name)",
            staffID: submitted.submittedByStaffID, staffName: submittedByName ?? "The customer", recordedAt: receivedAt), on: db)
        return opened
    }

    /// Opens a case for a message with no form behind it (an email), on `db`: the same
    /// reference, deadlines and first timeline entry as a form's, the message's words as that entry.
    static func open(emailTo service: CouncilService, councilID: UUID, customerID: UUID?, guestEmail: String?, rules: CaseIntakeRules,
                     receivedAt: Date, firstEntry: String, actorID: UUID?, actorName: String, on db: any SQLDatabase) async throws -> Case {
        let reference = try await nextReference(councilID: councilID, year: LocalDate(receivedAt).year, prefix: "FD", on: db)
        let made = Case(
            councilID: councilID, reference: reference, serviceID: service.id, submissionID: nil, customerID: customerID, guestEmail: guestEmail,
            channel: .email, teamID: service.owningTeamID, receivedAt: receivedAt, acknowledgeBy: rules.acknowledgeBy(receivedAt: receivedAt),
            resolveBy: rules.resolveBy(service.standard, receivedAt: receivedAt), createdAt: receivedAt, updatedAt: receivedAt)
        try await db.insert(into: "cases").model(try CaseRow(made)).run()
        let opened = try await CaseProcessIntake.begin(made, service: service, rules: rules, on: db)
        let event = CaseEvent(caseID: opened.id, occurredAt: receivedAt, actorID: actorID, actorName: actorName, visibility: .public,
                              text: firstEntry, toStatus: .submitted, caseVersion: 1)
        try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
        try await WebhookOutbox.raise(.caseCreated, councilID: opened.councilID, data: WebhookPayloads.of(opened), at: receivedAt, on: db)
        return opened
    }

    public func find(id: UUID, councilID: UUID) async throws -> Case? {
        try await database.sql.select().column("*").from("cases").where("id", .equal, id).where("council_id", .equal, councilID)
            .first(decoding: CaseRow.self)?.toCase()
    }

    public func find(reference: CaseReference, councilID: UUID) async throws -> Case? {
        try await database.sql.select().column("*").from("cases").where("reference", .equal, reference.description)
            .where("council_id", .equal, councilID).first(decoding: CaseRow.self)?.toCase()
    }

    public func find(submissionID: UUID) async throws -> Case? {
        try await database.sql.select().column("*").from("cases").where("submission_id", .equal, submissionID)
            .first(decoding: CaseRow.self)?.toCase()
    }

    /// A customer's cases, newest first.
    public func all(customerID: UUID) async throws -> [Case] {
        try await database.sql.select().column("*").from("cases").where("customer_id", .equal, customerID)
            .orderBy("received_at", .descending).orderBy("reference", .descending).all(decoding: CaseRow.self).map { try $0.toCase() }
    }

    /// The timeline, oldest first; internal notes only when asked for (staff).
    public func events(caseID: UUID, includingInternal: Bool) async throws -> [CaseEvent] {
        var query = database.sql.select().column("*").from("case_events").where("case_id", .equal, caseID)
        if !includingInternal { query = query.where("visibility", .equal, CaseEvent.Visibility.public.rawValue) }
        return try await query.orderBy("occurred_at").all(decoding: CaseEventRow.self).map { try $0.toEvent() }
    }
}
