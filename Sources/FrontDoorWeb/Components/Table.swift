/// GOV.UK table. Numeric columns are right-aligned in both head and body.
public struct Table: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var isNumeric: Bool
        public var isHeader: Bool
        /// A link in the cell (the row's own page, say).
        public var href: String?
    }

    public struct Row: Sendable {
        public var cells: [Cell]
    }

    public var caption: String?
    public var captionClasses: String
    public var head: [Cell]
    public var rows: [Row]

    /// `numericColumns` are indexes; the first cell of each row is a row header when `firstCellIsHeader`,
    /// and a link to `firstCellLinks[row]` when that is given; any cell links to `links[row][column]` when that is.
    public init(caption: String?, captionClasses: String = "fd-table__caption--m", head: [String],
                rows: [[String]], numericColumns: Set<Int> = [], firstCellIsHeader: Bool = false, firstCellLinks: [String?] = [],
                links: [[String?]] = []) {
        self.caption = caption
        self.captionClasses = captionClasses
        self.head = head.enumerated().map { Cell(text: $1, isNumeric: numericColumns.contains($0), isHeader: true) }
        self.rows = rows.enumerated().map { rowIndex, row in
            Row(cells: row.enumerated().map { index, text in
                Cell(text: text, isNumeric: numericColumns.contains(index), isHeader: firstCellIsHeader && index == 0,
                     href: (index == 0 && rowIndex < firstCellLinks.count ? firstCellLinks[rowIndex] : nil)
                        ?? (rowIndex < links.count && index < links[rowIndex].count ? links[rowIndex][index] : nil))
            })
        }
    }
}
