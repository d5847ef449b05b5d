/// A horizontal bar chart drawn on the server as SVG: one row a category, with this period's
/// bar and, when there is a comparison, the previous period's beneath it. It is a picture of
/// the data table the page puts beside it (the table is what screen readers and spreadsheets
/// use), so the SVG names itself and says where the figures are, and the bars carry no meaning
/// by colour alone: the values are written at the end of each bar.
///
/// Written here rather than taken from a charting library: the ones for Swift draw in a
/// browser or on Apple platforms, and the page must show its charts with JavaScript off.
public struct BarChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var value: Double
        public var valueText: String
        public var previous: Double?
        public var previousText: String?

        public init(label: String, value: Double, valueText: String, previous: Double? = nil, previousText: String? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.previous = previous
            self.previousText = previousText
        }
    }

    /// One bar, positioned in the SVG's own units.
    public struct Bar: Sendable {
        public var y: Int
        public var width: Int
        public var textX: Int
        public var textY: Int
        public var text: String
        public var classes: String
    }

    public struct Label: Sendable {
        public var y: Int
        public var text: String
    }

    public var id: String
    public var title: String
    public var description: String
    public var width: Int
    public var height: Int
    public var labelWidth: Int
    public var bars: [Bar]
    public var labels: [Label]
    public var key: [KeyItem]
    public var hasKey: Bool

    public struct KeyItem: Sendable {
        public var text: String
        public var classes: String
    }

    static let barHeight = 18
    static let gap = 4
    static let rowGap = 14
    static let plotWidth = 420
    static let valueRoom = 110

    /// `thisPeriod` and `previousPeriod` name the two bars in the key.
    public init(id: String, title: String, tableCaption: String, rows: [Row], thisPeriod: String, previousPeriod: String?) {
        self.id = id
        self.title = title
        self.description = "The figures are in the table “\(tableCaption)”."
        let compared = previousPeriod != nil && rows.contains { $0.previous != nil }
        let largest = rows.flatMap { [$0.value, $0.previous ?? 0] }.max() ?? 0
        let rowHeight = compared ? Self.barHeight * 2 + Self.gap + Self.rowGap : Self.barHeight + Self.rowGap
        labelWidth = min(260, max(90, (rows.map(\.label.count).max() ?? 10) * 7 + 12))
        width = labelWidth + Self.plotWidth + Self.valueRoom
        height = max(rowHeight, rows.count * rowHeight)
        func length(_ value: Double) -> Int {
            largest <= 0 ? 0 : max(value > 0 ? 1 : 0, Int((value / largest * Double(Self.plotWidth)).rounded()))
        }
        var bars: [Bar] = [], labels: [Label] = []
        for (index, row) in rows.enumerated() {
            let top = index * rowHeight
            labels.append(Label(y: top + Self.barHeight - 4, text: row.label))
            let current = length(row.value)
            bars.append(Bar(y: top, width: current, textX: labelWidth + current + 6, textY: top + Self.barHeight - 4,
                            text: row.valueText, classes: "fd-chart__bar"))
            if compared, let previous = row.previous {
                let before = length(previous)
                let y = top + Self.barHeight + Self.gap
                bars.append(Bar(y: y, width: before, textX: labelWidth + before + 6, textY: y + Self.barHeight - 4,
                                text: row.previousText ?? "", classes: "fd-chart__bar fd-chart__bar--previous"))
            }
        }
        self.bars = bars
        self.labels = labels
        key = compared ? [KeyItem(text: thisPeriod, classes: "fd-chart__key fd-chart__key--current"),
                          KeyItem(text: previousPeriod ?? "", classes: "fd-chart__key fd-chart__key--previous")] : []
        hasKey = compared
    }
}
