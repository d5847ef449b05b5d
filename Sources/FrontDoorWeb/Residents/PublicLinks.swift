import Hummingbird

/// Absolute links to this site, for emails. The address comes from BASE_URL, never from the
/// request's Host header (which anyone can set, and which would let an attacker have password
/// reset links point at their own site), except where the Host named a council's registered
/// host name, which is then known to be ours.
public struct PublicLinks: Sendable {
    let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL
    }

    public func url(_ path: String, request: Request, context: some CouncilScopedContext) -> String {
        if case .council(_, via: .hostName) = context.councilSelection, let authority = request.head.authority {
            let scheme = baseURL.hasPrefix("https://") ? "https" : "http"
            return "\(scheme)://\(authority)\(path)"
        }
        return baseURL + context.basePath + path
    }
}
