/// What channel shift is measured against: by default the period the report is compared with;
/// a manager may choose the same period a year before (which seasons do not distort: bins in
/// spring, council tax in March) or any period, such as the year before a digital strategy began.
public enum ChannelShiftBaseline: Hashable, Sendable {
    case previousPeriod
    case yearBefore
    case chosen(ReportingPeriod)

    public func period(for reported: ReportingPeriod) -> ReportingPeriod {
        switch self {
        case .previousPeriod: reported.previous
        case .yearBefore: reported.yearBefore
        case .chosen(let period): period
        }
    }
}

extension ReportingPeriod {
    /// The same dates a year before; a 29 February becomes the 28th.
    public var yearBefore: ReportingPeriod {
        // Moving a two-year period that starts on 29 February by months can stretch it a day past
        // the longest; the same number of days a year (366 days) back is then used instead.
        ReportingPeriod(first: first.adding(months: -12), last: last.adding(months: -12))
            ?? ReportingPeriod(first: first.adding(days: -366), last: last.adding(days: -366))!
    }
}
