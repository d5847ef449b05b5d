import Crypto
import Foundation

/// How a receiver knows an event came from FrontDoor and is fresh: the header
/// `FrontDoor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the
/// endpoint's secret>`. Signing the time with the body lets the receiver refuse old events
/// replayed (the API guide suggests five minutes).
public enum WebhookSignature {
    public static let header = "FrontDoor-Signature"

    public static func sign(body: Data, secret: String, at time: Date) -> String {
        let timestamp = String(Int(time.timeIntervalSince1970))
        var signed = Data((timestamp + ".").utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=" + timestamp + ",v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
