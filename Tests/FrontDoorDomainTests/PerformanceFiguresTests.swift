import Foundation
import FrontDoorDomain
import Testing

/// The performance dashboard's figures, each worked out by hand from a few counts: the period
/// and the one it is compared with, contacts, cost to serve, satisfaction, cases, breakdowns
/// and several councils' figures combined.
@Suite("Performance figures")
struct PerformanceFiguresTests {
    static func date(_ iso: String) -> LocalDate { LocalDate(iso)! }

    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func period(_ first: String, _ last: String) -> ReportingPeriod? {
        ReportingPeriod(first: date(first), last: date(last))
    }

    static func id(_ number: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))! }
}

// MARK: Reporting periods

extension PerformanceFiguresTests {
    @Suite("A reporting period is compared with the one before it")
    struct ReportingPeriods {
        typealias Span = (first: String, last: String)

        @Test("Whole calendar months compare with the same number of whole months before", arguments: [
            // October with September.
            (("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30")),
            // A quarter with the quarter before.
            (("2026-10-01", "2026-12-31"), ("2026-07-01", "2026-09-30")),
            // January with December of the year before.
            (("2026-01-01", "2026-01-31"), ("2025-12-01", "2025-12-31")),
            // A leap February is a whole month, and so is the leap February before March.
            (("2028-02-01", "2028-02-29"), ("2028-01-01", "2028-01-31")),
            (("2028-03-01", "2028-03-31"), ("2028-02-01", "2028-02-29")),
            // Two months of 61 days with two of 59: months, not days.
            (("2026-03-01", "2026-04-30"), ("2026-01-01", "2026-02-28")),
            // Twelve months with the twelve before.
            (("2025-11-01", "2026-10-31"), ("2024-11-01", "2025-10-31")),
        ] as [(Span, Span)])
        func wholeMonths(period: Span, before: Span) throws {
            let reported = try #require(PerformanceFiguresTests.period(period.first, period.last))
            let previous = reported.previous
            #expect(previous.first == PerformanceFiguresTests.date(before.first))
            #expect(previous.last == PerformanceFiguresTests.date(before.last))
        }

        @Test("Any other run of days compares with the same number of days immediately before", arguments: [
            // A week.
            (("2026-08-10", "2026-08-16"), ("2026-08-03", "2026-08-09")),
            // Starts on the 1st but stops mid-month: 15 days.
            (("2026-07-01", "2026-07-15"), ("2026-06-16", "2026-06-30")),
            // Ends on the month's last day but starts mid-month: 16 days.
            (("2026-07-16", "2026-07-31"), ("2026-06-30", "2026-07-15")),
            // The 15 days before 1 March 2028 include 29 February.
            (("2028-03-01", "2028-03-15"), ("2028-02-15", "2028-02-29")),
            // A month's length that is not a calendar month: 31 days.
            (("2026-01-15", "2026-02-14"), ("2025-12-15", "2026-01-14")),
            // One day.
            (("2026-07-04", "2026-07-04"), ("2026-07-03", "2026-07-03")),
        ] as [(Span, Span)])
        func runsOfDays(period: Span, before: Span) throws {
            let reported = try #require(PerformanceFiguresTests.period(period.first, period.last))
            #expect(reported.wholeMonths == nil)
            let previous = reported.previous
            #expect(previous.first == PerformanceFiguresTests.date(before.first))
            #expect(previous.last == PerformanceFiguresTests.date(before.last))
            #expect(previous.days == reported.days)
        }

        @Test("A period counts its days and whole months")
        func daysAndMonths() throws {
            let july = try #require(PerformanceFiguresTests.period("2026-07-01", "2026-07-31"))
            #expect(july.days == 31 && july.wholeMonths == 1)
            #expect(try #require(PerformanceFiguresTests.period("2026-10-01", "2026-12-31")).wholeMonths == 3)
            #expect(try #require(PerformanceFiguresTests.period("2025-11-01", "2026-10-31")).wholeMonths == 12)
            #expect(try #require(PerformanceFiguresTests.period("2028-02-01", "2028-02-29")).days == 29)
        }

        @Test("The default report is the last whole month before today's; in January that is December of the year before")
        func lastWholeMonth() {
            let december = ReportingPeriod.lastWholeMonth(before: PerformanceFiguresTests.date("2027-01-15"))
            #expect(december.first == PerformanceFiguresTests.date("2026-12-01") && december.last == PerformanceFiguresTests.date("2026-12-31"))
            let february = ReportingPeriod.lastWholeMonth(before: PerformanceFiguresTests.date("2026-03-31"))
            #expect(february.first == PerformanceFiguresTests.date("2026-02-01") && february.last == PerformanceFiguresTests.date("2026-02-28"))
            let onTheFirst = ReportingPeriod.lastWholeMonth(before: PerformanceFiguresTests.date("2026-08-01"))
            #expect(onTheFirst.first == PerformanceFiguresTests.date("2026-07-01") && onTheFirst.last == PerformanceFiguresTests.date("2026-07-31"))
        }

        @Test("The twelve months before today's month, and the month a date is in")
        func twelveMonthsAndMonthContaining() {
            let year = ReportingPeriod.lastTwelveMonths(before: PerformanceFiguresTests.date("2026-11-25"))
            #expect(year.first == PerformanceFiguresTests.date("2025-11-01") && year.last == PerformanceFiguresTests.date("2026-10-31"))
            let leap = ReportingPeriod.month(containing: PerformanceFiguresTests.date("2028-02-10"))
            #expect(leap.first == PerformanceFiguresTests.date("2028-02-01") && leap.last == PerformanceFiguresTests.date("2028-02-29"))
        }

        @Test("A period runs from UK midnight at its start to UK midnight after its last day, summer time or not")
        func ukMidnights() throws {
            // British Summer Time in 2026: 29 March to 25 October.
            let july = try #require(PerformanceFiguresTests.period("2026-07-01", "2026-07-31")).interval
            #expect(july.start == PerformanceFiguresTests.instant("2026-06-30T23:00:00Z"))
            #expect(july.end == PerformanceFiguresTests.instant("2026-07-31T23:00:00Z"))
            let january = try #require(PerformanceFiguresTests.period("2026-01-01", "2026-01-31")).interval
            #expect(january.start == PerformanceFiguresTests.instant("2026-01-01T00:00:00Z"))
            #expect(january.end == PerformanceFiguresTests.instant("2026-02-01T00:00:00Z"))
            // October has its clocks going back: 31 days and an hour.
            let october = try #require(PerformanceFiguresTests.period("2026-10-01", "2026-10-31")).interval
            #expect(october.start == PerformanceFiguresTests.instant("2026-09-30T23:00:00Z"))
            #expect(october.end == PerformanceFiguresTests.instant("2026-11-01T00:00:00Z"))
            #expect(october.duration == 31 * 86_400 + 3_600)
        }

        @Test("A period that ends before it starts, or is longer than the longest allowed, is refused")
        func refused() {
            #expect(PerformanceFiguresTests.period("2026-07-02", "2026-07-01") == nil)
            let first = PerformanceFiguresTests.date("2025-01-01")
            let longest = ReportingPeriod(first: first, last: first.adding(days: ReportingPeriod.longestDays - 1))
            #expect(longest?.days == ReportingPeriod.longestDays)
            #expect(ReportingPeriod(first: first, last: first.adding(days: ReportingPeriod.longestDays)) == nil)
            #expect(ReportingPeriod(first: first, last: first.adding(days: 5_000)) == nil)
        }

        @Test("Channel shift is measured against the previous period by default, the same dates a year before, or any chosen period")
        func channelShiftBaseline() throws {
            let september = try #require(PerformanceFiguresTests.period("2024-09-01", "2024-09-30"))
            #expect(ChannelShiftBaseline.previousPeriod.period(for: september) == PerformanceFiguresTests.period("2024-08-01", "2024-08-31"))
            #expect(ChannelShiftBaseline.yearBefore.period(for: september) == PerformanceFiguresTests.period("2023-09-01", "2023-09-30"))
            let strategyYear = try #require(PerformanceFiguresTests.period("2023-04-01", "2024-03-31"))
            #expect(ChannelShiftBaseline.chosen(strategyYear).period(for: september) == strategyYear)
            // A leap February a year back is the whole February before it.
            let leapFebruary = try #require(PerformanceFiguresTests.period("2024-02-01", "2024-02-29"))
            #expect(leapFebruary.yearBefore == PerformanceFiguresTests.period("2023-02-01", "2023-02-28"))
            // Two years from 29 February, moved by months, would be a day too long: moved by 366 days instead.
            let longest = try #require(PerformanceFiguresTests.period("2024-02-29", "2026-02-28"))
            #expect(longest.yearBefore == PerformanceFiguresTests.period("2023-02-28", "2025-02-27"))
        }
    }
}

// MARK: Contacts

extension PerformanceFiguresTests {
    @Suite("Contact figures: channels, the online share, and the assisted channels' resolution and demand")
    struct Contacts {
        typealias Count = ContactFigures.Count

        /// Twenty contacts: ten online, ten with staff (8 phone, 1 face to face, 1 email).
        static let month: [Count] = [
            Count(channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 6),
            Count(channel: .phone, outcome: .handedOff, demand: .failure, contacts: 2),
            Count(channel: .faceToFace, outcome: .resolvedFirstTime, demand: .avoidable, contacts: 1),
            Count(channel: .email, outcome: .caseRaised, demand: .value, contacts: 1),
            Count(channel: .online, outcome: .caseRaised, demand: .value, contacts: 10),
        ]

        @Test("Totals and channels add up the counts")
        func totals() {
            let figures = ContactFigures(Self.month)
            #expect(figures.total == 20)
            #expect(figures.byChannel == [.phone: 8, .faceToFace: 1, .email: 1, .online: 10])
            #expect(figures.contacts(by: .webChat) == 0)
            #expect(figures.assisted == 10)
            #expect(figures.onlinePercentage == 50)
        }

        // Of the ten with staff: 7 resolved first time (6 by phone, 1 face to face), 2 failure demand, 1 avoidable.
        @Test("First-contact resolution, failure demand and avoidable contact are shares of the contacts with staff")
        func assistedShares() {
            let figures = ContactFigures(Self.month)
            #expect(figures.resolvedFirstTime == 7 && figures.resolvedFirstTimePercentage == 70)
            #expect(figures.failureDemand == 2 && figures.failureDemandPercentage == 20)
            #expect(figures.avoidable == 1 && figures.avoidablePercentage == 10)
        }

        @Test("Online self-service is left out of resolution and demand, whatever it was recorded as")
        func onlineLeftOut() {
            let moreOnline = Self.month + [
                Count(channel: .online, outcome: .resolvedFirstTime, demand: .failure, contacts: 30),
                Count(channel: .online, outcome: .signposted, demand: .avoidable, contacts: 10),
            ]
            let figures = ContactFigures(moreOnline)
            #expect(figures.total == 60 && figures.assisted == 10)
            #expect(figures.onlinePercentage == 50.0 * 100 / 60)
            #expect(figures.resolvedFirstTimePercentage == 70)
            #expect(figures.failureDemandPercentage == 20)
            #expect(figures.avoidablePercentage == 10)
        }

        @Test("With no contacts there are no percentages, and with only online contacts none for the assisted channels")
        func nothingToShare() {
            let none = ContactFigures([])
            #expect(none.total == 0 && none.byChannel.isEmpty)
            #expect(none.onlinePercentage == nil && none.resolvedFirstTimePercentage == nil)
            #expect(none.failureDemandPercentage == nil && none.avoidablePercentage == nil)
            let onlineOnly = ContactFigures([Count(channel: .online, outcome: .caseRaised, demand: .value, contacts: 4)])
            #expect(onlineOnly.onlinePercentage == 100)
            #expect(onlineOnly.resolvedFirstTimePercentage == nil && onlineOnly.failureDemandPercentage == nil && onlineOnly.avoidablePercentage == nil)
        }

        @Test("Channel shift is how many percentage points the online share moved")
        func channelShift() {
            // 4 of 10 online before, 10 of 20 now: 40% to 50%, ten points.
            let baseline = ContactFigures([Count(channel: .online, outcome: .caseRaised, demand: .value, contacts: 4),
                                           Count(channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 6)])
            #expect(ContactFigures(Self.month).channelShift(from: baseline) == 10)
            #expect(baseline.channelShift(from: ContactFigures(Self.month)) == -10)
            #expect(ContactFigures(Self.month).channelShift(from: ContactFigures([])) == nil)
            #expect(ContactFigures([]).channelShift(from: baseline) == nil)
        }
    }
}

// MARK: Cost to serve

extension PerformanceFiguresTests {
    @Suite("Channel costs and cost to serve: each contact at its channel's cost, and what channel shift saved")
    struct Costs {
        typealias Count = ContactFigures.Count

        static func contacts(_ byChannel: [Contact.Channel: Int]) -> ContactFigures {
            ContactFigures(byChannel.map { Count(channel: $0.key, outcome: .resolvedFirstTime, demand: .value, contacts: $0.value) })
        }

        @Test("The defaults are the benchmark costs; the channels they do not cover cost what a phone call does")
        func defaults() {
            let costs = ChannelCosts.defaults
            #expect(costs.pence(for: .faceToFace) == 821)
            #expect(costs.pence(for: .phone) == 259)
            #expect(costs.pence(for: .online) == 9)
            for borrowed in [Contact.Channel.email, .webChat, .post, .socialMedia, .sms] {
                #expect(costs.pence(for: borrowed) == 259, "\(borrowed)")
                #expect(!costs.isSet(borrowed))
            }
            #expect(costs.isSet(.faceToFace) && costs.isSet(.phone) && costs.isSet(.online))
        }

        @Test("A council's own cost replaces the default, and a new phone cost carries to the channels that borrow it")
        func councilsOwn() {
            let own = ChannelCosts.defaults.setting(.email, to: 150).setting(.phone, to: 300)
            #expect(own.pence(for: .email) == 150 && own.isSet(.email))
            #expect(own.pence(for: .phone) == 300)
            #expect(own.pence(for: .webChat) == 300 && own.pence(for: .sms) == 300)
            #expect(own.pence(for: .faceToFace) == 821 && own.pence(for: .online) == 9)
            #expect(ChannelCosts.defaults.pence(for: .email) == 259, "the defaults are unchanged")
        }

        // Now: 60 phone, 10 face to face, 130 online. Before: 80 phone, 20 face to face, 100 online.
        static let now = contacts([.phone: 60, .faceToFace: 10, .online: 130])
        static let before = contacts([.phone: 80, .faceToFace: 20, .online: 100])

        @Test("Each channel's contacts at its cost add up to the total")
        func totalCost() throws {
            let cost = CostToServe(Self.now, baseline: Self.before, costs: .defaults)
            // 60 × 259 = 15,540; 10 × 821 = 8,210; 130 × 9 = 1,170.
            #expect(cost.byChannel == [.phone: 15_540, .faceToFace: 8_210, .online: 1_170])
            #expect(cost.totalPence == 24_920)
            #expect(cost.averagePence(over: Self.now) == 124.6)
            #expect(CostToServe(ContactFigures([]), baseline: Self.before, costs: .defaults).averagePence(over: ContactFigures([])) == nil)
            let own = CostToServe(Self.contacts([.email: 4]), baseline: Self.before, costs: ChannelCosts.defaults.setting(.email, to: 150))
            #expect(own.totalPence == 600)
        }

        @Test("The saving is what this period's contacts would have cost in the baseline's channel mix, less what they cost")
        func saving() throws {
            // The baseline's mix (40% phone, 10% face to face, 50% online) for 200 contacts:
            // 80 × 259 + 20 × 821 + 100 × 9 = 20,720 + 16,420 + 900 = 38,040; less 24,920 = 13,120.
            #expect(CostToServe(Self.now, baseline: Self.before, costs: .defaults).channelShiftSavingPence == 13_120)
            // The baseline's mix, not its volume: half as many contacts in the same mix give the same saving.
            let halfAsBusy = Self.contacts([.phone: 40, .faceToFace: 10, .online: 50])
            #expect(CostToServe(Self.now, baseline: halfAsBusy, costs: .defaults).channelShiftSavingPence == 13_120)
        }

        @Test("The saving is negative when people moved to dearer channels")
        func negativeSaving() {
            // 90 phone, 20 face to face, 90 online: 23,310 + 16,420 + 810 = 40,540, against 38,040 in the old mix.
            let dearer = Self.contacts([.phone: 90, .faceToFace: 20, .online: 90])
            #expect(CostToServe(dearer, baseline: Self.before, costs: .defaults).channelShiftSavingPence == -2_500)
        }

        @Test("The saving in the baseline's mix is rounded to the penny")
        func rounded() {
            // A third phone, two thirds online, for 10 contacts: 10/3 × 259 + 20/3 × 9 = 863.33 + 60 = 923.33 → 923; all 10 online cost 90.
            let baseline = Self.contacts([.phone: 1, .online: 2])
            #expect(CostToServe(Self.contacts([.online: 10]), baseline: baseline, costs: .defaults).channelShiftSavingPence == 833)
        }

        @Test("With no contacts in the baseline there is no mix to compare with, so no saving")
        func emptyBaseline() {
            let cost = CostToServe(Self.now, baseline: ContactFigures([]), costs: .defaults)
            #expect(cost.channelShiftSavingPence == nil)
            #expect(cost.totalPence == 24_920)
        }
    }
}

// MARK: Satisfaction, cases, breakdowns

extension PerformanceFiguresTests {
    @Suite("Satisfaction figures: ratings of 4 or 5 are satisfied, and pages answered useful or not")
    struct Satisfaction {
        @Test("Satisfied share, average score and page usefulness, worked out by hand")
        func figures() {
            // Eight ratings: three 5s, two 4s, one each of 3, 2, 1. Satisfied 5 of 8; mean (15 + 8 + 3 + 2 + 1) / 8 = 3.625.
            let figures = SatisfactionFigures(ratings: [5: 3, 4: 2, 3: 1, 2: 1, 1: 1], pagesUseful: 3, pagesNotUseful: 1)
            #expect(figures.rated == 8 && figures.satisfied == 5)
            #expect(figures.satisfiedPercentage == 62.5)
            #expect(figures.averageScore == 3.625)
            #expect(figures.pagesAnswered == 4 && figures.pagesUsefulPercentage == 75)
        }

        @Test("Scores outside 1 to 5 are ignored")
        func outOfRange() {
            let figures = SatisfactionFigures(ratings: [0: 4, 6: 2, -1: 1, 5: 1, 3: 1], pagesUseful: 0, pagesNotUseful: 0)
            #expect(figures.ratings == [5: 1, 3: 1])
            #expect(figures.rated == 2 && figures.satisfied == 1 && figures.averageScore == 4)
        }

        @Test("With no ratings or page answers there are no percentages or average")
        func none() {
            let figures = SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0)
            #expect(figures.satisfiedPercentage == nil && figures.averageScore == nil && figures.pagesUsefulPercentage == nil)
            #expect(SatisfactionFigures(ratings: [2: 3], pagesUseful: 0, pagesNotUseful: 2).satisfiedPercentage == 0)
            #expect(SatisfactionFigures(ratings: [2: 3], pagesUseful: 0, pagesNotUseful: 2).pagesUsefulPercentage == 0)
        }
    }

    @Suite("Case figures: assisted self-serve and the service standard")
    struct Cases {
        typealias Received = PerformanceCounts.Received
        typealias Resolved = PerformanceCounts.Resolved

        static let bins = PerformanceFiguresTests.id(1), lights = PerformanceFiguresTests.id(2)

        static func counts(received: [Received] = [], resolved: [Resolved] = []) -> PerformanceCounts {
            PerformanceCounts(contacts: [], received: received, resolved: resolved, wards: [], calls: CallFigures([]),
                              satisfaction: SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0))
        }

        @Test("Assisted self-serve is the forms staff sent as a share of all forms; emails are cases but not forms")
        func assistedSelfServe() {
            // 13 cases: 7 forms sent online by residents, 2 by staff on the phone, 1 at the counter, 3 emails.
            let figures = Self.counts(received: [
                Received(serviceID: Self.bins, teamID: nil, channel: .online, throughForm: true, cases: 7),
                Received(serviceID: Self.bins, teamID: nil, channel: .phone, throughForm: true, cases: 2),
                Received(serviceID: Self.lights, teamID: nil, channel: .faceToFace, throughForm: true, cases: 1),
                Received(serviceID: Self.lights, teamID: nil, channel: .email, throughForm: false, cases: 3),
            ]).caseFigures
            #expect(figures.received == CaseFigures.Received(cases: 13, throughForms: 10, throughFormsByStaff: 3))
            #expect(figures.received.assistedSelfServePercentage == 30)
        }

        @Test("A form is made by staff when it came by any channel but online")
        func madeByStaff() {
            #expect(!Received(serviceID: Self.bins, teamID: nil, channel: .online, throughForm: true, cases: 1).madeByStaffThroughForm)
            for channel in [ServiceChannel.phone, .faceToFace, .email, .post] {
                #expect(Received(serviceID: Self.bins, teamID: nil, channel: channel, throughForm: true, cases: 1).madeByStaffThroughForm)
                #expect(!Received(serviceID: Self.bins, teamID: nil, channel: channel, throughForm: false, cases: 1).madeByStaffThroughForm)
            }
            #expect(CaseFigures.Received.none.assistedSelfServePercentage == nil)
        }

        @Test("Standard compliance is met over resolved, for each service and overall")
        func standard() {
            // Bins: 3 met, 1 missed (75%). Lights: 1 missed (0%). Overall 3 of 5.
            let figures = Self.counts(resolved: [
                Resolved(serviceID: Self.bins, teamID: nil, channel: .online, met: true, cases: 2),
                Resolved(serviceID: Self.bins, teamID: nil, channel: .phone, met: true, cases: 1),
                Resolved(serviceID: Self.bins, teamID: nil, channel: .online, met: false, cases: 1),
                Resolved(serviceID: Self.lights, teamID: nil, channel: .online, met: false, cases: 1),
            ]).caseFigures
            #expect(figures.standardByService[Self.bins] == CaseFigures.Standard(resolved: 4, met: 3))
            #expect(figures.standardByService[Self.bins]?.metPercentage == 75)
            #expect(figures.standardByService[Self.lights]?.metPercentage == 0)
            #expect(figures.standard == CaseFigures.Standard(resolved: 5, met: 3))
            #expect(figures.standard.metPercentage == 60)
            #expect(Self.counts().caseFigures.standard.metPercentage == nil)
        }
    }

    /// Three services (two in the waste team, one in highways), contacts about each and about no
    /// service, cases in two wards and none.
    @Suite("Breakdowns: every line comes from the same counts as the totals")
    struct Breakdowns {
        typealias Count = ContactFigures.Count
        typealias Received = PerformanceCounts.Received
        typealias Resolved = PerformanceCounts.Resolved
        typealias Ward = PerformanceCounts.Ward

        static let bins = PerformanceFiguresTests.id(1), newBins = PerformanceFiguresTests.id(2), lights = PerformanceFiguresTests.id(3)
        static let waste = PerformanceFiguresTests.id(11), highways = PerformanceFiguresTests.id(12)
        static let teamOfService = [bins: waste, newBins: waste, lights: highways]

        static let counts = PerformanceCounts(
            contacts: [
                Count(serviceID: bins, channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 4),
                Count(serviceID: newBins, channel: .online, outcome: .caseRaised, demand: .value, contacts: 3),
                Count(serviceID: lights, channel: .phone, outcome: .handedOff, demand: .failure, contacts: 2),
                Count(serviceID: nil, channel: .phone, outcome: .signposted, demand: .value, contacts: 5),
            ],
            received: [
                Received(serviceID: bins, teamID: waste, channel: .online, throughForm: true, cases: 3),
                Received(serviceID: newBins, teamID: waste, channel: .phone, throughForm: true, cases: 2),
                Received(serviceID: lights, teamID: highways, channel: .email, throughForm: false, cases: 1),
            ],
            resolved: [
                Resolved(serviceID: bins, teamID: waste, channel: .online, met: true, cases: 2),
                Resolved(serviceID: lights, teamID: highways, channel: .email, met: false, cases: 1),
            ],
            // The same cases by ward: Abbey's bins, new bins with no ward, Castlefield's light.
            wards: [
                Ward(ward: "Abbey", received: .init(cases: 3, throughForms: 3, throughFormsByStaff: 0), standard: .init(resolved: 2, met: 2)),
                Ward(ward: nil, received: .init(cases: 2, throughForms: 2, throughFormsByStaff: 2), standard: .none),
                Ward(ward: "Castlefield", received: .init(cases: 1, throughForms: 0, throughFormsByStaff: 0), standard: .init(resolved: 1, met: 0)),
            ],
            calls: CallFigures([]), satisfaction: SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0))

        static func breakdown(_ dimension: PerformanceBreakdown.Dimension) -> PerformanceBreakdown {
            PerformanceBreakdown(dimension, counts: counts, teamOfService: teamOfService)
        }

        @Test("In every dimension the lines add up to the totals", arguments: PerformanceBreakdown.Dimension.allCases)
        func linesAddUp(dimension: PerformanceBreakdown.Dimension) {
            let lines = Self.breakdown(dimension).lines
            #expect(lines.map(\.received).reduce(CaseFigures.Received.none, +) == Self.counts.caseFigures.received)
            #expect(lines.map(\.standard).reduce(CaseFigures.Standard.none, +) == Self.counts.caseFigures.standard)
            if dimension == .ward {
                #expect(lines.allSatisfy { $0.contacts == nil })
            } else {
                #expect(lines.reduce(0) { $0 + ($1.contacts?.total ?? 0) } == Self.counts.contactFigures.total)
                #expect(lines.reduce(0) { $0 + ($1.contacts?.resolvedFirstTime ?? 0) } == Self.counts.contactFigures.resolvedFirstTime)
            }
        }

        // Bins 4 + 3 = 7; new bins 3 + 2 = 5; no service 5; lights 2 + 1 = 3. A tie goes by key, "none" last.
        @Test("By service: busiest first, contacts about no service on a line of their own")
        func byService() {
            let lines = Self.breakdown(.service).lines
            #expect(lines.map(\.key) == [Self.bins, Self.newBins, nil, Self.lights].map { $0?.uuidString })
            #expect(lines.map { $0.contacts?.total } == [4, 3, 5, 2])
            #expect(lines.map(\.received.cases) == [3, 2, 0, 1])
            #expect(lines[0].standard == CaseFigures.Standard(resolved: 2, met: 2))
            #expect(lines[3].standard == CaseFigures.Standard(resolved: 1, met: 0))
        }

        // Waste: contacts 4 + 3, cases 3 + 2 = 12; no team (contacts about no service) 5; highways 2 + 1 = 3.
        @Test("By team: contacts go to the team of the service they were about")
        func byTeam() {
            let lines = Self.breakdown(.team).lines
            #expect(lines.map(\.key) == [Self.waste.uuidString, nil, Self.highways.uuidString])
            #expect(lines.map { $0.contacts?.total } == [7, 5, 2])
            #expect(lines.map(\.received.cases) == [5, 0, 1])
            #expect(lines[0].received.throughFormsByStaff == 2)
        }

        @Test("By ward: cases only, from the counts by ward, since contacts have no ward")
        func byWard() {
            let lines = Self.breakdown(.ward).lines
            #expect(lines.map(\.key) == ["Abbey", nil, "Castlefield"])
            #expect(lines.map(\.received.cases) == [3, 2, 1])
            #expect(lines.map(\.received.throughFormsByStaff) == [0, 2, 0])
            #expect(lines.map(\.standard.resolved) == [2, 0, 1])
            // A ward counted in two rows (two councils of a shared service) is one line.
            var twice = Self.counts
            twice.wards.append(Ward(ward: "Abbey", received: .init(cases: 1, throughForms: 0, throughFormsByStaff: 0), standard: .none))
            let abbey = PerformanceBreakdown(.ward, counts: twice, teamOfService: Self.teamOfService).lines.filter { $0.key == "Abbey" }
            #expect(abbey.map(\.received.cases) == [4])
        }

        // Phone: contacts 4 + 2 + 5, cases 2 = 13; online 3 + 3 = 6; email 0 + 1 = 1.
        @Test("By channel: contacts and cases on the same channel share a line")
        func byChannel() {
            let lines = Self.breakdown(.channel).lines
            #expect(lines.map(\.key) == ["phone", "online", "email"])
            #expect(lines.map { $0.contacts?.total } == [11, 3, 0])
            #expect(lines.map(\.received.cases) == [2, 3, 1])
            #expect(lines.map(\.standard.met) == [0, 2, 0])
        }
    }
}

// MARK: Several councils

extension PerformanceFiguresTests {
    /// A shared service reports two councils as one: a large council's figures and a small one's.
    @Suite("Several councils' figures combined: counts add up, percentages come from the sums")
    struct Combined {
        static func calendar() throws -> WorkingDayCalendar {
            .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
        }

        static let june = PerformanceFiguresTests.date("2026-06-01")...PerformanceFiguresTests.date("2026-06-30")
        static let today = PerformanceFiguresTests.date("2026-07-20")

        /// A stage requested and acknowledged on 1 June, answered on `answered`: by 5 June is on time, on 29 June late.
        static func stage(_ number: Int, answered: String) -> ComplaintStage {
            ComplaintStage(number: number, requestedOn: PerformanceFiguresTests.date("2026-06-01"), acknowledgedOn: PerformanceFiguresTests.date("2026-06-01"),
                           response: .init(respondedOn: PerformanceFiguresTests.date(answered), outcome: .upheld, remedies: [.apology],
                                           rootCause: "Missed collection", text: "Sorry"))
        }

        static func complaint(_ stages: [ComplaintStage], closed: String?) -> ComplaintFigures.Complaint {
            .init(type: .corporate, stages: stages, closedOn: closed.map(PerformanceFiguresTests.date))
        }

        static func complaintFigures(_ complaints: [ComplaintFigures.Complaint]) throws -> ComplaintFigures {
            ComplaintFigures(complaints, policies: ComplaintPolicy.standard(for:), calendar: try calendar(), period: june, today: today)
        }

        @Test("Complaints: stages and closures add up; on time and resolved at stage 1 are shares of the sums")
        func complaints() throws {
            // The large council: three stage 1 answers in June, two on time; two complaints closed at stage 1.
            let large = [Self.complaint([Self.stage(1, answered: "2026-06-05")], closed: "2026-06-05"),
                         Self.complaint([Self.stage(1, answered: "2026-06-05")], closed: "2026-06-06"),
                         Self.complaint([Self.stage(1, answered: "2026-06-29")], closed: nil)]
            // The small one: a stage 1 answered on time, escalated, its stage 2 on time and closed there.
            let small = [Self.complaint([Self.stage(1, answered: "2026-06-02"), Self.stage(2, answered: "2026-06-12")], closed: "2026-06-12")]
            let combined = ComplaintFigures(combining: [try Self.complaintFigures(large), try Self.complaintFigures(small)])
            // Stage 1: 4 due, 3 on time (75%, not the 83% of averaging 67% and 100%). Stage 2: 1 of 1.
            #expect(combined.stages.map(\.number) == [1, 2])
            #expect(combined.stages.map(\.due) == [4, 1])
            #expect(combined.stages.map(\.answeredOnTime) == [3, 1])
            #expect(combined.stages.first?.onTimePercentage == 75)
            // Closed 3, 2 at stage 1: 66.7%, not the 50% of averaging 100% and 0%.
            #expect(combined.closed == 3 && combined.resolvedAtStageOne == 2)
            #expect(combined == (try Self.complaintFigures(large + small)), "the same as counting every complaint together")
        }

        @Test("Information requests: due and on time add up, the percentage from the sums")
        func informationRequests() throws {
            let calendar = WorkingDayCalendar.allNations(try ShippedBankHolidays.load())
            func request(_ received: String, answered: String) -> InformationRequestFigures.Request {
                .init(clock: StatutoryRequestClock(kind: .freedomOfInformation, receivedOn: PerformanceFiguresTests.date(received)),
                      answeredOn: PerformanceFiguresTests.date(answered))
            }
            func figures(_ requests: [InformationRequestFigures.Request]) -> InformationRequestFigures {
                InformationRequestFigures(requests, calendar: calendar, period: Self.june, today: Self.today)
            }
            // Received 1 June, answered 3 June: within. Received 1 April, answered 10 June: late.
            let large = figures([request("2026-06-01", answered: "2026-06-03"), request("2026-06-01", answered: "2026-06-04"),
                                 request("2026-04-01", answered: "2026-06-10")])
            let small = figures([request("2026-04-01", answered: "2026-06-10")])
            let combined = InformationRequestFigures(combining: [large, small])
            // 2 of 4 (50%), not the 33% of averaging 67% and 0%.
            #expect(combined.due == 4 && combined.answeredWithinTwentyWorkingDays == 2)
            #expect(combined.withinTwentyWorkingDaysPercentage == 50)
        }

        @Test("Calls: counts add up and the wait is averaged over all answered calls, not over councils")
        func calls() {
            let large = CallFigures(offered: 10, answered: 6, abandoned: 3, averageWaitSeconds: 40)
            let small = CallFigures(offered: 2, answered: 2, abandoned: 0, averageWaitSeconds: 70)
            let combined = CallFigures(combining: [large, small])
            #expect(combined.offered == 12 && combined.answered == 8 && combined.abandoned == 3)
            // (6 × 40 + 2 × 70) / 8 = 47.5, not the 55 of averaging 40 and 70.
            #expect(combined.averageWaitSeconds == 47.5)
            #expect(combined.abandonmentRate == 0.25)
        }

        @Test("A council whose calls were all abandoned adds its calls but not to the average wait")
        func noAnsweredCalls() {
            let large = CallFigures(offered: 10, answered: 6, abandoned: 3, averageWaitSeconds: 40)
            let quiet = CallFigures(offered: 3, answered: 0, abandoned: 3, averageWaitSeconds: nil)
            let combined = CallFigures(combining: [large, quiet])
            #expect(combined.offered == 13 && combined.abandoned == 6)
            #expect(combined.averageWaitSeconds == 40)
            #expect(CallFigures(combining: [quiet, quiet]).averageWaitSeconds == nil)
            #expect(CallFigures(combining: []) == CallFigures([]))
        }

        // CallFigures' average is over the answered calls that reported a wait; combining
        // must give what counting every call together gives.
        @Test("Combining councils' calls gives the figures of all their calls counted together, answered calls without a wait included")
        func callsAsIfCountedTogether() {
            typealias Call = CallFigures.Call
            let large = [Call(answered: true, ended: true, waitSeconds: 30), Call(answered: true, ended: true, waitSeconds: 60),
                         Call(answered: true, ended: true, waitSeconds: nil), Call(answered: false, ended: true, waitSeconds: 200)]
            let small = [Call(answered: true, ended: true, waitSeconds: 90)]
            // All together: (30 + 60 + 90) / 3 = 60.
            #expect(CallFigures(large + small).averageWaitSeconds == 60)
            #expect(CallFigures(combining: [CallFigures(large), CallFigures(small)]) == CallFigures(large + small))
        }
    }
}
