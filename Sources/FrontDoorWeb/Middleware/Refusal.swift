import Hummingbird

/// A request refused for a reason the person can act on. It carries its own heading and
/// explanation, so each kind of refusal reads right ("Your form could not be sent" is not
/// "You cannot do that"), while `ErrorPageMiddleware` stays the one place errors become pages.
public struct Refusal: Error, Sendable {
    public var status: HTTPResponse.Status
    public var heading: String
    public var explanation: String

    public init(_ status: HTTPResponse.Status, heading: String, explanation: String) {
        self.status = status
        self.heading = heading
        self.explanation = explanation
    }
}
