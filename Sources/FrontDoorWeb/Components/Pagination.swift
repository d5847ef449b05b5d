/// GOV.UK pagination: previous and next links with numbered pages between.
public struct Pagination: Sendable {
    public struct Link: Sendable {
        public var href: String
        public var text: String
    }

    public struct Item: Sendable {
        public var number: Int
        public var href: String
        public var isCurrent: Bool
        public var isEllipsis: Bool
    }

    public var previous: Link?
    public var next: Link?
    public var items: [Item]

    /// Pages shown: first, last, current and its neighbours, with ellipses for the gaps.
    /// `href` builds the link for a page number.
    public init(currentPage: Int, pageCount: Int, href: (Int) -> String) {
        let current = min(max(1, currentPage), max(1, pageCount))
        self.previous = current > 1 ? Link(href: href(current - 1), text: "Previous") : nil
        self.next = current < pageCount ? Link(href: href(current + 1), text: "Next") : nil
        let shown = Set([1, pageCount, current - 1, current, current + 1]).filter { (1...max(1, pageCount)).contains($0) }.sorted()
        var items: [Item] = []
        var previousNumber = 0
        for number in shown {
            if number - previousNumber > 1 {
                items.append(Item(number: 0, href: "", isCurrent: false, isEllipsis: true))
            }
            items.append(Item(number: number, href: href(number), isCurrent: number == current, isEllipsis: false))
            previousNumber = number
        }
        self.items = pageCount > 1 ? items : []
    }
}
