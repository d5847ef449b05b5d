/// The contacts or cases behind a dashboard figure.
public struct PerformanceRecordsPage: PageModel {
    public static let template = "staff-performance-records"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var heading: String
    public var description: String
    public var table: Table?
    public var limitNote: String?
}
