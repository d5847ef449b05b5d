/// When a Freedom of Information or Environmental Information Regulations request must be
/// answered: the twentieth working day following the date of receipt (FOIA s.10(1), EIR reg 5(2)).
///
/// - Working days exclude weekends, Christmas Day, Good Friday and the bank holidays of any part
///   of the UK (FOIA s.10(6)): the union of all three nations' days, whatever the council's own
///   nation (`WorkingDayCalendar.allNations`). A council's own closure days still count. A Scottish
///   council answers under FOISA 2002 instead, whose working days exclude Scotland's bank holidays
///   only (s.73): `CaseRules.statutoryCalendars` gives each council the right calendar.
/// - Clarification: while the council waits for the requester to say what they want, the clock
///   is stopped; it starts again from the day the clarification arrives, which counts as the
///   date of receipt (FOIA s.1(3); the regulator's guidance: "the 20 working days don't start
///   until you have provided clarification").
/// - Fees notice: the working days from the day the notice is given to the day the fee arrives
///   are disregarded (FOIA s.10(2), EIR reg 8(5)); an unpaid notice stops the clock, and unpaid
///   after three months (FOI, s.9(2)) or sixty working days (EIR, reg 8(6)) the request lapses.
/// - Extension: FOI, for considering the public interest, to a date recorded with its reason
///   (no more than 20 further working days, as the regulator advises) and told to the requester
///   within the first 20; EIR, to the fortieth working day for a complex and voluminous request (reg 7).
public struct StatutoryRequestClock: Sendable, Equatable {
    public static let workingDays = 20
    public static let furthestFOIExtension = 20
    public static let eirExtendedWorkingDays = 40
    public static let eirWorkingDaysToPay = 60

    public struct Clarification: Sendable, Equatable {
        public var askedOn: LocalDate
        public var answeredOn: LocalDate?

        public init(askedOn: LocalDate, answeredOn: LocalDate? = nil) {
            self.askedOn = askedOn
            self.answeredOn = answeredOn
        }
    }

    public struct FeesNotice: Sendable, Equatable {
        public var givenOn: LocalDate
        public var paidOn: LocalDate?
        /// What the notice asked for; the clock does not depend on it.
        public var amountPence: Int?

        public init(givenOn: LocalDate, paidOn: LocalDate? = nil, amountPence: Int? = nil) {
            self.givenOn = givenOn
            self.paidOn = paidOn
            self.amountPence = amountPence
        }

        /// FOI: the last day of the three months beginning with the day the notice was given
        /// (FOIA s.9(2)): the day before the same date three months on, or that month's last day
        /// when it has no such date (given 31 March, pay by 30 June).
        public var payBy: LocalDate {
            let threeMonthsOn = givenOn.adding(months: 3)
            return threeMonthsOn.day == givenOn.day ? threeMonthsOn.adding(days: -1) : threeMonthsOn
        }

        /// The last day to pay under the request's law: FOI's three months; EIR's sixty working
        /// days from the notice (EIR reg 8(6)).
        public func payBy(for kind: InformationRequestKind, calendar: WorkingDayCalendar) -> LocalDate {
            kind == .environmentalInformation ? calendar.adding(workingDays: StatutoryRequestClock.eirWorkingDaysToPay, to: givenOn) : payBy
        }
    }

    public struct Extension: Sendable, Equatable {
        public var until: LocalDate
        public var reason: String
        public var toldOn: LocalDate

        public init(until: LocalDate, reason: String, toldOn: LocalDate) {
            self.until = until
            self.reason = reason
            self.toldOn = toldOn
        }
    }

    public enum State: Sendable, Equatable {
        /// `due` is the date to answer by; `statutory` the twentieth working day, before any extension.
        case running(due: LocalDate, statutory: LocalDate)
        case awaitingClarification(since: LocalDate)
        case awaitingFee(since: LocalDate, payBy: LocalDate)
        /// The fee was not paid in time: nothing more is owed.
        case lapsed(on: LocalDate)
    }

    public var kind: InformationRequestKind
    public var receivedOn: LocalDate
    public var clarifications: [Clarification]
    public var feesNotices: [FeesNotice]
    public var extended: Extension?

    public init(kind: InformationRequestKind, receivedOn: LocalDate, clarifications: [Clarification] = [], feesNotices: [FeesNotice] = [],
                extended: Extension? = nil) {
        self.kind = kind
        self.receivedOn = receivedOn
        self.clarifications = clarifications
        self.feesNotices = feesNotices
        self.extended = extended
    }

    /// The day the twenty working days count from: receipt, or the last clarification's arrival.
    public var effectiveReceipt: LocalDate {
        clarifications.compactMap(\.answeredOn).max().map { max($0, receivedOn) } ?? receivedOn
    }

    /// The clock on `today`, counted on `calendar` (`WorkingDayCalendar.allNations`).
    public func state(on today: LocalDate, calendar: WorkingDayCalendar) -> State {
        if let waiting = clarifications.last(where: { $0.answeredOn == nil }) {
            return .awaitingClarification(since: waiting.askedOn)
        }
        for notice in feesNotices {
            let payBy = notice.payBy(for: kind, calendar: calendar)
            // A fee paid after its time is no payment under the law: the request lapsed.
            if let paidOn = notice.paidOn, paidOn > payBy { return .lapsed(on: payBy.adding(days: 1)) }
            if notice.paidOn == nil {
                return today > payBy ? .lapsed(on: payBy.adding(days: 1)) : .awaitingFee(since: notice.givenOn, payBy: payBy)
            }
        }
        let statutory = statutoryDue(calendar: calendar)
        return .running(due: extended.map { max($0.until, statutory) } ?? statutory, statutory: statutory)
    }

    /// The twentieth working day following the effective receipt, with paid fee notices' days
    /// disregarded (from the day given to the day paid, both included).
    public func statutoryDue(calendar: WorkingDayCalendar) -> LocalDate {
        calendar.adding(workingDays: Self.workingDays + disregardedWorkingDays(calendar: calendar), to: effectiveReceipt)
    }

    /// The working days paid fee notices stopped the clock for.
    func disregardedWorkingDays(calendar: WorkingDayCalendar) -> Int {
        feesNotices.reduce(0) { total, notice in
            guard let paidOn = notice.paidOn, notice.givenOn >= effectiveReceipt else { return total }
            return total + calendar.workingDays(from: notice.givenOn, upTo: paidOn.adding(days: 1))
        }
    }

    /// What is wrong with `proposed` as this request's extension, in words for the officer; empty
    /// when it may be recorded. `underFOISA`: a Scottish council's FOI request, which the law
    /// gives no public-interest extension (its EIR requests keep regulation 7's).
    public func problems(with proposed: Extension, calendar: WorkingDayCalendar, underFOISA: Bool = false) -> [String] {
        if underFOISA && kind == .freedomOfInformation {
            return ["The Freedom of Information (Scotland) Act has no extension for considering the public interest: answer within 20 working days"]
        }
        var problems: [String] = []
        let statutory = statutoryDue(calendar: calendar)
        if proposed.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Enter the reason for the extension")
        }
        switch kind {
        case .freedomOfInformation:
            let furthest = calendar.adding(workingDays: Self.furthestFOIExtension, to: statutory)
            if proposed.until <= statutory || proposed.until > furthest {
                problems.append("The new date must be after \(statutory.description) and no later than \(furthest.description) (20 further working days)")
            }
        case .environmentalInformation:
            let furthest = calendar.adding(workingDays: Self.eirExtendedWorkingDays + disregardedWorkingDays(calendar: calendar), to: effectiveReceipt)
            if proposed.until <= statutory || proposed.until > furthest {
                problems.append("The new date must be after \(statutory.description) and no later than \(furthest.description) (the fortieth working day)")
            }
        case .subjectAccess:
            problems.append("A subject access request is extended by months, not to a date")
        }
        if proposed.toldOn > statutory {
            problems.append("The requester must be told of the extension by \(statutory.description), within the first 20 working days")
        }
        return problems
    }
}
