import Foundation

/// Whether an email that opened a case gets the automatic acknowledgement. RFC 3834's rules
/// for automatic responders: never answer automatic mail (auto-replies, bounces, lists), never
/// answer ourselves, and do not answer the same sender without limit: two auto-responders
/// answering each other would otherwise loop for ever.
public enum AcknowledgementPolicy {
    /// More acknowledgements than this to one address within an hour suggests a loop: the
    /// cases are still opened, but no more acknowledgements go.
    public static let perSenderPerHour = 5

    public enum Decision: Equatable, Sendable {
        case acknowledge
        case stayQuiet(String)
    }

    public static func decide(automatic: String?, sender: String?, isCouncilAddress: Bool, acknowledgedInLastHour: Int) -> Decision {
        if let automatic { return .stayQuiet("automatic mail (\(automatic))") }
        guard let sender, EmailAddressRule.isPlausible(sender) else { return .stayQuiet("no address to answer") }
        if isCouncilAddress { return .stayQuiet("sent from the council's own mail domain") }
        if acknowledgedInLastHour >= perSenderPerHour {
            return .stayQuiet("already acknowledged \(acknowledgedInLastHour) emails from \(sender) in the last hour")
        }
        return .acknowledge
    }
}
