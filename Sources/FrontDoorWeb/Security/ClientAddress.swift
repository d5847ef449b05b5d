import Foundation

/// The address of the person making a request, for the sign-in lock-out and the audit trail.
///
/// The connecting address is used, unless it is one of the deployment's trusted reverse
/// proxies: then `X-Forwarded-For` is read from the right (the proxies append to it) and the
/// first address that is not itself a trusted proxy is the client's. Anything to its left was
/// supplied by the client and cannot be believed.
public enum ClientAddress {
    public static func resolve(connecting: String, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        guard trustedProxies.contains(connecting), let forwardedFor else { return connecting }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return hop
        }
        return hops.first ?? connecting
    }
}
