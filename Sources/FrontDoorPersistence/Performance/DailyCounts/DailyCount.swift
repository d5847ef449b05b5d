/// How the dashboard's counts are kept: a few small tables of counts per council and UK day
/// (`daily_contacts`, `daily_cases`, `daily_ward_cases`, `daily_calls`), which the database
/// keeps itself with triggers on the tables they count. A trigger runs in the transaction of
/// the change it counts, whatever code made the change (a form, an advisor, a job, a merge, a
/// cascade from a deleted team), so the counts cannot miss a path through the code or fall out
/// of step with a rolled-back change. A year's dashboard then adds up a few hundred thousand
/// counts instead of grouping millions of records (docs/performance.md).
///
/// Each `DailyCount` is one way a source row adds to a daily table: its key (the council, the
/// row's UK day and the columns it is split by) and the amounts it adds. A row adds when it is
/// inserted, takes its amounts away when deleted, and moves them when an update changes the
/// key or the amounts. `PerformanceRecount` counts the same figures from the records, and a
/// test holds the two equal.
///
/// The cost is on writes: a contact or case change also writes its day's count rows, and on
/// PostgreSQL two transactions changing records of the same council, day and service wait for
/// each other's commit at those rows. Transactions here are short, so the wait is too.
struct DailyCount: Sendable {
    /// One column of the key and the value a source row gives it.
    enum Key: Sendable {
        /// The source column as it is.
        case column(String)
        /// A nullable id; "none" is stored as the all-zero id so that it is a key like any other.
        case idOrNone(String)
        /// A nullable text; "none" is stored as the empty text.
        case textOrNone(String)
        /// The day in the UK (`YYYY-MM-DD`) of a time column.
        case ukDay(String)

        var sourceColumn: String {
            switch self {
            case .column(let column), .idOrNone(let column), .textOrNone(let column), .ukDay(let column): column
            }
        }
    }

    /// Unique among the daily counts: names the triggers.
    var name: String
    var source: String
    var table: String
    /// The key's columns in the daily table, each with the value a source row gives it.
    var keys: [(column: String, value: Key)]
    /// The counted columns, each with an expression over the source row (`ROW.column`) giving
    /// what one row adds.
    var amounts: [(column: String, expression: String)]
    /// Over the source row (`ROW.column`): whether the row counts at all.
    var condition: String

    /// The source columns whose change moves a row's contribution.
    var watched: [String] {
        var columns: [String] = []
        let mentioned = keys.map(\.value.sourceColumn) + Self.columns(in: amounts.map(\.expression) + [condition])
        for column in mentioned where !columns.contains(column) { columns.append(column) }
        return columns
    }

    /// The `ROW.column` references in the expressions.
    static func columns(in expressions: [String]) -> [String] {
        expressions.flatMap { expression in
            expression.split(separator: "ROW.", omittingEmptySubsequences: false).dropFirst().map { rest in
                String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            }
        }
    }
}

extension DailyCount {
    /// Every daily count, in the order the migration creates them.
    static let all: [DailyCount] = [contacts, casesReceived, casesResolved, wardCasesReceived, wardCasesResolved, calls]

    static let contacts = DailyCount(
        name: "daily_contacts_count", source: "contacts", table: "daily_contacts",
        keys: [("council_id", .column("council_id")), ("day", .ukDay("recorded_at")), ("service_id", .idOrNone("service_id")),
               ("channel", .column("channel")), ("outcome", .column("outcome")), ("demand", .column("demand"))],
        amounts: [("contacts", "1")],
        condition: "1 = 1")

    /// Cases by the day they came in. Team and service together are few per day (a service has
    /// one team, mostly); wards are counted apart, because wards times services would be nearly
    /// as many groups as cases.
    static let casesReceived = DailyCount(
        name: "daily_cases_received_count", source: "cases", table: "daily_cases",
        keys: caseKeys(day: "received_at"),
        amounts: [("received", "1"), ("received_through_forms", throughForm)],
        condition: "ROW.received_at IS NOT NULL")

    /// Cases by the day they were resolved, when they had a standard to meet.
    static let casesResolved = DailyCount(
        name: "daily_cases_resolved_count", source: "cases", table: "daily_cases",
        keys: caseKeys(day: "resolved_at"),
        amounts: [("resolved_with_standard", "1"), ("standard_met", met)],
        condition: "ROW.resolved_at IS NOT NULL AND ROW.standard_met IS NOT NULL")

    static let wardCasesReceived = DailyCount(
        name: "daily_ward_cases_received_count", source: "cases", table: "daily_ward_cases",
        keys: wardKeys(day: "received_at"),
        amounts: [("received", "1"), ("received_through_forms", throughForm),
                  ("received_through_forms_by_staff", "CASE WHEN ROW.submission_id IS NOT NULL AND ROW.channel <> 'online' THEN 1 ELSE 0 END")],
        condition: "ROW.received_at IS NOT NULL")

    static let wardCasesResolved = DailyCount(
        name: "daily_ward_cases_resolved_count", source: "cases", table: "daily_ward_cases",
        keys: wardKeys(day: "resolved_at"),
        amounts: [("resolved_with_standard", "1"), ("standard_met", met)],
        condition: "ROW.resolved_at IS NOT NULL AND ROW.standard_met IS NOT NULL")

    /// Calls by the day they were offered, in `CallFigures`' terms: answered once picked up,
    /// abandoned when ended unanswered, waits over answered calls that reported one.
    static let calls = DailyCount(
        name: "daily_calls_count", source: "calls", table: "daily_calls",
        keys: [("council_id", .column("council_id")), ("day", .ukDay("offered_at"))],
        amounts: [("offered", "1"),
                  ("answered", "CASE WHEN ROW.answered_at IS NOT NULL THEN 1 ELSE 0 END"),
                  ("abandoned", "CASE WHEN ROW.answered_at IS NULL AND ROW.ended_at IS NOT NULL THEN 1 ELSE 0 END"),
                  ("waits_reported", "CASE WHEN ROW.answered_at IS NOT NULL AND ROW.wait_seconds IS NOT NULL THEN 1 ELSE 0 END"),
                  ("waited_seconds", "CASE WHEN ROW.answered_at IS NOT NULL AND ROW.wait_seconds IS NOT NULL THEN ROW.wait_seconds ELSE 0 END")],
        condition: "1 = 1")

    private static let throughForm = "CASE WHEN ROW.submission_id IS NOT NULL THEN 1 ELSE 0 END"
    // Written to read the same on both databases: PostgreSQL's boolean and SQLite's 0 or 1.
    private static let met = "CASE WHEN ROW.standard_met THEN 1 ELSE 0 END"

    private static func caseKeys(day: String) -> [(column: String, value: Key)] {
        [("council_id", .column("council_id")), ("day", .ukDay(day)), ("service_id", .column("service_id")),
         ("team_id", .idOrNone("team_id")), ("channel", .column("channel"))]
    }

    private static func wardKeys(day: String) -> [(column: String, value: Key)] {
        [("council_id", .column("council_id")), ("day", .ukDay(day)), ("ward", .textOrNone("ward"))]
    }
}
