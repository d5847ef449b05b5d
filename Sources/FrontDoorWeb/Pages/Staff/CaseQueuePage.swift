import FrontDoorDomain

/// A work queue: the filters (a GET form, so a queue can be bookmarked), the cases a page at a
/// time, and assigning the ones ticked.
public struct CaseQueuePage: PageModel {
    public static let template = "staff-queue"

    public struct Row: Sendable {
        public var id: String
        public var checkboxID: String
        public var reference: String
        public var href: String
        public var service: String
        public var status: String
        public var standard: String
        public var isOverdue: Bool
        public var due: String
        public var received: String
        public var officer: String
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    public var filterAction: String
    public var filters: [Select]
    public var olderThan: TextInput
    public var applyFilters: Button
    public var summary: String
    public var rows: [Row]
    public var hasRows: Bool
    public var assignAction: String?
    public var csrfToken: String
    public var assignTo: Select?
    public var assign: Button?
    public var pagination: Pagination

    init(chrome: PageChrome, banner: NotificationBanner?, errorSummary: ErrorSummary?, filterAction: String, filters: [Select],
         olderThan: TextInput, summary: String, rows: [Row], assignAction: String?, csrfToken: String, assignTo: Select?, pagination: Pagination) {
        self.chrome = chrome
        self.banner = banner
        self.errorSummary = errorSummary
        self.filterAction = filterAction
        self.filters = filters
        self.olderThan = olderThan
        self.applyFilters = Button("Show cases", variant: .secondary)
        self.summary = summary
        self.rows = rows
        self.hasRows = !rows.isEmpty
        self.assignAction = assignAction
        self.csrfToken = csrfToken
        self.assignTo = assignTo
        self.assign = assignTo == nil ? nil : Button("Assign the cases ticked")
        self.pagination = pagination
    }
}
