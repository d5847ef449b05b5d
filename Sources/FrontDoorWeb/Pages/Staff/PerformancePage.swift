/// The manager dashboard: a period and the one before it, its key figures, charts with their
/// tables, a breakdown, and every table as CSV.
public struct PerformancePage: PageModel {
    public static let template = "staff-performance"

    /// A value a GET form carries along unseen (the rest of the address it keeps).
    public struct HiddenField: Sendable {
        public var name: String
        public var value: String
    }

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
    public var periodText: String
    public var periodLinks: [PeriodLink]
    public var action: String
    public var from: DateInput
    public var to: DateInput
    public var periodHidden: [HiddenField]
    public var show: Button
    /// The period form is open when it has a problem.
    public var periodOpen: Bool
    /// What channel shift is measured against, the two ready-made choices and any dates.
    public var baselineText: String
    public var baselineLinks: [PeriodLink]
    public var baselineFrom: DateInput
    public var baselineTo: DateInput
    public var baselineHidden: [HiddenField]
    public var useBaseline: Button
    /// The baseline form is open when it has a problem or its own dates are in use.
    public var baselineOpen: Bool
    public var sections: [PerformanceSection]
    public var publicPageHref: String
    /// The cost per contact form, for those who may change it.
    public var costsHref: String?
}
