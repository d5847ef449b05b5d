/// The annual complaints report for one financial year: a summary, complaints by service and
/// by stage, compliments and comments, each table also downloadable as CSV.
public struct ComplaintReportPage: PageModel {
    public static let template = "complaints-report"

    public var chrome: PageChrome
    public var heading: String
    public var action: String
    public var year: Select
    public var show: Button
    public var summary: SummaryList
    public var byService: Table?
    public var byStage: Table?
    public var compliments: Table?
    public var comments: Table?
    public var csvHref: String
}
