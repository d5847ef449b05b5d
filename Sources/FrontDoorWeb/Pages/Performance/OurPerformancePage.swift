/// The council's public "Our performance" page: its published service standards (the customer
/// charter) and how it is doing against each, last month and over the last twelve, worked out
/// by the product from the records themselves.
public struct OurPerformancePage: PageModel {
    public static let template = "our-performance"

    public var chrome: PageChrome
    public var updated: String
    public var services: Table?
    public var promises: Table
    public var complaintsReportHref: String
    public var youSaidWeDidHref: String
}
