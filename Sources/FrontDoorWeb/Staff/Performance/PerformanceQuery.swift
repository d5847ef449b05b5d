import Foundation
import FrontDoorDomain
import Hummingbird

/// What a dashboard address asks for: the period (`from`/`to` as ISO dates from the period
/// links, or the two date inputs of the period form), the breakdown (`by`) and whose figures
/// (`scope`: a shared service's id; the viewer's own council without it). A period that is
/// not a real one is a problem shown on the page, over the default period: the page still works.
struct PerformanceQuery: Sendable {
    var period: ReportingPeriod
    var dimension: PerformanceBreakdown.Dimension
    /// The shared service asked for; nil for the viewer's own council.
    var scope: UUID?
    /// A `scope` that is not a shared service's id at all.
    var scopeIsMalformed = false
    var problems: [FieldProblem]
    /// What was typed into the period form, to show again with its problem.
    var typed: FormInput?

    static let fromField = "from", toField = "to", scopeField = "scope"
    /// RFC 3986's unreserved characters: a ward's name with "&" or a space stays one value.
    static let valueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    init(_ request: Request, today: LocalDate) {
        let query = FormInput(request.uri.queryParameters.reduce(into: [String: [String]]()) { $0[String($1.key), default: []].append(String($1.value)) })
        dimension = PerformanceBreakdown.Dimension(rawValue: query["by"]) ?? .service
        let scopeText = query[Self.scopeField]
        scope = UUID(uuidString: scopeText)
        scopeIsMalformed = !scopeText.isEmpty && scope == nil
        let fallback = ReportingPeriod.lastWholeMonth(before: today)
        problems = []
        typed = nil
        if let from = LocalDate(query[Self.fromField]), let to = LocalDate(query[Self.toField]) {
            if let chosen = ReportingPeriod(first: from, last: to) {
                period = chosen
            } else {
                period = fallback
                problems = Self.spanProblems(from: from, to: to)
            }
            return
        }
        let typedAny = !query.isBlankDate(Self.fromField) || !query.isBlankDate(Self.toField)
        guard typedAny else {
            period = fallback
            return
        }
        typed = query
        let from = query.localDate(Self.fromField), to = query.localDate(Self.toField)
        if from == nil { problems.append(FieldProblem(field: Self.fromField, message: "Enter a real date for the start of the period, for example 1 10 2026")) }
        if to == nil { problems.append(FieldProblem(field: Self.toField, message: "Enter a real date for the end of the period, for example 31 10 2026")) }
        if let from, let to {
            if let chosen = ReportingPeriod(first: from, last: to) {
                period = chosen
                typed = nil
                return
            }
            problems = Self.spanProblems(from: from, to: to)
        }
        period = fallback
    }

    static func spanProblems(from: LocalDate, to: LocalDate) -> [FieldProblem] {
        to < from ? [FieldProblem(field: toField, message: "The end of the period must be the same as or after its start")]
            : [FieldProblem(field: toField, message: "Choose a period of up to two years")]
    }

    /// The address of this dashboard (or its CSV or drill-down) for `period`, broken down by
    /// `dimension`, in this query's scope.
    func link(_ period: ReportingPeriod, by dimension: PerformanceBreakdown.Dimension, extra: [(String, String)] = []) -> String {
        Self.query(period, by: dimension, scope: scope, extra: extra)
    }

    static func query(_ period: ReportingPeriod, by dimension: PerformanceBreakdown.Dimension, scope: UUID? = nil,
                      extra: [(String, String)] = []) -> String {
        let pairs = [("from", period.first.description), ("to", period.last.description), ("by", dimension.rawValue)]
            + (scope.map { [(scopeField, $0.uuidString.lowercased())] } ?? []) + extra
        return "?" + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: valueCharacters) ?? "")" }.joined(separator: "&")
    }
}
