import CSV
import Foundation

/// A table as CSV: its head, then its rows, each cell as the page shows it and made safe for
/// spreadsheets, so a download is exactly the table on the page.
enum TableCSV {
    static func render(_ table: Table) throws -> String {
        let csv = try CSVWriter(stream: .toMemory())
        try csv.write(row: table.head.map { SpreadsheetSafeCell.make($0.text) })
        for row in table.rows {
            try csv.write(row: row.cells.map { SpreadsheetSafeCell.make($0.text) })
        }
        csv.stream.close()
        guard let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
