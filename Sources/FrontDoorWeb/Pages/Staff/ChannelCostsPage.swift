/// The council's cost per contact on each channel, for cost to serve on the dashboard.
public struct ChannelCostsPage: PageModel {
    public static let template = "staff-channel-costs"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    public var action: String
    public var resetAction: String
    public var csrfToken: String
    public var costs: [TextInput]
    public var save: Button
    public var reset: Button
}
