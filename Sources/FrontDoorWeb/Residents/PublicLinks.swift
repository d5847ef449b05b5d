import FrontDoorDomain
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

    /// A request in My Account, for messages sent with no request at hand (reminders, email
    /// acknowledgements): by the council's path, which works whatever host names it has.
    @Sendable public func requestLink(_ council: Council, _ reference: CaseReference) -> String {
        baseURL + "/c/" + council.slug.value + ResidentPaths.requests + "/" + reference.description
    }
}
