import CSV
import Foundation
import FrontDoorPersistence

/// The audit trail as CSV, written with CSV.swift.
public enum AuditTrailCSV {
    public static let header = ["occurred_at", "actor", "event", "subject", "address"]

    public static func render(_ events: [AuditEvent]) throws -> String {
        let csv = try CSVWriter(stream: .toMemory())
        try csv.write(row: header)
        for event in events {
            try csv.write(row: [UKDateFormat.iso8601(event.occurredAt), event.actor, event.kind.rawValue, event.subject, event.address]
                .map(SpreadsheetSafeCell.make))
        }
        csv.stream.close()
        guard let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Neutralises text a spreadsheet would run as a formula (OWASP "CSV injection"): the actor
/// of a failed sign-in is whatever an attacker typed, such as `=HYPERLINK(…)`.
public enum SpreadsheetSafeCell {
    public static func make(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
