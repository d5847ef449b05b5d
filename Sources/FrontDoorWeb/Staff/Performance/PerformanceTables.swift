import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// The dashboard's tables (and the charts drawn from them), built from `PerformanceDashboard`.
/// The page and the CSV downloads use the same tables, so a download is what the page shows.
struct PerformanceTables {
    let dashboard: PerformanceDashboard
    let names: Names
    /// Addresses of the drill-down lists; nil when the viewer may not open them.
    let contactsHref: ((_ filters: [(String, String)]) -> String)?
    let casesHref: ((_ filters: [(String, String)]) -> String)?

    struct Names {
        var services: [UUID: String]
        var teams: [UUID: String]
        var teamOfService: [UUID: UUID]

        /// Across several councils each name says whose it is: every council has its own "Missed bins".
        static func of(councils: [Council], services: ServiceRepository, teams: TeamRepository) async throws -> Names {
            var names = Names(services: [:], teams: [:], teamOfService: [:])
            for council in councils {
                let suffix = councils.count > 1 ? " (\(council.name))" : ""
                for service in try await services.all(councilID: council.id) {
                    names.services[service.id] = service.name + suffix
                    names.teamOfService[service.id] = service.owningTeamID
                }
                for team in try await teams.all(councilID: council.id) { names.teams[team.id] = team.name + suffix }
            }
            return names
        }
    }

    /// Every table the page shows, in its order (the breakdown by `dimension`).
    func all(_ dimension: PerformanceBreakdown.Dimension, switchHref: (PerformanceBreakdown.Dimension) -> String) -> [PerformanceSection] {
        [keyFigures(), channels(), trend(), breakdown(dimension, switchHref: switchHref), complaintsAndRequests(), costToServe()]
    }

    var thisPeriod: String { PeriodText.short(dashboard.period) }
    var previousPeriod: String { PeriodText.short(dashboard.period.previous) }

    /// The period channel shift is measured against, as the page names it.
    static func baselineName(_ baseline: ChannelShiftBaseline, period: ReportingPeriod) -> String {
        switch baseline {
        case .previousPeriod: "the previous period, " + PeriodText.short(period.previous)
        case .yearBefore: "the same period a year before, " + PeriodText.short(period.yearBefore)
        case .chosen(let chosen): PeriodText.short(chosen)
        }
    }

    var baselineMix: String {
        dashboard.baseline == .previousPeriod ? "the previous period’s channel mix"
            : "the channel mix of " + Self.baselineName(dashboard.baseline, period: dashboard.period)
    }

    func keyFigures() -> PerformanceSection {
        let d = dashboard
        let contacts = d.contacts, before = d.previousContacts
        let calls = d.current.calls, callsBefore = d.previous.calls
        let satisfaction = d.current.satisfaction, satisfactionBefore = d.previous.satisfaction
        func counted(_ name: String, _ now: Int, _ then: Int) -> [String] {
            [name, FigureText.count(now), FigureText.count(then), FigureText.countChange(now, then)]
        }
        func percent(_ name: String, _ now: Double?, _ then: Double?) -> [String] {
            [name, FigureText.percent(now), FigureText.percent(then), FigureText.pointsChange(now, then)]
        }
        var rows: [[String]] = [
            counted("Contacts, all channels", contacts.total, before.total),
            percent("Online self-service share of contacts", contacts.onlinePercentage, before.onlinePercentage),
        ]
        let baseline = d.baselineContacts
        if d.baseline != .previousPeriod {
            rows.append(["Online self-service share of contacts in the baseline, " + Self.baselineName(d.baseline, period: d.period),
                         FigureText.percent(baseline.onlinePercentage), "", ""])
        }
        rows += [
            [d.baseline == .previousPeriod ? "Channel shift (change in online share)"
                : "Channel shift (change in online share since " + Self.baselineName(d.baseline, period: d.period) + ")",
             FigureText.pointsChange(contacts.onlinePercentage, baseline.onlinePercentage).replacingOccurrences(of: "No change", with: "0.0 points"), "", ""],
            percent("Assisted self-serve (requests staff made through the online forms)", d.cases.received.assistedSelfServePercentage,
                    d.previousCases.received.assistedSelfServePercentage),
            percent("Resolved at first point of contact", contacts.resolvedFirstTimePercentage, before.resolvedFirstTimePercentage),
            percent("Failure demand", contacts.failureDemandPercentage, before.failureDemandPercentage),
            percent("Avoidable contact", contacts.avoidablePercentage, before.avoidablePercentage),
            counted("Calls offered", calls.offered, callsBefore.offered),
            counted("Calls answered", calls.answered, callsBefore.answered),
            counted("Calls abandoned", calls.abandoned, callsBefore.abandoned),
            percent("Calls abandoned, share of calls offered", calls.abandonmentRate.map { $0 * 100 }, callsBefore.abandonmentRate.map { $0 * 100 }),
            ["Average wait for an answered call", FigureText.seconds(calls.averageWaitSeconds), FigureText.seconds(callsBefore.averageWaitSeconds), ""],
            counted("Face-to-face visits", contacts.contacts(by: .faceToFace), before.contacts(by: .faceToFace)),
            counted("Requests received", d.cases.received.cases, d.previousCases.received.cases),
            percent("Requests resolved within their service standard", d.cases.standard.metPercentage, d.previousCases.standard.metPercentage),
        ]
        for stage in Set(d.complaints.stages.map(\.number)).union(d.previousComplaints.stages.map(\.number)).sorted() {
            rows.append(percent("Complaints answered on time at stage \(stage)", d.complaints.stages.first { $0.number == stage }?.onTimePercentage,
                                d.previousComplaints.stages.first { $0.number == stage }?.onTimePercentage))
        }
        rows += [
            percent("Complaints resolved at stage 1", d.complaints.resolvedAtStageOnePercentage, d.previousComplaints.resolvedAtStageOnePercentage),
            percent("FOI and EIR requests answered within 20 working days", d.informationRequests.withinTwentyWorkingDaysPercentage,
                    d.previousInformationRequests.withinTwentyWorkingDaysPercentage),
            counted("Requests rated by residents", satisfaction.rated, satisfactionBefore.rated),
            percent("Satisfied with their request (rated 4 or 5 out of 5)", satisfaction.satisfiedPercentage, satisfactionBefore.satisfiedPercentage),
            ["Average rating out of 5", satisfaction.averageScore.map { String(format: "%.1f", $0) } ?? FigureText.none,
             satisfactionBefore.averageScore.map { String(format: "%.1f", $0) } ?? FigureText.none, ""],
            percent("Pages found useful (“Is this page useful?”)", satisfaction.pagesUsefulPercentage, satisfactionBefore.pagesUsefulPercentage),
            ["Cost to serve", FigureText.money(d.cost.totalPence), FigureText.money(d.previousCost.totalPence),
             FigureText.countChange(d.cost.totalPence, d.previousCost.totalPence)],
            ["Saved by channel shift (against \(baselineMix))", FigureText.money(d.cost.channelShiftSavingPence), "", ""],
        ]
        return PerformanceSection(id: "key-figures", heading: "Key figures", table: Table(
            caption: "Key figures, \(thisPeriod) compared with \(previousPeriod)", head: ["Measure", thisPeriod, previousPeriod, "Change"],
            rows: rows, numericColumns: [1, 2, 3], firstCellIsHeader: true))
    }

    func channels() -> PerformanceSection {
        let contacts = dashboard.contacts, before = dashboard.previousContacts
        let shown = Contact.Channel.allCases.filter { contacts.contacts(by: $0) > 0 || before.contacts(by: $0) > 0 }
        let caption = "Contacts by channel, \(thisPeriod) and \(previousPeriod)"
        let rows = shown.map { channel -> [String] in
            let now = contacts.contacts(by: channel), then = before.contacts(by: channel)
            return [channel.displayName, FigureText.count(now), FigureText.count(then), FigureText.countChange(now, then),
                    FigureText.percent(Percentage.of(now, contacts.total))]
        }
        let links = shown.map { channel in [nil, contactsHref?([("channel", channel.rawValue)]), nil, nil, nil] }
        let chart = BarChart(id: "chart-channels", title: "Contacts by channel", tableCaption: caption,
                             rows: shown.map { channel in
                                 BarChart.Row(label: channel.displayName, value: Double(contacts.contacts(by: channel)),
                                              valueText: FigureText.count(contacts.contacts(by: channel)),
                                              previous: Double(before.contacts(by: channel)), previousText: FigureText.count(before.contacts(by: channel)))
                             }, thisPeriod: thisPeriod, previousPeriod: previousPeriod)
        return PerformanceSection(id: "channels", heading: "Contacts by channel", chart: shown.isEmpty ? nil : chart, table: Table(
            caption: caption, head: ["Channel", thisPeriod, previousPeriod, "Change", "Share"],
            rows: rows, numericColumns: [1, 2, 3, 4], firstCellIsHeader: true, links: links))
    }

    func trend() -> PerformanceSection {
        let steps = dashboard.trendSteps, trend = dashboard.trend
        let caption = "Contacts over time and the online share, \(thisPeriod)"
        let named: [Contact.Channel] = [.online, .phone, .faceToFace, .email]
        let rows = zip(steps, trend).map { step, counts -> [String] in
            let total = counts.values.reduce(0, +)
            let other = total - named.reduce(0) { $0 + (counts[$1] ?? 0) }
            return [PeriodText.short(step)] + named.map { FigureText.count(counts[$0] ?? 0) }
                + [FigureText.count(other), FigureText.count(total), FigureText.percent(Percentage.of(counts[.online] ?? 0, total))]
        }
        let chart = BarChart(id: "chart-trend", title: "Online share of contacts over time", tableCaption: caption,
                             rows: zip(steps, trend).map { step, counts in
                                 let share = Percentage.of(counts[.online] ?? 0, counts.values.reduce(0, +))
                                 return BarChart.Row(label: PeriodText.short(step), value: share ?? 0, valueText: FigureText.percent(share))
                             }, thisPeriod: thisPeriod, previousPeriod: nil)
        return PerformanceSection(id: "trend", heading: "Contacts over time", chart: steps.isEmpty ? nil : chart, table: Table(
            caption: caption, head: ["Period"] + named.map(\.displayName) + ["Other channels", "All contacts", "Online share"],
            rows: rows, numericColumns: Set(1...7), firstCellIsHeader: true))
    }

    func breakdown(_ dimension: PerformanceBreakdown.Dimension, switchHref: (PerformanceBreakdown.Dimension) -> String) -> PerformanceSection {
        let lines = PerformanceBreakdown(dimension, counts: dashboard.current, teamOfService: names.teamOfService).lines
        let noun = Self.noun(dimension)
        let filter = Self.filter(dimension)
        let rows = lines.map { line -> [String] in
            [name(of: line.key, in: dimension),
             line.contacts.map { FigureText.count($0.total) } ?? "Not recorded",
             line.contacts.map { FigureText.percent($0.resolvedFirstTimePercentage) } ?? "Not recorded",
             line.contacts.map { FigureText.percent($0.failureDemandPercentage) } ?? "Not recorded",
             FigureText.count(line.received.cases), FigureText.percent(line.received.assistedSelfServePercentage),
             FigureText.count(line.standard.resolved), FigureText.percent(line.standard.metPercentage)]
        }
        let links = lines.map { line -> [String?] in
            let value = line.key ?? "none"
            return [nil, line.contacts == nil ? nil : contactsHref?([(filter, value)]), nil,
                    line.contacts == nil ? nil : contactsHref?([(filter, value), ("demand", Contact.Demand.failure.rawValue)]),
                    casesHref?([(filter, value)]), nil, nil, nil]
        }
        let caption = "\(thisPeriod) by \(noun)"
        return PerformanceSection(
            id: "by-\(dimension.rawValue)", heading: "By \(noun)",
            intro: dimension == .ward ? "Contacts are not recorded against wards, so this shows requests only." : nil,
            table: Table(caption: caption, head: [noun.prefix(1).uppercased() + noun.dropFirst(), "Contacts", "Resolved at first contact",
                                                   "Failure demand", "Requests received", "Assisted self-serve", "Requests resolved",
                                                   "Within service standard"],
                         rows: rows, numericColumns: Set(1...7), firstCellIsHeader: true, links: links),
            switches: PerformanceBreakdown.Dimension.allCases.map {
                .init(text: "By \(Self.noun($0))", href: switchHref($0), isCurrent: $0 == dimension)
            })
    }

    func complaintsAndRequests() -> PerformanceSection {
        let d = dashboard
        var rows: [[String]] = []
        for stage in Set(d.complaints.stages.map(\.number)).union(d.previousComplaints.stages.map(\.number)).sorted() {
            let now = d.complaints.stages.first { $0.number == stage }, then = d.previousComplaints.stages.first { $0.number == stage }
            rows.append(["Complaints at stage \(stage)", FigureText.count(now?.due ?? 0), FigureText.count(now?.answeredOnTime ?? 0),
                         FigureText.percent(now?.onTimePercentage), FigureText.percent(then?.onTimePercentage)])
        }
        rows.append(["Complaints closed (resolved at stage 1)", FigureText.count(d.complaints.closed), FigureText.count(d.complaints.resolvedAtStageOne),
                     FigureText.percent(d.complaints.resolvedAtStageOnePercentage), FigureText.percent(d.previousComplaints.resolvedAtStageOnePercentage)])
        rows.append(["FOI and EIR requests (within 20 working days)", FigureText.count(d.informationRequests.due),
                     FigureText.count(d.informationRequests.answeredWithinTwentyWorkingDays),
                     FigureText.percent(d.informationRequests.withinTwentyWorkingDaysPercentage),
                     FigureText.percent(d.previousInformationRequests.withinTwentyWorkingDaysPercentage)])
        return PerformanceSection(
            id: "complaints", heading: "Complaints and information requests",
            intro: "A complaint stage or a request counts in the period it was answered in or, unanswered, the period it fell due in.",
            table: Table(caption: "Complaints and information requests answered on time, \(thisPeriod)",
                         head: ["Measure", "Due", "On time", thisPeriod, previousPeriod], rows: rows, numericColumns: [1, 2, 3, 4],
                         firstCellIsHeader: true))
    }

    func costToServe() -> PerformanceSection {
        let d = dashboard, contacts = d.contacts
        let shown = Contact.Channel.allCases.filter { contacts.contacts(by: $0) > 0 }
        var rows = shown.map { channel -> [String] in
            // A council's own cost; across a shared service, the average of its councils' costs weighed by their contacts.
            [channel.displayName, FigureText.moneyPerContact(Double(d.cost.byChannel[channel] ?? 0) / Double(contacts.contacts(by: channel))),
             FigureText.count(contacts.contacts(by: channel)), FigureText.money(d.cost.byChannel[channel] ?? 0)]
        }
        rows.append(["All channels", FigureText.moneyPerContact(d.cost.averagePence(over: contacts)) + " on average",
                     FigureText.count(contacts.total), FigureText.money(d.cost.totalPence)])
        return PerformanceSection(
            id: "cost", heading: "Cost to serve",
            intro: (d.isShared ? "Each contact at its own council’s cost for its channel. " : "Each contact at its channel’s cost. ")
                + "Saved by channel shift, against \(baselineMix): "
                + FigureText.money(d.cost.channelShiftSavingPence) + ".",
            table: Table(caption: "Cost to serve by channel, \(thisPeriod)", head: ["Channel", "Cost per contact", "Contacts", "Cost"],
                         rows: rows, numericColumns: [1, 2, 3], firstCellIsHeader: true))
    }

    func name(of key: String?, in dimension: PerformanceBreakdown.Dimension) -> String {
        guard let key else {
            return switch dimension {
            case .service: "No service"
            case .team: "No team"
            case .ward: "No ward (outside the council’s wards, or no address)"
            case .channel: "No channel"
            }
        }
        return switch dimension {
        case .service: UUID(uuidString: key).flatMap { names.services[$0] } ?? "A removed service"
        case .team: UUID(uuidString: key).flatMap { names.teams[$0] } ?? "A removed team"
        case .ward: key
        case .channel: Contact.Channel(rawValue: key)?.displayName ?? key
        }
    }

    static func noun(_ dimension: PerformanceBreakdown.Dimension) -> String {
        switch dimension {
        case .service: "service"
        case .team: "team"
        case .ward: "ward"
        case .channel: "channel"
        }
    }

    /// The drill-down filter a line of this dimension sets.
    static func filter(_ dimension: PerformanceBreakdown.Dimension) -> String { dimension.rawValue }
}

/// Periods as the dashboard names them: "October 2026", "1 to 7 October 2026", "1 October 2025 to 30 September 2026".
enum PeriodText {
    static func short(_ period: ReportingPeriod) -> String {
        if period.wholeMonths == 1 { return UKDateFormat.months[period.first.month - 1] + " \(period.first.year)" }
        if period.first == period.last { return date(period.first) }
        if period.first.year == period.last.year, period.first.month == period.last.month {
            return "\(period.first.day) to " + date(period.last)
        }
        return date(period.first) + " to " + date(period.last)
    }

    static func date(_ date: LocalDate) -> String {
        UKDateFormat.date(year: date.year, month: date.month, day: date.day)
    }
}
