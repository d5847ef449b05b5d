import Foundation
import FrontDoorDomain
import Hummingbird

/// What a dashboard address asks for: the period (`from`/`to` as ISO dates from the period
/// links, or the two date inputs of the period form), the breakdown (`by`), whose figures
/// (`scope`: a shared service's id; the viewer's own council without it) and what channel shift
/// is measured against (`baseline=year-before`, or `base-from`/`base-to` as ISO dates or date
/// inputs; the previous period without them). Dates that are not a period are problems shown on
/// the page, over the defaults: the page still works.
struct PerformanceQuery: Sendable {
    var period: ReportingPeriod
    var dimension: PerformanceBreakdown.Dimension
    /// The shared service asked for; nil for the viewer's own council.
    var scope: UUID?
    /// A `scope` that is not a shared service's id at all.
    var scopeIsMalformed = false
    var baseline: ChannelShiftBaseline
    var problems: [FieldProblem]
    /// What was typed into the date forms, to show again with its problems.
    var typed: FormInput?

    static let fromField = "from", toField = "to", scopeField = "scope"
    static let baselineFromField = "base-from", baselineToField = "base-to", baselineField = "baseline", yearBefore = "year-before"
    /// RFC 3986's unreserved characters: a ward's name with "&" or a space stays one value.
    static let valueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// One pair of dates read from the address.
    enum Dates {
        case absent
        case period(ReportingPeriod)
        case wrong([FieldProblem])
    }

    init(_ request: Request, today: LocalDate) {
        let query = FormInput(request.uri.queryParameters.reduce(into: [String: [String]]()) { $0[String($1.key), default: []].append(String($1.value)) })
        dimension = PerformanceBreakdown.Dimension(rawValue: query["by"]) ?? .service
        let scopeText = query[Self.scopeField]
        scope = UUID(uuidString: scopeText)
        scopeIsMalformed = !scopeText.isEmpty && scope == nil
        problems = []
        typed = nil
        let fallback = ReportingPeriod.lastWholeMonth(before: today)
        switch Self.dates(query, from: Self.fromField, to: Self.toField, of: ("the period", "a period"), examples: ("1 10 2026", "31 10 2026")) {
        case .absent: period = fallback
        case .period(let chosen): period = chosen
        case .wrong(let found):
            period = fallback
            problems += found
        }
        switch Self.dates(query, from: Self.baselineFromField, to: Self.baselineToField, of: ("the baseline", "a baseline"), examples: ("1 4 2023", "31 3 2024")) {
        case .absent: baseline = query[Self.baselineField] == Self.yearBefore ? .yearBefore : .previousPeriod
        case .period(let chosen): baseline = .chosen(chosen)
        case .wrong(let found):
            baseline = .previousPeriod
            problems += found
        }
        if !problems.isEmpty { typed = query }
    }

    /// ISO dates (from links) first, else the date inputs `from` and `to` (from a form).
    /// `what` names the dates in messages: ("the period", "a period").
    static func dates(_ query: FormInput, from fromField: String, to toField: String, of what: (the: String, a: String),
                      examples: (String, String)) -> Dates {
        if let from = LocalDate(query[fromField]), let to = LocalDate(query[toField]) {
            return ReportingPeriod(first: from, last: to).map(Dates.period) ?? .wrong(spanProblems(from: from, to: to, toField: toField, of: what))
        }
        guard !query.isBlankDate(fromField) || !query.isBlankDate(toField) else { return .absent }
        let from = query.localDate(fromField), to = query.localDate(toField)
        guard let from, let to else {
            return .wrong((from == nil ? [FieldProblem(field: fromField, message: "Enter a real date for the start of \(what.the), for example \(examples.0)")] : [])
                + (to == nil ? [FieldProblem(field: toField, message: "Enter a real date for the end of \(what.the), for example \(examples.1)")] : []))
        }
        return ReportingPeriod(first: from, last: to).map(Dates.period) ?? .wrong(spanProblems(from: from, to: to, toField: toField, of: what))
    }

    static func spanProblems(from: LocalDate, to: LocalDate, toField: String, of what: (the: String, a: String)) -> [FieldProblem] {
        to < from ? [FieldProblem(field: toField, message: "The end of \(what.the) must be the same as or after its start")]
            : [FieldProblem(field: toField, message: "Choose \(what.a) of up to two years")]
    }

    /// The address of this dashboard (or its CSV) for `period`, broken down by `dimension`, in
    /// this query's scope and with its baseline.
    func link(_ period: ReportingPeriod, by dimension: PerformanceBreakdown.Dimension, extra: [(String, String)] = []) -> String {
        Self.query(period, by: dimension, scope: scope, extra: baselinePairs(baseline) + extra)
    }

    /// The same, measuring channel shift against `other`.
    func link(baseline other: ChannelShiftBaseline) -> String {
        Self.query(period, by: dimension, scope: scope, extra: baselinePairs(other))
    }

    func baselinePairs(_ baseline: ChannelShiftBaseline) -> [(String, String)] {
        switch baseline {
        case .previousPeriod: []
        case .yearBefore: [(Self.baselineField, Self.yearBefore)]
        case .chosen(let chosen): [(Self.baselineFromField, chosen.first.description), (Self.baselineToField, chosen.last.description)]
        }
    }

    static func query(_ period: ReportingPeriod, by dimension: PerformanceBreakdown.Dimension, scope: UUID? = nil,
                      extra: [(String, String)] = []) -> String {
        let pairs = [("from", period.first.description), ("to", period.last.description), ("by", dimension.rawValue)]
            + (scope.map { [(scopeField, $0.uuidString.lowercased())] } ?? []) + extra
        return "?" + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: valueCharacters) ?? "")" }.joined(separator: "&")
    }
}
