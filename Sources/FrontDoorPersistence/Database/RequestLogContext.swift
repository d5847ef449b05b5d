import Logging

/// The id of the request being served, for log lines written by code that has no request
/// context (the database layer, libraries). The logging system's metadata provider adds it to
/// every line written while a request is handled, so one id finds all of a request's lines.
public enum RequestLogContext {
    @TaskLocal public static var requestID: String?

    /// Hummingbird's own key, so lines from the request's logger and from elsewhere match.
    public static let metadataKey = "hb.request.id"

    public static let metadataProvider = Logger.MetadataProvider {
        guard let requestID else { return [:] }
        return [metadataKey: .string(requestID)]
    }
}
