import Foundation

/// One event about a call, as the council's telephony platform reports it to the webhook.
/// The JSON shape (documented in the API guide):
///
///     {"call_id": "CA123", "event": "ringing", "occurred_at": "2026-11-24T09:30:00Z",
///      "caller": "+441632960417", "queue": "council-tax", "wait_seconds": 42,
///      "agent": "sam.patel@kingsmere.example"}
///
/// `call_id` and `event` are required. `caller` is absent or empty when the number is withheld;
/// `agent` is the advisor's email address as FrontDoor knows it.
public struct CallEvent: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Offered to an agent (or queued, when `agent` is absent).
        case ringing
        case answered
        /// The caller or the agent hung up; a call that ends unanswered was abandoned.
        case ended
    }

    public var callID: String
    public var kind: Kind
    public var occurredAt: Date
    public var caller: String
    public var queue: String
    public var waitSeconds: Int?
    public var agent: String?

    public init(callID: String, kind: Kind, occurredAt: Date, caller: String = "", queue: String = "", waitSeconds: Int? = nil,
                agent: String? = nil) {
        self.callID = callID
        self.kind = kind
        self.occurredAt = occurredAt
        self.caller = caller
        self.queue = queue
        self.waitSeconds = waitSeconds
        self.agent = agent
    }

    public static let longestText = 200
    /// A day: longer than that is a platform's bug, not a wait.
    public static let longestWaitSeconds = 86_400

    /// Reads an event from the webhook's body, naming every problem (by JSON field) at once.
    /// `now` stands in for a missing `occurred_at`.
    public static func parse(_ body: Data, now: Date) -> Result<CallEvent, FieldProblems> {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: body) else {
            return .failure(FieldProblems(all: [.init(field: "body", message: "The body must be a JSON object")]))
        }
        var problems: [FieldProblem] = []
        func text(_ key: String, required: Bool) -> String? {
            switch object[key] {
            case nil, .null?:
                if required { problems.append(.init(field: key, message: "\(key) is required")) }
                return nil
            case .text(let value)?:
                if value.count > longestText { problems.append(.init(field: key, message: "\(key) must be \(longestText) characters or fewer")) }
                if required && value.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.init(field: key, message: "\(key) must not be empty")) }
                return value.trimmingCharacters(in: .whitespaces)
            default:
                problems.append(.init(field: key, message: "\(key) must be a string"))
                return nil
            }
        }
        let callID = text("call_id", required: true)
        let kindText = text("event", required: true)
        let kind = kindText.flatMap(Kind.init(rawValue:))
        if kindText != nil, kind == nil {
            problems.append(.init(field: "event", message: "event must be one of " + Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var occurredAt = now
        if let stamp = text("occurred_at", required: false) {
            if let parsed = ISO8601DateFormatter().date(from: stamp) ?? Self.fractionalSeconds.date(from: stamp) {
                occurredAt = parsed
            } else {
                problems.append(.init(field: "occurred_at", message: "occurred_at must be an ISO 8601 date and time, like 2026-11-24T09:30:00Z"))
            }
        }
        let caller = text("caller", required: false) ?? ""
        let queue = text("queue", required: false) ?? ""
        let agent = text("agent", required: false).flatMap { $0.isEmpty ? nil : $0.lowercased() }
        var wait: Int?
        switch object["wait_seconds"] {
        case nil, .null?: break
        case .number(let value)?:
            if value.rounded() == value, value >= 0, value <= Double(longestWaitSeconds) {
                wait = Int(value)
            } else {
                problems.append(.init(field: "wait_seconds", message: "wait_seconds must be a whole number from 0 to \(longestWaitSeconds)"))
            }
        default:
            problems.append(.init(field: "wait_seconds", message: "wait_seconds must be a number"))
        }
        guard problems.isEmpty, let callID, let kind else { return .failure(FieldProblems(all: problems)) }
        return .success(CallEvent(callID: callID, kind: kind, occurredAt: occurredAt, caller: caller, queue: queue,
                                  waitSeconds: wait, agent: agent))
    }

    /// Any JSON value, so each field's type can be checked and named in the error.
    private enum JSONValue: Decodable {
        case null, flag(Bool), number(Double), text(String), other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .flag(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .text(value) }
            else { self = .other }
        }
    }

    private static var fractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
