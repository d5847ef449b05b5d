import CSV
import Foundation
import FrontDoorDomain

/// The annual complaints report as CSV, one figure a row (year, breakdown, item, measure,
/// value), so a spreadsheet can pivot it however the reader likes. Written with CSV.swift.
enum ComplaintReportCSV {
    static let header = ["financial_year", "breakdown", "item", "measure", "value"]

    static func render(_ report: ComplaintAnnualReport, year: FinancialYear) throws -> String {
        let csv = try CSVWriter(stream: .toMemory())
        try csv.write(row: header)
        func row(_ breakdown: String, _ item: String, _ measure: String, _ value: String) throws {
            try csv.write(row: [year.description, breakdown, item, measure, value].map(SpreadsheetSafeCell.make))
        }
        try row("all", "complaints", "received", String(report.received))
        try row("all", "complaints", "closed", String(report.figures.closed))
        try row("all", "complaints", "resolved_at_stage_1", String(report.figures.resolvedAtStageOne))
        for service in report.byService {
            try row("service", service.serviceName, "received", String(service.received))
            try row("service", service.serviceName, "escalated", String(service.escalated))
            try outcomes(service.outcomes) { try row("service", service.serviceName, $0, $1) }
        }
        for stage in report.byStage {
            let item = "stage \(stage.number)"
            try row("stage", item, "responses", String(stage.answered))
            try row("stage", item, "due", String(stage.due))
            try row("stage", item, "answered_on_time", String(stage.answeredOnTime))
            try row("stage", item, "average_working_days", stage.averageWorkingDays.map { String(format: "%.1f", $0) } ?? "")
            try outcomes(stage.outcomes) { try row("stage", item, $0, $1) }
        }
        for compliment in report.compliments { try row("compliments", compliment.serviceName, "received", String(compliment.count)) }
        for comment in report.comments { try row("comments", comment.serviceName, "received", String(comment.count)) }
        csv.stream.close()
        guard let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func outcomes(_ counts: ComplaintAnnualReport.OutcomeCounts, _ write: (String, String) throws -> Void) throws {
        try write("upheld", String(counts.upheld))
        try write("partly_upheld", String(counts.partlyUpheld))
        try write("not_upheld", String(counts.notUpheld))
    }
}
