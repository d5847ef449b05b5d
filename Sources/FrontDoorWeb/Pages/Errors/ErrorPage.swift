/// The page for anything that went wrong: not found, a refused request, or our own failure.
public struct ErrorPage: PageModel {
    public static let template = "error"

    public var chrome: PageChrome
    public var heading: String
    public var paragraphs: [String]
    /// Quoted to the contact centre so the failure can be found in the logs.
    public var requestID: String?
    /// Only in development: what failed, to save a trip to the logs. Never in production.
    public var developerDetail: String?
    public var homeHref: String
}
