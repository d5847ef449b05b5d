import Foundation
import FrontDoorDomain

/// A `cases` row, and the case it holds.
struct CaseRow: Codable {
    var id: UUID
    var council_id: UUID
    var reference: String
    var service_id: UUID
    var submission_id: UUID?
    var customer_id: UUID?
    var guest_email: String?
    var channel: String
    var priority: String
    var status: String
    var team_id: UUID?
    var officer_id: UUID?
    var latitude: Double?
    var longitude: Double?
    var address: String?
    var ward: String?
    var uprn: String?
    var received_at: Date
    var acknowledge_by: String
    var resolve_by_date: String?
    var resolve_by_at: Date?
    var standard_state: String
    var standard_met: Bool?
    var working_days_taken: Int?
    var created_at: Date
    var updated_at: Date
    var acknowledged_at: Date?
    var resolved_at: Date?
    var closed_at: Date?
    var version: Int

    init(_ item: Case) throws {
        id = item.id
        council_id = item.councilID
        reference = item.reference.description
        service_id = item.serviceID
        submission_id = item.submissionID
        customer_id = item.customerID
        guest_email = item.guestEmail
        channel = item.channel.rawValue
        priority = item.priority.rawValue
        status = item.status.rawValue
        team_id = item.teamID
        officer_id = item.officerID
        latitude = item.latitude
        longitude = item.longitude
        address = try item.address.map(StoredJSON.encode)
        uprn = item.address?.uprn?.value
        ward = item.ward
        received_at = item.receivedAt
        acknowledge_by = item.acknowledgeBy.description
        switch item.resolveBy {
        case .date(let date): (resolve_by_date, resolve_by_at) = (date.description, nil)
        case .instant(let instant): (resolve_by_date, resolve_by_at) = (nil, instant)
        }
        standard_state = item.standardState.rawValue
        standard_met = item.outcome?.met
        working_days_taken = item.outcome?.workingDaysTaken
        created_at = item.createdAt
        updated_at = item.updatedAt
        acknowledged_at = item.acknowledgedAt
        resolved_at = item.resolvedAt
        closed_at = item.closedAt
        version = item.version
    }

    func toCase() throws -> Case {
        func unknown(_ column: String, _ value: String) -> StoredDataError { .unknownValue(table: "cases", column: column, value: value) }
        guard let reference = CaseReference(reference) else { throw unknown("reference", reference) }
        guard let channel = ServiceChannel(rawValue: channel) else { throw unknown("channel", channel) }
        guard let priority = CasePriority(rawValue: priority) else { throw unknown("priority", priority) }
        guard let status = CaseStatus(rawValue: status) else { throw unknown("status", status) }
        guard let acknowledgeBy = LocalDate(acknowledge_by) else { throw unknown("acknowledge_by", acknowledge_by) }
        guard let state = StandardState(rawValue: standard_state) else { throw unknown("standard_state", standard_state) }
        let resolveBy: CaseDeadline
        if let text = resolve_by_date, let date = LocalDate(text) { resolveBy = .date(date) }
        else if let instant = resolve_by_at { resolveBy = .instant(instant) }
        else { throw unknown("resolve_by_date", resolve_by_date ?? "none") }
        return Case(
            id: id, councilID: council_id, reference: reference, serviceID: service_id, submissionID: submission_id, customerID: customer_id,
            guestEmail: guest_email, channel: channel, priority: priority, status: status, teamID: team_id, officerID: officer_id,
            latitude: latitude, longitude: longitude,
            address: try address.map { try StoredJSON.decode(PostalAddress.self, $0, table: "cases", column: "address") },
            ward: ward, receivedAt: received_at, acknowledgeBy: acknowledgeBy, resolveBy: resolveBy, standardState: state,
            outcome: standard_met.map { StandardOutcome(met: $0, workingDaysTaken: working_days_taken ?? 0) }, createdAt: created_at,
            updatedAt: updated_at, acknowledgedAt: acknowledged_at, resolvedAt: resolved_at, closedAt: closed_at, version: version)
    }
}

/// A `case_events` row.
struct CaseEventRow: Codable {
    var id: UUID
    var case_id: UUID
    var occurred_at: Date
    var actor_id: UUID?
    var actor_name: String
    var visibility: String
    var text: String
    var from_status: String?
    var to_status: String?
    var case_version: Int

    init(_ event: CaseEvent) {
        case_version = event.caseVersion
        id = event.id
        case_id = event.caseID
        occurred_at = event.occurredAt
        actor_id = event.actorID
        actor_name = event.actorName
        visibility = event.visibility.rawValue
        text = event.text
        from_status = event.fromStatus?.rawValue
        to_status = event.toStatus?.rawValue
    }

    func toEvent() throws -> CaseEvent {
        guard let visibility = CaseEvent.Visibility(rawValue: visibility) else {
            throw StoredDataError.unknownValue(table: "case_events", column: "visibility", value: visibility)
        }
        return CaseEvent(id: id, caseID: case_id, occurredAt: occurred_at, actorID: actor_id, actorName: actor_name, visibility: visibility,
                         text: text, fromStatus: from_status.flatMap(CaseStatus.init(rawValue:)), toStatus: to_status.flatMap(CaseStatus.init(rawValue:)),
                         caseVersion: case_version)
    }
}
