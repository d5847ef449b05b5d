/// What an integrator's API key may do. Open311 is one scope (reading services and requests is
/// open to all, as the specification has it; posting needs the key); the JSON API's
/// resources each have a read and a write scope.
public enum ApiScope: String, CaseIterable, Sendable, Codable {
    case open311
    case customersRead = "customers:read"
    case customersWrite = "customers:write"
    case casesRead = "cases:read"
    case casesWrite = "cases:write"
    case contactsRead = "contacts:read"
    case contactsWrite = "contacts:write"
    case servicesRead = "services:read"

    /// Scopes named in a comma-separated list; nil (with the unknown name) if one is not a scope.
    public static func parse(_ list: String) -> Result<Set<ApiScope>, UnknownScope> {
        var scopes: Set<ApiScope> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let scope = ApiScope(rawValue: name) else { return .failure(UnknownScope(name: name)) }
            scopes.insert(scope)
        }
        return .success(scopes)
    }

    /// The scope a JSON API request needs: the resource is the first part of its path
    /// (`customers`, `cases`, …), reading needs the read scope and writing the write scope. Nil
    /// for a path that is no resource, which the API answers with 404.
    public static func needed(forResource resource: String, writing: Bool) -> ApiScope? {
        switch (resource, writing) {
        case ("customers", false): .customersRead
        case ("customers", true): .customersWrite
        case ("cases", false): .casesRead
        case ("cases", true): .casesWrite
        case ("contacts", false): .contactsRead
        case ("contacts", true): .contactsWrite
        case ("services", false): .servicesRead
        default: nil
        }
    }

    public struct UnknownScope: Error, Equatable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "\(name) is not a scope; the scopes are " + ApiScope.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}

/// Whether a request is open or closed, as Open311 (and FixMyStreet) see a case.
public enum Open311Status {
    public static func of(_ status: CaseStatus) -> String {
        switch status {
        case .submitted, .acknowledged, .inProgress, .awaitingCustomer: "open"
        case .resolved, .closed, .withdrawn, .duplicate: "closed"
        }
    }

    public static func statuses(_ value: String) -> Set<CaseStatus>? {
        switch value.lowercased() {
        case "open": [.submitted, .acknowledged, .inProgress, .awaitingCustomer]
        case "closed": [.resolved, .closed, .withdrawn, .duplicate]
        default: nil
        }
    }
}
