import Foundation
import FrontDoorDomain
import SQLKit

/// Reads what the annual complaints report counts: each complaint (with the service it is
/// about, else its own service), its stages and when it was resolved, and the compliments and
/// comments received, by service. The counting itself is `ComplaintAnnualReport`'s.
public struct ComplaintReportRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func report(councilID: UUID, period: ClosedRange<LocalDate>, calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> ComplaintAnnualReport {
        let start = period.lowerBound.start(), end = period.upperBound.adding(days: 1).start()
        let entries = try await entries(councilID: councilID, receivedOnOrBefore: period.upperBound)
        struct CountRow: Decodable { var service_name: String; var process: String; var received: Int }
        let counts = try await database.sql.raw("""
            SELECT COALESCE(subject.name, services.name) AS service_name, service_processes.process, COUNT(*) AS received
            FROM cases
            JOIN service_processes ON service_processes.service_id = cases.service_id
            JOIN services ON services.id = cases.service_id
            LEFT JOIN case_subjects ON case_subjects.case_id = cases.id
            LEFT JOIN services subject ON subject.id = case_subjects.service_id
            WHERE cases.council_id = \(bind: councilID) AND service_processes.process IN ('compliment', 'comment')
              AND cases.received_at >= \(bind: start) AND cases.received_at < \(bind: end) AND cases.status <> 'duplicate'
            GROUP BY COALESCE(subject.name, services.name), service_processes.process
            ORDER BY COUNT(*) DESC, COALESCE(subject.name, services.name)
            """).all(decoding: CountRow.self)
        func counted(_ process: CaseProcess) -> [ComplaintAnnualReport.Count] {
            counts.filter { $0.process == process.rawValue }.map { .init(serviceName: $0.service_name, count: $0.received) }
        }
        return ComplaintAnnualReport(entries, compliments: counted(.compliment), comments: counted(.comment), policies: ComplaintPolicy.standard(for:),
                                     calendar: calendar, period: period, today: today)
    }

    /// Each complaint received on or before `last` (a duplicate is the same complaint made twice:
    /// it is counted once, as the one it joined), with its stages; what `ComplaintFigures` counts.
    public func entries(councilID: UUID, receivedOnOrBefore last: LocalDate) async throws -> [ComplaintAnnualReport.Entry] {
        let end = last.adding(days: 1).start()
        struct ComplaintRow: Decodable {
            var case_id: UUID; var complaint_type: String; var policy: String; var received_at: Date
            var status: String; var resolved_at: Date?; var service_name: String
        }
        let complaints = try await database.sql.raw("""
            SELECT complaints.case_id, complaints.complaint_type, complaints.policy, cases.received_at, cases.status, cases.resolved_at,
                   COALESCE(subject.name, services.name) AS service_name
            FROM complaints
            JOIN cases ON cases.id = complaints.case_id
            JOIN services ON services.id = cases.service_id
            LEFT JOIN case_subjects ON case_subjects.case_id = cases.id
            LEFT JOIN services subject ON subject.id = case_subjects.service_id
            WHERE complaints.council_id = \(bind: councilID) AND cases.received_at < \(bind: end) AND cases.status <> 'duplicate'
            """).all(decoding: ComplaintRow.self)
        let stageRows = try await database.sql.raw("""
            SELECT complaint_stages.* FROM complaint_stages JOIN complaints ON complaints.case_id = complaint_stages.case_id
            WHERE complaints.council_id = \(bind: councilID) ORDER BY complaint_stages.number
            """).all(decoding: ComplaintRepository.StageRow.self)
        let stages = try Dictionary(grouping: stageRows, by: \.case_id).mapValues { try $0.map { try $0.toStage() } }
        return complaints.compactMap { row -> ComplaintAnnualReport.Entry? in
            guard let type = ComplaintType(rawValue: row.complaint_type) else { return nil }
            let policy = try? JSONDecoder().decode(ComplaintPolicy.self, from: Data(row.policy.utf8))
            let ended = ["resolved", "closed"].contains(row.status)
            return .init(serviceName: row.service_name, receivedOn: LocalDate(row.received_at),
                         complaint: .init(type: type, policy: policy, stages: stages[row.case_id] ?? [],
                                          closedOn: ended ? row.resolved_at.map { LocalDate($0) } : nil))
        }
    }
}
