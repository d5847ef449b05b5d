import Foundation
import FrontDoorDomain
import Testing

/// Where the EIR and Scotland's FOISA differ from the FOI Act, and a fee paid too late.
@Suite("Information requests: EIR's fees, late fees, and Scottish councils' working days")
struct InformationRequestLawTests {
    typealias Clock = StatutoryRequestClock

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func holidays() throws -> BankHolidays {
        try BankHolidays(govUKJSON: Data(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FrontDoorPersistence/Resources/BankHolidays/bank-holidays.json")))
    }

    @Test("An EIR charge is owed for sixty working days (reg 8(6)), an FOI fee for three months")
    func eirPayBy() throws {
        let calendar = WorkingDayCalendar.allNations(try Self.holidays())
        let notice = Clock.FeesNotice(givenOn: Self.date("2026-06-01"))
        // Working days after Mon 1 June 2026 on every nation's calendar: June 2–30 (21); July less Mon 13 (the Battle of the
        // Boyne holiday in Northern Ireland, 12 July being a Sunday): 22 (43); August less Mon 3 (Scotland's summer holiday):
        // 4–7 (47), 10–14 (52), 17–21 (57), 24, 25, 26 (60).
        #expect(notice.payBy(for: .environmentalInformation, calendar: calendar) == Self.date("2026-08-26"))
        #expect(notice.payBy(for: .freedomOfInformation, calendar: calendar) == Self.date("2026-08-31"))
        let eir = Clock(kind: .environmentalInformation, receivedOn: Self.date("2026-05-20"), feesNotices: [notice])
        #expect(eir.state(on: Self.date("2026-08-26"), calendar: calendar) == .awaitingFee(since: notice.givenOn, payBy: Self.date("2026-08-26")))
        #expect(eir.state(on: Self.date("2026-08-27"), calendar: calendar) == .lapsed(on: Self.date("2026-08-27")))
    }

    @Test("A fee paid after its time is no payment: the request lapsed, and the clock does not run again")
    func paidTooLate() throws {
        let calendar = WorkingDayCalendar.allNations(try Self.holidays())
        let late = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-03-02"),
                         feesNotices: [.init(givenOn: Self.date("2026-03-31"), paidOn: Self.date("2026-07-01"))])
        #expect(late.state(on: Self.date("2026-07-02"), calendar: calendar) == .lapsed(on: Self.date("2026-07-01")))
        let inTime = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-03-02"),
                           feesNotices: [.init(givenOn: Self.date("2026-03-31"), paidOn: Self.date("2026-06-30"))])
        guard case .running = inTime.state(on: Self.date("2026-07-02"), calendar: calendar) else {
            Issue.record("a fee paid on the last day (30 June, for a notice of 31 March) should set the clock running again")
            return
        }
    }

    @Test("An EIR extension may reach the fortieth working day plus the days a paid charge stopped the clock")
    func eirExtensionAfterAFee() throws {
        let calendar = WorkingDayCalendar.allNations(try Self.holidays())
        // Received Mon 1 June 2026; charge given Wed 3 June, paid Fri 12 June: 8 working days disregarded.
        let clock = Clock(kind: .environmentalInformation, receivedOn: Self.date("2026-06-01"),
                          feesNotices: [.init(givenOn: Self.date("2026-06-03"), paidOn: Self.date("2026-06-12"))])
        // 20 + 8 = 28 working days after 1 June → Thu 9 July; 40 + 8 = 48 → Mon 10 August.
        #expect(clock.statutoryDue(calendar: calendar) == Self.date("2026-07-09"))
        #expect(clock.problems(with: .init(until: Self.date("2026-08-10"), reason: "Complex and voluminous", toldOn: Self.date("2026-07-01")),
                               calendar: calendar).isEmpty)
        #expect(!clock.problems(with: .init(until: Self.date("2026-08-11"), reason: "Complex and voluminous", toldOn: Self.date("2026-07-01")),
                                calendar: calendar).isEmpty)
    }

    @Test("A Scottish council counts FOI days on Scotland's bank holidays only (FOISA s.73); others on every nation's")
    func scotland() throws {
        let holidays = try Self.holidays()
        let scottish = StatutoryCalendars.forCouncil(in: .scotland, bankHolidays: holidays).informationRequests
        let english = StatutoryCalendars.forCouncil(in: .englandAndWales, bankHolidays: holidays).informationRequests
        // Tue 17 March 2026 is St Patrick's Day (Northern Ireland only); Mon 30 November 2026 is St Andrew's Day (Scotland).
        #expect(scottish.isWorkingDay(Self.date("2026-03-17")) && !english.isWorkingDay(Self.date("2026-03-17")))
        #expect(!scottish.isWorkingDay(Self.date("2026-11-30")) && !english.isWorkingDay(Self.date("2026-11-30")))
        #expect(StatutoryCalendars.forCouncil(in: .northernIreland, bankHolidays: holidays).informationRequests == english)
    }
}
