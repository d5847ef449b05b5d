/// GOV.UK summary list: key, value and optional change links (check your answers, records).
public struct SummaryList: Sendable {
    public struct Action: Sendable {
        public var href: String
        public var text: String
        /// Completes the link text for screen readers: "Change" + " name".
        public var visuallyHiddenText: String
    }

    public struct Row: Sendable {
        public var key: String
        /// Each line of the value is its own paragraph (addresses, lists).
        public var valueLines: [String]
        public var actions: [Action]
        public var hasActions: Bool

        public init(key: String, value: String, actions: [Action] = []) {
            self.key = key
            self.valueLines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            self.actions = actions
            self.hasActions = !actions.isEmpty
        }
    }

    public var rows: [Row]
    public init(rows: [Row]) { self.rows = rows }
}

extension SummaryList.Action {
    public init(href: String, visuallyHiddenText: String, text: String = "Change") {
        self.href = href
        self.text = text
        self.visuallyHiddenText = visuallyHiddenText
    }
}
