import Foundation
import FrontDoorDomain

/// The `data` of each event's body: what a back-office system needs to act without calling back.
enum WebhookPayloads {
    static func of(_ item: Case) -> [String: WebhookValue] {
        let resolveBy: WebhookValue = switch item.resolveBy {
        case .date(let day): .string(day.description)
        case .instant(let instant): .time(instant)
        }
        return [
            "case_id": .string(item.id.uuidString.lowercased()), "reference": .string(item.reference.description),
            "service_id": .string(item.serviceID.uuidString.lowercased()), "status": .string(item.status.rawValue),
            "channel": .string(item.channel.rawValue), "customer_id": .optional(item.customerID?.uuidString.lowercased()),
            "team_id": .optional(item.teamID?.uuidString.lowercased()), "ward": .optional(item.ward),
            "received_at": .time(item.receivedAt), "updated_at": .time(item.updatedAt), "resolve_by": resolveBy,
            "standard_state": .string(item.standardState.rawValue),
        ]
    }

    static func of(_ contact: Contact) -> [String: WebhookValue] {
        [
            "contact_id": .string(contact.id.uuidString.lowercased()), "customer_id": .optional(contact.customerID?.uuidString.lowercased()),
            "channel": .string(contact.channel.rawValue), "service_id": .optional(contact.serviceID?.uuidString.lowercased()),
            "outcome": .string(contact.outcome.rawValue), "demand": .string(contact.demand.rawValue),
            "recorded_at": .time(contact.recordedAt),
        ]
    }

    static func of(_ address: PostalAddress?) -> WebhookValue {
        guard let address else { return .null }
        return .object([
            "line1": .string(address.line1), "line2": .string(address.line2), "town": .string(address.town),
            "postcode": .string(address.postcode.description), "uprn": .optional(address.uprn?.value),
        ])
    }
}
