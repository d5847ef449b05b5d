/// GOV.UK notification banner. A success banner is announced (role "alert"); an important
/// one is a labelled region.
public struct NotificationBanner: Sendable {
    public var titleId: String
    /// The title ("Success" or "Important") comes from the string catalogue, by `isSuccess`.
    public var heading: String
    public var text: String?
    public var isSuccess: Bool
    public var role: String
    public var classes: String

    public init(heading: String, text: String? = nil, isSuccess: Bool = false, titleId: String = "notification-banner-title") {
        self.titleId = titleId
        self.heading = heading
        self.text = text
        self.isSuccess = isSuccess
        self.role = isSuccess ? "alert" : "region"
        self.classes = isSuccess ? "fd-notification-banner fd-notification-banner--success" : "fd-notification-banner"
    }
}
