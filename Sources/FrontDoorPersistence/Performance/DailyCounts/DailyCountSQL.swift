import SQLKit

/// The SQL that keeps a `DailyCount`, for each database. The one place where the daily counts'
/// dialects differ:
///
/// - The UK day. PostgreSQL converts with its time-zone database. SQLite has none, so the
///   expression applies the UK's rule itself: British Summer Time runs from 01:00 UTC on the
///   last Sunday of March (the first Sunday on or after the 25th) to 01:00 UTC on the last
///   Sunday of October. Timestamps there are seconds since 1970 (`SchemaTypes`). A test holds
///   both to `LocalDate`'s reading across the clock changes.
/// - The all-zero id for "none": a `uuid` literal on PostgreSQL, text on SQLite (where the
///   driver stores a `UUID` as its text).
/// - Triggers. SQLite's trigger bodies are SQL; PostgreSQL's call a PL/pgSQL function. An
///   update trigger fires only when a counted column changed, on both.
/// - Locking for a rebuild (`lockSources`).
struct DailyCountSQL {
    let kind: DatabaseKind

    /// The statements that create the triggers for `count`.
    func triggers(for count: DailyCount) -> [String] {
        switch kind {
        case .sqlite:
            return [
                """
                CREATE TRIGGER \(count.name)_insert AFTER INSERT ON \(count.source) WHEN \(on("NEW", count.condition))
                BEGIN \(add(count, row: "NEW")); END
                """,
                """
                CREATE TRIGGER \(count.name)_delete AFTER DELETE ON \(count.source) WHEN \(on("OLD", count.condition))
                BEGIN \(subtract(count, row: "OLD")); END
                """,
                """
                CREATE TRIGGER \(count.name)_update AFTER UPDATE OF \(count.watched.joined(separator: ", ")) ON \(count.source)
                WHEN \(changed(count))
                BEGIN \(subtract(count, row: "OLD")); \(add(count, row: "NEW")); END
                """,
            ]
        case .postgres:
            return [
                """
                CREATE FUNCTION \(count.name)() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN \(subtract(count, row: "OLD")); END IF;
                    IF TG_OP <> 'DELETE' THEN \(add(count, row: "NEW")); END IF;
                    RETURN NULL;
                END
                $body$
                """,
                """
                CREATE TRIGGER \(count.name)_insert_delete AFTER INSERT OR DELETE ON \(count.source)
                FOR EACH ROW EXECUTE FUNCTION \(count.name)()
                """,
                """
                CREATE TRIGGER \(count.name)_update AFTER UPDATE OF \(count.watched.joined(separator: ", ")) ON \(count.source)
                FOR EACH ROW WHEN (\(changed(count))) EXECUTE FUNCTION \(count.name)()
                """,
            ]
        }
    }

    /// Counts every row of the source table into the daily table (which may already hold
    /// counts from another `DailyCount`): filling the tables when they are created or rebuilt.
    func countAll(_ count: DailyCount) -> String {
        let keys = count.keys.map { keyValue($0.value, row: count.source) }
        return """
            INSERT INTO \(count.table) (\(columns(count)))
            SELECT \((keys + count.amounts.map { "SUM(\(on(count.source, $0.expression)))" }).joined(separator: ", "))
            FROM \(count.source) WHERE \(on(count.source, count.condition))
            GROUP BY \(keys.joined(separator: ", "))
            \(onConflict(count))
            """
    }

    /// The UK day of a time, as `YYYY-MM-DD`.
    func ukDay(_ time: String) -> String {
        switch kind {
        case .postgres:
            return "to_char(\(time) AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')"
        case .sqlite:
            let year = "strftime('%Y', \(time), 'unixepoch')"
            let summerTime = "\(time) >= strftime('%s', \(year) || '-03-25', 'weekday 0') + 3600"
                + " AND \(time) < strftime('%s', \(year) || '-10-25', 'weekday 0') + 3600"
            return "date(\(time) + CASE WHEN \(summerTime) THEN 3600 ELSE 0 END, 'unixepoch')"
        }
    }

    /// Before a rebuild: PostgreSQL lets other connections write while it counts, so the
    /// counted tables are locked against writes until the rebuild commits. SQLite's transaction
    /// holds the only write lock already.
    var lockSources: String? {
        switch kind {
        case .postgres: "LOCK TABLE \(Set(DailyCount.all.map(\.source)).sorted().joined(separator: ", ")) IN SHARE MODE"
        case .sqlite: nil
        }
    }

    var noneID: String {
        switch kind {
        case .postgres: "'00000000-0000-0000-0000-000000000000'::uuid"
        case .sqlite: "'00000000-0000-0000-0000-000000000000'"
        }
    }

    // MARK: - Pieces

    /// Adds the row's amounts to its key's counts, when the row counts.
    private func add(_ count: DailyCount, row: String) -> String {
        let values = count.keys.map { keyValue($0.value, row: row) } + count.amounts.map { on(row, $0.expression) }
        // A SELECT with a WHERE, so that the row is added only when it counts; SQLite needs the
        // WHERE anyway before ON CONFLICT, to read the statement unambiguously.
        return """
            INSERT INTO \(count.table) (\(columns(count))) SELECT \(values.joined(separator: ", "))
            WHERE \(on(row, count.condition)) \(onConflict(count))
            """
    }

    /// Takes the row's amounts from its key's counts, when the row counted.
    private func subtract(_ count: DailyCount, row: String) -> String {
        let amounts = count.amounts.map { "\($0.column) = \($0.column) - (\(on(row, $0.expression)))" }
        let keys = count.keys.map { "\($0.column) = \(keyValue($0.value, row: row))" }
        return "UPDATE \(count.table) SET \(amounts.joined(separator: ", ")) WHERE \((keys + [on(row, count.condition)]).joined(separator: " AND "))"
    }

    private func onConflict(_ count: DailyCount) -> String {
        let sums = count.amounts.map { "\($0.column) = \(count.table).\($0.column) + excluded.\($0.column)" }
        return "ON CONFLICT (\(count.keys.map(\.column).joined(separator: ", "))) DO UPDATE SET \(sums.joined(separator: ", "))"
    }

    private func changed(_ count: DailyCount) -> String {
        let differs = kind == .postgres ? "IS DISTINCT FROM" : "IS NOT"
        return count.watched.map { "OLD.\($0) \(differs) NEW.\($0)" }.joined(separator: " OR ")
    }

    private func columns(_ count: DailyCount) -> String {
        (count.keys.map(\.column) + count.amounts.map(\.column)).joined(separator: ", ")
    }

    private func keyValue(_ key: DailyCount.Key, row: String) -> String {
        switch key {
        case .column(let column): "\(row).\(column)"
        case .idOrNone(let column): "COALESCE(\(row).\(column), \(noneID))"
        case .textOrNone(let column): "COALESCE(\(row).\(column), '')"
        case .ukDay(let column): ukDay("\(row).\(column)")
        }
    }

    private func on(_ row: String, _ expression: String) -> String {
        expression.replacingOccurrences(of: "ROW.", with: "\(row).")
    }
}
