/// The manager dashboard: a period and the one before it, its key figures, charts with their
/// tables, a breakdown, and every table as CSV.
public struct PerformancePage: PageModel {
    public static let template = "staff-performance"

    public struct PeriodLink: Sendable {
        public var text: String
        public var href: String
        public var isCurrent: Bool
    }

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    /// The council's name, or the shared service's.
    public var councilName: String
    /// For a shared service: its councils, and that the figures link to no records.
    public var memberCouncils: String?
    /// The viewer's council and each shared service it belongs to; empty when there is no choice.
    public var scopeLinks: [PeriodLink]
    public var hasScopeChoices: Bool
    /// The shared service's id, kept by the period form.
    public var scope: String?
    public var periodText: String
    public var periodLinks: [PeriodLink]
    public var action: String
    public var from: DateInput
    public var to: DateInput
    public var dimension: String
    public var show: Button
    public var sections: [PerformanceSection]
    public var publicPageHref: String
    /// The cost per contact form, for those who may change it.
    public var costsHref: String?
}
