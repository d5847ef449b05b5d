/// One part of the dashboard: its heading, an optional chart of the table, the table, and the
/// address of the table as CSV. `id` names the table in that address.
public struct PerformanceSection: Sendable {
    public var id: String
    public var heading: String
    public var intro: String?
    public var chart: BarChart?
    public var table: Table
    public var csvHref: String?
    /// Links that switch a breakdown to another dimension.
    public var switches: [Switch]
    public var hasSwitches: Bool

    public struct Switch: Sendable {
        public var text: String
        public var href: String
        public var isCurrent: Bool
    }

    init(id: String, heading: String, intro: String? = nil, chart: BarChart? = nil, table: Table, switches: [Switch] = []) {
        self.id = id
        self.heading = heading
        self.intro = intro
        self.chart = chart
        self.table = table
        self.switches = switches
        self.hasSwitches = !switches.isEmpty
    }
}
