import Foundation
import FrontDoorDomain

/// The year's records, a month at a time: every case with its form, first timeline entry,
/// case-raised contact and what became of it (resolved or still open at the year's end, rated,
/// a complaint's stages, an information request's clock), the other contacts, the calls, and
/// answers to "Is this page useful?".
extension SyntheticYear {
    struct Day {
        var date: LocalDate
        /// 0 is Monday.
        var weekday: Int
        var isWorkingDay: Bool
        var midnight: Date
        var noon: Date

        /// The instant `seconds` after midnight, UK time. Clocks change in the small hours, so
        /// times from 03:00 count from noon's offset.
        func instant(_ seconds: Int) -> Date {
            seconds < 3 * 3600 ? midnight.addingTimeInterval(Double(seconds)) : noon.addingTimeInterval(Double(seconds - 43_200))
        }

        func weight(_ rhythm: Rhythm) -> Double {
            // Bank holidays and closure days: only online stays open.
            if rhythm != .online, weekday < 5, !isWorkingDay { return 0 }
            return rhythm.weekdays[weekday] * SyntheticYear.holidayFactor(date)
        }
    }

    struct Month {
        var days: [Day]
        /// 1 for January.
        var calendarMonth: Int
        /// 0 in the first month of the year, 1 in the last: how far channel shift has gone.
        var progress: Double
    }

    /// A case's moves, as far as they happened before the year's end.
    struct Timeline {
        var received: Date
        var end: Date
        private(set) var moves: [(at: Date, to: CaseStatus)] = []
        private var stopped = false

        init(received: Date, end: Date) {
            self.received = received
            self.end = end
        }

        /// Records the move if it happened before the end; false (and no later move) otherwise.
        @discardableResult
        mutating func move(_ status: CaseStatus, at time: Date) -> Bool {
            guard !stopped, time < end else { stopped = true; return false }
            moves.append((max(time, moves.last?.at ?? received), status))
            return true
        }

        var last: Date { moves.last?.at ?? received }
        var status: CaseStatus { moves.last?.to ?? .submitted }
        var version: Int { 1 + moves.count }
        var acknowledgedAt: Date? { moves.first.flatMap { [.withdrawn, .duplicate].contains($0.to) ? nil : $0.at } }
        var resolvedAt: Date? { [.resolved, .closed].contains(status) ? moves.last(where: { $0.to == .resolved })?.at : nil }
        var closedAt: Date? { [.closed, .withdrawn].contains(status) ? moves.last?.at : nil }
    }

    /// How a case ended up: the case's own columns that its story decides.
    struct Story {
        var timeline: Timeline
        var acknowledgeBy: LocalDate
        var resolveBy: CaseDeadline
        var outcome: StandardOutcome?
        var officerID: UUID?
    }

    /// The year's plan made concrete, and the state carried from month to month.
    struct Chronicle {
        let plan: Plan
        let councilID: UUID
        let setting: Setting
        let rules: CaseRules
        let months: [Month]
        let end: Date
        let people: [(name: String, phone: String)]
        let casesByMonth: [Int]
        let othersByMonth: [Int]
        let specialsByMonth: [[(service: Int, count: Int)]]
        let feedbackByMonth: [Int]
        let phoneLoad: [Double]
        let submissionTemplate: SubmittedFormRepository.Row
        let policy: String
        var referenceNumbers: [Int: Int] = [:]

        init(plan: Plan, councilID: UUID, setting: Setting, rules: CaseRules, people: [(name: String, phone: String)]) throws {
            (self.plan, self.councilID, self.setting, self.rules, self.people) = (plan, councilID, setting, rules, people)
            var london = Calendar(identifier: .gregorian)
            london.timeZone = .london
            let monday = LocalDate(year: 1970, month: 1, day: 5)!
            let months = (0..<plan.months).map { index in
                let first = plan.firstMonth.adding(months: index)
                let days = (0..<first.days(to: first.adding(months: 1))).map { offset -> Day in
                    let date = first.adding(days: offset)
                    return Day(date: date, weekday: ((monday.days(to: date) % 7) + 7) % 7, isWorkingDay: rules.deadlines.calendar.isWorkingDay(date),
                               midnight: date.start(), noon: london.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!)
                }
                return Month(days: days, calendarMonth: first.month, progress: plan.months > 1 ? Double(index) / Double(plan.months - 1) : 0)
            }
            self.months = months
            end = plan.firstMonth.adding(months: plan.months).start()

            func openDays(_ month: Month, _ rhythm: Rhythm) -> Double { month.days.reduce(0) { $0 + $1.weight(rhythm) } }
            func seasonal(_ month: Month, _ share: (Profile) -> Double) -> Double {
                setting.services.reduce(0) { $0 + share($1.profile) * $1.profile.season[month.calendarMonth - 1] }
            }
            let caseWeights = months.map { seasonal($0, \.caseShare) * openDays($0, .online) }
            let contactWeights = months.map { month in
                (seasonal(month, \.contactShare) + SyntheticYear.noServiceShare) * (openDays(month, .contactCentre) + openDays(month, .online)) / 2
            }
            let cases = apportion(plan.cases, by: caseWeights), others = apportion(plan.contacts - plan.cases, by: contactWeights)
            (casesByMonth, othersByMonth) = (cases, others)

            let specials: [(String, Double)] = [("complaint", Specials.complaints), ("foi-request", Specials.freedomOfInformation),
                                                ("eir-request", Specials.environmentalInformation)]
            var byMonth = Array(repeating: [(service: Int, count: Int)](), count: plan.months)
            for (code, rate) in specials {
                guard plan.cases >= 50, let index = setting.services.firstIndex(where: { $0.service.code.value == code }) else { continue }
                for (month, count) in apportion(max(1, Int((Double(plan.cases) * rate).rounded())), by: caseWeights).enumerated() {
                    byMonth[month].append((index, count))
                }
            }
            specialsByMonth = byMonth

            // Online contacts are where the page feedback comes from: about one answer for every 50 contacts.
            let online = months.indices.map { index in
                let split = Self.channels(cases: cases[index], others: others[index], month: months[index])
                return Double((split.cases.first { $0.0 == .online }?.1 ?? 0) + (split.others.first { $0.0 == .online }?.1 ?? 0))
            }
            feedbackByMonth = apportion(Int((Double(plan.contacts) * 0.02).rounded()), by: online)
            // How busy the council is each month against the year's average: waits grow with it. All
            // contacts, not calls: the contact centre is staffed for the calls channel shift leaves it.
            let perOpenDay = months.indices.map { Double(cases[$0] + others[$0]) / max(1, openDays(months[$0], .contactCentre)) }
            let average = max(1e-9, perOpenDay.reduce(0, +) / Double(max(1, perOpenDay.count)))
            phoneLoad = perOpenDay.map { min(1.6, max(0.6, $0 / average)) }

            submissionTemplate = try SubmittedFormRepository.Row(SubmittedForm(
                id: UUID(), councilID: councilID, serviceID: UUID(), formVersion: 1, answers: [:], answersAsTyped: FormSubmission([:]),
                customerID: nil, submittedByStaffID: nil, channel: .online, submittedAt: Date()))
            policy = String(decoding: try JSONEncoder().encode(ComplaintPolicy.standard(for: .corporate)), as: UTF8.self)
        }

        /// The month's cases by channel, and the other contacts by channel: together they make
        /// the month's share of each channel what `contactMix` says.
        static func channels(cases: Int, others: Int, month: Month) -> (cases: [(ServiceChannel, Int)], others: [(Contact.Channel, Int)]) {
            let caseMix = SyntheticYear.caseMix(month.progress)
            let caseCounts = zip(caseMix.map(\.0), apportion(cases, by: caseMix.map(\.1))).map { ($0, $1) }
            let total = Double(cases + others)
            let contactMix = SyntheticYear.contactMix(month.progress)
            let wanted = contactMix.map { channel, share in
                max(0, share * total - Double(caseCounts.first { $0.0.rawValue == channel.rawValue }?.1 ?? 0))
            }
            return (caseCounts, zip(contactMix.map(\.0), apportion(others, by: wanted)).map { ($0, $1) })
        }

        // MARK: A month

        /// Where in the month and the day one item falls.
        struct Moment {
            var day: Int
            var second: Int
        }

        /// Draws when something happens: a day of the month by the rhythm's weekdays, then a time
        /// of day by its opening hours.
        struct Clock {
            var days: [Rhythm: WeightedChoice<Int>] = [:]
            var hours: [Rhythm: [WeightedChoice<(Int, Int)>]] = [:]

            func draw(_ rhythm: Rhythm, in month: Month, _ random: inout SyntheticCustomers.Generator) -> Moment {
                let day = days[rhythm]!.draw(&random)
                let (from, to) = hours[rhythm]![month.days[day].weekday].draw(&random)
                return Moment(day: day, second: from + random.int(below: max(1, to - from)))
            }
        }

        /// What every item in one month draws on.
        struct MonthContext {
            var month: Month
            var load: Double
            var clock = Clock()
            var contactServices: WeightedChoice<Int?>
        }

        mutating func month(_ index: Int) throws -> Rows {
            let month = months[index]
            var random = SyntheticYear.key(councilID, plan.seed, UInt64(index) &+ 1)
            var context = MonthContext(month: month, load: phoneLoad[index], contactServices: WeightedChoice(
                setting.services.indices.map { (Optional($0), setting.services[$0].profile.contactShare * setting.services[$0].profile.season[month.calendarMonth - 1]) }
                    + [(nil, SyntheticYear.noServiceShare)]))
            for rhythm in Rhythm.allCases {
                // A little day-to-day noise, so no two Mondays are the same.
                context.clock.days[rhythm] = WeightedChoice(month.days.indices.map { ($0, month.days[$0].weight(rhythm) * (0.9 + 0.2 * random.unit())) })
                context.clock.hours[rhythm] = (0..<7).map { weekday in
                    WeightedChoice(rhythm.hours(weekday: weekday).map { (($0.0, $0.1), Double($0.1 - $0.0) * $0.2) })
                }
            }
            var rows = Rows()
            let split = Self.channels(cases: casesByMonth[index], others: othersByMonth[index], month: month)
            try addCases(split.cases, specials: specialsByMonth[index], context: &context, random: &random, rows: &rows)
            for (channel, count) in split.others {
                for _ in 0..<count { addContact(channel, context: &context, random: &random, rows: &rows) }
            }
            addFeedback(feedbackByMonth[index], context: &context, random: &random, rows: &rows)
            // The telephony platform's own call ids: unique within the council, as its index requires.
            let first = plan.firstMonth.adding(months: index)
            for number in rows.calls.indices {
                rows.calls[number].external_id = String(format: "SYN-%04d%02d-%07d", first.year, first.month, number + 1)
            }
            return rows
        }

        /// A phone call's timing: the wait is longer on Mondays, mid-morning and in busy months.
        struct Call {
            var offeredSecond: Int
            var wait: Int
            var talk: Int
            var meanWait: Double
            var end: Int { offeredSecond + wait + talk }
        }

        func call(at moment: Moment, in month: Month, load: Double, talkMinutes: Double, _ random: inout SyntheticCustomers.Generator) -> Call {
            let weekday = [1.45, 1.1, 1.0, 0.95, 0.9, 0.8, 1.0][month.days[moment.day].weekday]
            let hour = moment.second / 3600
            let busy = (9...10).contains(hour) ? 1.25 : (12...13).contains(hour) ? 1.1 : 0.9
            let meanWait = 165 * weekday * busy * pow(load, 1.5)
            let wait = Int(min(2_700, random.skewed(mean: meanWait, spread: 0.9)).rounded())
            let talk = Int(max(60, random.skewed(mean: talkMinutes * 60, spread: 0.5)).rounded())
            return Call(offeredSecond: moment.second, wait: wait, talk: talk, meanWait: meanWait)
        }

        func customerIndex(_ random: inout SyntheticCustomers.Generator) -> Int? {
            guard plan.customers > 0 else { return nil }
            // Some residents are in touch far more than others.
            return min(plan.customers - 1, Int(Double(plan.customers) * pow(random.unit(), 1.5)))
        }

        func customerID(_ index: Int?) -> UUID? {
            index.map { UUID(uuid: SyntheticCustomers.uuid($0, plan.seed)) }
        }

        /// Office hours on `date`: when officers act on cases.
        func officeInstant(_ date: LocalDate, after earliest: Date, _ random: inout SyntheticCustomers.Generator) -> Date {
            let instant = date.start().addingTimeInterval(Double(random.int(in: 9 * 3600...17 * 3600)))
            return instant > earliest ? instant : earliest.addingTimeInterval(Double(random.int(in: 600...7_200)))
        }

        // MARK: Calls and contacts

        /// The answered call, and sometimes a caller who gave up around the same time.
        func addCalls(_ call: Call, on day: Day, customer: Int?, advisor: StaffAccount, queue: String,
                      random: inout SyntheticCustomers.Generator, rows: inout Rows) {
            let offered = day.instant(call.offeredSecond)
            rows.calls.append(CallRepository.Row(
                id: random.uuid(), council_id: councilID, external_id: "", caller_number: caller(customer, &random), customer_id: customerID(customer),
                queue: queue, agent: advisor.email, agent_staff_id: advisor.id, offered_at: offered,
                answered_at: offered.addingTimeInterval(Double(call.wait)), ended_at: offered.addingTimeInterval(Double(call.wait + call.talk)),
                wait_seconds: call.wait))
            let abandoning = min(0.3, max(0.03, 0.10 * pow(call.meanWait / 180, 0.8)))
            guard random.chance(abandoning) else { return }
            let someone = random.chance(0.5) ? customerIndex(&random) : nil
            let gaveUp = random.int(in: 10...max(20, Int(call.meanWait * 2)))
            let rang = offered.addingTimeInterval(Double(random.int(in: -1_800...1_800)))
            rows.calls.append(CallRepository.Row(
                id: random.uuid(), council_id: councilID, external_id: "", caller_number: caller(someone, &random), customer_id: customerID(someone),
                queue: queue, agent: nil, agent_staff_id: nil, offered_at: rang, answered_at: nil,
                ended_at: rang.addingTimeInterval(Double(gaveUp)), wait_seconds: gaveUp))
        }

        func caller(_ customer: Int?, _ random: inout SyntheticCustomers.Generator) -> String {
            customer.map { people[$0].phone } ?? "07700 \(random.int(in: 900_000...900_999))"
        }

        static func queue(_ service: CouncilService?) -> String {
            switch service?.group {
            case .councilTax?, .benefits?: "Council Tax and benefits"
            case .waste?, .streets?: "Waste and streets"
            case .housing?: "Housing"
            case .parking?: "Parking"
            default: "General enquiries"
            }
        }

        /// A contact that raised no case: most resolved there and then, some chasing (failure
        /// demand), some that better information would have avoided.
        func addContact(_ channel: Contact.Channel, context: inout MonthContext, random: inout SyntheticCustomers.Generator, rows: inout Rows) {
            let month = context.month
            let moment = context.clock.draw(Rhythm(channel), in: month, &random)
            let day = month.days[moment.day]
            let about = context.contactServices.draw(&random)
            let service = about.map { setting.services[$0] }
            let season = service?.profile.season[month.calendarMonth - 1] ?? 1
            let online = channel == .online
            let failure = min(0.4, (online ? 0.10 : 0.22) * (1 + 0.6 * (season - 1)))
            let avoidable = online ? 0.05 : 0.11
            let roll = random.unit()
            let demand: Contact.Demand = roll < failure ? .failure : roll < failure + avoidable ? .avoidable : .value
            let outcome: Contact.Outcome = online ? (random.chance(0.92) ? .resolvedFirstTime : .handedOff) : Self.assistedOutcome(demand, &random)
            let customer = random.chance(online ? 0.7 : 0.85) ? customerIndex(&random) : nil
            let advisor = online ? nil : random.pick(setting.advisors)
            var recorded = day.instant(moment.second)
            var minutes: Int?
            switch channel {
            case .phone:
                let call = call(at: moment, in: month, load: context.load, talkMinutes: 6, &random)
                addCalls(call, on: day, customer: customer, advisor: advisor!, queue: Self.queue(service?.service), random: &random, rows: &rows)
                recorded = day.instant(call.end)
                minutes = max(1, Int((Double(call.talk) / 60).rounded()))
            case .faceToFace: minutes = Int(random.skewed(mean: 12, spread: 0.5).rounded()) + 1
            case .webChat: minutes = Int(random.skewed(mean: 9, spread: 0.5).rounded()) + 1
            case .email, .post: minutes = Int(random.skewed(mean: 6, spread: 0.6).rounded()) + 1
            case .socialMedia, .sms: minutes = Int(random.skewed(mean: 4, spread: 0.5).rounded()) + 1
            case .online: minutes = nil
            }
            rows.contacts.append(ContactRepository.Row(Contact(
                id: random.uuid(), councilID: councilID, customerID: customerID(customer), channel: channel, serviceID: service?.service.id,
                outcome: outcome, demand: demand, durationMinutes: minutes.map { min(Contact.longestMinutes, $0) },
                notes: Self.notes(demand, outcome, service: service?.service), staffID: advisor?.id, staffName: advisor?.displayName ?? "Online",
                recordedAt: recorded)))
        }

        static func assistedOutcome(_ demand: Contact.Demand, _ random: inout SyntheticCustomers.Generator) -> Contact.Outcome {
            let odds: [(Contact.Outcome, Double)] = switch demand {
            case .value: [(.resolvedFirstTime, 0.74), (.handedOff, 0.10), (.signposted, 0.09), (.callbackBooked, 0.07)]
            case .failure: [(.resolvedFirstTime, 0.55), (.handedOff, 0.25), (.signposted, 0.03), (.callbackBooked, 0.17)]
            case .avoidable: [(.resolvedFirstTime, 0.80), (.handedOff, 0.05), (.signposted, 0.13), (.callbackBooked, 0.02)]
            }
            return WeightedChoice(odds).draw(&random)
        }

        static func notes(_ demand: Contact.Demand, _ outcome: Contact.Outcome, service: CouncilService?) -> String {
            let about = service.map { " (\($0.name.lowercased()))" } ?? ""
            switch (demand, outcome) {
            case (.failure, _): return "Chasing progress on an earlier request" + about
            case (.avoidable, _): return "Asked for information already on the website" + about
            case (_, .signposted): return "Signposted to a partner organisation" + about
            case (_, .handedOff): return "Passed to the service team" + about
            case (_, .callbackBooked): return "Callback booked" + about
            default: return "Answered the question" + about
            }
        }

        func addFeedback(_ count: Int, context: inout MonthContext, random: inout SyntheticCustomers.Generator, rows: inout Rows) {
            let month = context.month
            let pages = WeightedChoice(SyntheticYear.feedbackPages.map { (($0.path, $0.useful), $0.weight) })
            for _ in 0..<count {
                let moment = context.clock.draw(.online, in: month, &random)
                let (path, useful) = pages.draw(&random)
                let answer = random.chance(useful)
                let comment = !answer && random.chance(0.1) ? random.pick(SyntheticYear.feedbackComments) : ""
                rows.feedback.append(FeedbackRow(id: random.uuid(), council_id: councilID, page_path: path, useful: answer, comment: comment,
                                                 created_at: month.days[moment.day].instant(moment.second)))
            }
        }
    }
}

// MARK: Cases

extension SyntheticYear.Chronicle {
    typealias Generator = SyntheticCustomers.Generator
    typealias WeightedChoice<Value> = SyntheticYear.WeightedChoice<Value>

    /// A case before it is written: how it came in, and when.
    struct Slot {
        var channel: ServiceChannel
        var moment: Moment
        var receivedSecond: Int
        var call: Call?
        var service = -1
    }

    /// The month's cases, in the order they arrived (so references count up through the year):
    /// complaints and information requests first, to their exact numbers, then the rest by the
    /// services' seasonal shares among those offered on each channel.
    mutating func addCases(_ channels: [(ServiceChannel, Int)], specials: [(service: Int, count: Int)], context: inout MonthContext,
                           random: inout Generator, rows: inout SyntheticYear.Rows) throws {
        let month = context.month
        var slots: [Slot] = []
        for (channel, count) in channels {
            let rhythm = SyntheticYear.Rhythm(Contact.Channel(rawValue: channel.rawValue) ?? .online)
            for _ in 0..<count {
                let moment = context.clock.draw(rhythm, in: month, &random)
                var slot = Slot(channel: channel, moment: moment, receivedSecond: moment.second)
                if channel == .phone {
                    // The advisor sends the form as the call ends.
                    let call = call(at: moment, in: month, load: context.load, talkMinutes: 10, &random)
                    (slot.call, slot.receivedSecond) = (call, call.end)
                }
                slots.append(slot)
            }
        }
        var order = Array(slots.indices)
        for index in order.indices.reversed() { order.swapAt(index, random.int(below: index + 1)) }
        for (service, count) in specials {
            var left = count
            for index in order where left > 0 && slots[index].service < 0
                && setting.services[service].service.channels.contains(slots[index].channel) {
                slots[index].service = service
                left -= 1
            }
        }
        let ordinary = setting.services.indices.filter { setting.services[$0].profile.caseShare > 0 }
        func share(_ index: Int) -> Double { setting.services[index].profile.caseShare * setting.services[index].profile.season[month.calendarMonth - 1] }
        var choices: [ServiceChannel: WeightedChoice<Int>] = [:]
        for channel in ServiceChannel.allCases {
            let offered = WeightedChoice(ordinary.filter { setting.services[$0].service.channels.contains(channel) }.map { ($0, share($0)) })
            choices[channel] = offered.isEmpty ? WeightedChoice(ordinary.map { ($0, share($0)) }) : offered
        }
        for index in slots.indices where slots[index].service < 0 {
            slots[index].service = choices[slots[index].channel]!.draw(&random)
        }
        slots.sort { ($0.moment.day, $0.receivedSecond) < ($1.moment.day, $1.receivedSecond) }
        for slot in slots { try addCase(slot, context: &context, random: &random, rows: &rows) }
    }

    /// One case with everything that goes with it.
    mutating func addCase(_ slot: Slot, context: inout MonthContext, random: inout Generator, rows: inout SyntheticYear.Rows) throws {
        let day = context.month.days[slot.moment.day]
        let received = day.instant(slot.receivedSecond)
        let entry = setting.services[slot.service]
        let service = entry.service
        let advisor = slot.channel == .online ? nil : random.pick(setting.advisors)
        let guest = advisor == nil && !service.needsAccount && random.chance(0.08)
        let customer = guest ? nil : customerIndex(&random)
        let (caseID, submissionID) = (random.uuid(), random.uuid())
        let number = (referenceNumbers[day.date.year] ?? 0) + 1
        referenceNumbers[day.date.year] = number
        let reference = CaseReference(prefix: "SY", year: day.date.year, number: number)
        let guestEmail = guest ? "guest.\(reference.description.lowercased())@example.com" : nil

        let story: SyntheticYear.Story = switch entry.process {
        case .complaint, .childrensComplaint: complaintStory(entry, caseID: caseID, received: received, random: &random, rows: &rows)
        case .freedomOfInformation, .environmentalInformation:
            informationStory(entry, caseID: caseID, received: received, receivedOn: day.date, random: &random, rows: &rows)
        default: ordinaryStory(entry, received: received, month: context.month, random: &random)
        }
        if [.complaint, .childrensComplaint, .compliment, .comment].contains(entry.process) {
            let about = WeightedChoice(setting.services.map { ($0.service.id, $0.profile.caseShare) }).draw(&random)
            rows.subjects.append(SyntheticYear.SubjectRow(case_id: caseID, service_id: about))
        }
        let state: StandardState = switch story.timeline.status {
        case .resolved, .closed: story.outcome?.met == false ? .breached : .onTrack
        case .withdrawn, .duplicate: rules.assessment.state(of: story.resolveBy, now: story.timeline.last)
        default: rules.assessment.state(of: story.resolveBy, now: end)
        }
        let located = service.needsLocation
        let latitude = located ? ((52.16 + 0.10 * random.unit()) * 1e6).rounded() / 1e6 : nil
        let longitude = located ? ((-1.06 + 0.14 * random.unit()) * 1e6).rounded() / 1e6 : nil
        let priority: CasePriority = switch (service.code.value, random.unit()) {
        case ("housing-repair", ..<0.02): .urgent
        case ("housing-repair", ..<0.12), ("pothole", ..<0.06): .high
        default: .normal
        }
        rows.cases.append(try CaseRow(Case(
            id: caseID, councilID: councilID, reference: reference, serviceID: service.id, submissionID: submissionID,
            customerID: customerID(customer), guestEmail: guestEmail, channel: slot.channel, priority: priority, status: story.timeline.status,
            teamID: service.owningTeamID, officerID: story.officerID, latitude: latitude, longitude: longitude, ward: SyntheticYear.wardChoice.draw(&random),
            receivedAt: received, acknowledgeBy: story.acknowledgeBy, resolveBy: story.resolveBy, standardState: state, outcome: story.outcome,
            createdAt: received, updatedAt: story.timeline.last, acknowledgedAt: story.timeline.acknowledgedAt,
            resolvedAt: story.timeline.resolvedAt, closedAt: story.timeline.closedAt, version: story.timeline.version)))

        var submission = submissionTemplate
        (submission.id, submission.service_id, submission.customer_id) = (submissionID, service.id, customerID(customer))
        (submission.submitted_by_staff_id, submission.channel, submission.submitted_at) = (advisor?.id, slot.channel.rawValue, received)
        submission.guest_email = guestEmail
        rows.submissions.append(submission)

        let actorName = advisor.map { "\($0.displayName), by \(slot.channel.displayName.lowercased())" } ?? customer.map { people[$0].name } ?? "The customer"
        rows.events.append(CaseEventRow(CaseEvent(
            id: random.uuid(), caseID: caseID, occurredAt: received, actorID: advisor?.id ?? customerID(customer), actorName: actorName,
            visibility: .public, text: "Request received: \(service.name)", toStatus: .submitted, caseVersion: 1)))

        // The product's rule: a case opened from a form is also a value-demand contact on its channel.
        let minutes: Int? = switch slot.channel {
        case .phone: slot.call.map { max(1, Int((Double($0.talk) / 60).rounded())) }
        case .faceToFace: Int(random.skewed(mean: 15, spread: 0.4).rounded()) + 1
        case .email, .post: Int(random.skewed(mean: 8, spread: 0.5).rounded()) + 1
        case .online: nil
        }
        rows.contacts.append(ContactRepository.Row(Contact(
            id: random.uuid(), councilID: councilID, customerID: customerID(customer), channel: Contact.Channel(rawValue: slot.channel.rawValue) ?? .online,
            serviceID: service.id, outcome: .caseRaised, demand: .value, durationMinutes: minutes.map { min(Contact.longestMinutes, $0) },
            notes: "Request \(reference.description) sent: \(service.name)", staffID: advisor?.id,
            staffName: advisor?.displayName ?? "The customer", recordedAt: received)))
        if let call = slot.call, let advisor {
            addCalls(call, on: day, customer: customer, advisor: advisor, queue: Self.queue(service), random: &random, rows: &rows)
        }
        if let resolvedAt = story.timeline.resolvedAt, let customer, random.chance(0.055) {
            let ratedAt = resolvedAt.addingTimeInterval(Double(random.int(in: 3_600...5 * 86_400)))
            let met = story.outcome?.met ?? true
            let score = WeightedChoice(met ? [(5, 0.52), (4, 0.30), (3, 0.09), (2, 0.05), (1, 0.04)]
                                           : [(5, 0.20), (4, 0.25), (3, 0.20), (2, 0.17), (1, 0.18)]).draw(&random)
            let comment = random.chance(0.15) ? random.pick(score >= 4 ? SyntheticYear.Words.praise : SyntheticYear.Words.grumbles) : ""
            if ratedAt < end {
                rows.ratings.append(SyntheticYear.RatingRow(case_id: caseID, customer_id: customerID(customer), score: score, comment: comment, rated_at: ratedAt))
            }
        }
    }

    func outcome(_ timeline: SyntheticYear.Timeline, deadline: CaseDeadline) -> StandardOutcome? {
        timeline.resolvedAt.map {
            rules.assessment.outcome(deadline: deadline, rules: rules.deadlines, receivedAt: timeline.received, resolvedAt: $0, pauses: [])
        }
    }

    func closeSometimes(_ timeline: inout SyntheticYear.Timeline, _ random: inout Generator) {
        guard timeline.status == .resolved, random.chance(0.85) else { return }
        timeline.move(.closed, at: timeline.last.addingTimeInterval(Double(random.int(in: 28 * 86_400...35 * 86_400))))
    }

    /// An ordinary request: acknowledged within a day or two, resolved within its standard
    /// most of the time (less often in the service's busy season), then closed.
    func ordinaryStory(_ entry: SyntheticYear.Service, received: Date, month: SyntheticYear.Month, random: inout Generator) -> SyntheticYear.Story {
        let acknowledgeBy = rules.intake.acknowledgeBy(receivedAt: received)
        let resolveBy = rules.intake.resolveBy(entry.service.standard, receivedAt: received)
        var timeline = SyntheticYear.Timeline(received: received, end: end)
        if random.chance(0.012) {
            timeline.move(.withdrawn, at: received.addingTimeInterval(Double(random.int(in: 3_600...4 * 86_400))))
            return SyntheticYear.Story(timeline: timeline, acknowledgeBy: acknowledgeBy, resolveBy: resolveBy, outcome: nil)
        }
        let calendar = rules.deadlines.calendar
        let start = rules.deadlines.effectiveReceiptDay(received)
        let acknowledgeDays = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2][random.int(below: 10)]
        let acknowledged = officeInstant(calendar.adding(workingDays: acknowledgeDays, to: start), after: received, &random)
        let standardDays = switch entry.service.standard.target {
        case .workingDays(let days): days
        case .hours(let hours): max(1, hours / 8)
        }
        let season = entry.profile.season[month.calendarMonth - 1]
        let met = random.chance(min(0.98, max(0.5, entry.profile.usuallyMet - 0.12 * max(0, season - 1))))
        let days = met ? random.int(in: 0...standardDays) : standardDays + 1 + random.int(below: max(3, standardDays / 2))
        let resolved = officeInstant(calendar.adding(workingDays: max(days, acknowledgeDays), to: start), after: acknowledged, &random)
        timeline.move(.acknowledged, at: acknowledged)
        if random.chance(0.7) {
            timeline.move(.inProgress, at: acknowledged.addingTimeInterval(resolved.timeIntervalSince(acknowledged) * 0.3 * random.unit()))
        }
        timeline.move(.resolved, at: resolved)
        closeSometimes(&timeline, &random)
        return SyntheticYear.Story(timeline: timeline, acknowledgeBy: acknowledgeBy, resolveBy: resolveBy, outcome: outcome(timeline, deadline: resolveBy))
    }

    /// A complaint under the council's policy (the Ombudsmen's code unless it set its own):
    /// acknowledged, sometimes extended, answered mostly on time; some escalated to stage 2,
    /// which another officer answers.
    func complaintStory(_ entry: SyntheticYear.Service, caseID: UUID, received: Date, random: inout Generator,
                        rows: inout SyntheticYear.Rows) -> SyntheticYear.Story {
        let type = entry.process.complaintType ?? .corporate
        let policy = ComplaintPolicy.standard(for: type)
        let calendar = rules.deadlines.calendar
        var timeline = SyntheticYear.Timeline(received: received, end: end)
        var first = ComplaintStage(number: 1, requestedOn: rules.deadlines.effectiveReceiptDay(received))
        var timetable = ComplaintTimetable(stage: first, policy: policy, calendar: calendar)
        var (acknowledgeBy, resolveBy) = (timetable.acknowledgeBy, CaseDeadline.date(timetable.respondBy))
        var outcome: StandardOutcome?
        let officer = random.int(below: setting.complaintsOfficers.count)
        let (firstOfficer, secondOfficer) = (setting.complaintsOfficers[officer], setting.complaintsOfficers[(officer + 1) % setting.complaintsOfficers.count])

        let acknowledgeOn = calendar.adding(workingDays: random.chance(0.92) ? random.int(in: 1...3) : random.int(in: 4...7), to: first.requestedOn)
        if timeline.move(.acknowledged, at: officeInstant(acknowledgeOn, after: received, &random)) {
            (first.acknowledgedOn, first.officerID) = (LocalDate(timeline.last), firstOfficer.id)
            timetable = ComplaintTimetable(stage: first, policy: policy, calendar: calendar)
            resolveBy = .date(timetable.respondBy)
        }
        if let acknowledgedOn = first.acknowledgedOn, random.chance(0.06) {
            let told = calendar.adding(workingDays: random.int(in: 4...8), to: acknowledgedOn)
            if timeline.move(timeline.status, at: officeInstant(told, after: timeline.last, &random)) {
                first.extended = .init(workingDays: random.int(in: 5...10), reason: random.pick(SyntheticYear.Words.complaintExtensions),
                                       residentToldOn: LocalDate(timeline.last))
                timetable = ComplaintTimetable(stage: first, policy: policy, calendar: calendar)
                resolveBy = .date(timetable.respondBy)
            }
        }
        if let acknowledgedOn = first.acknowledgedOn {
            let respondedOn = answerDay(from: acknowledgedOn, due: timetable.respondBy, onTime: random.chance(0.85), calendar: calendar, &random)
            if timeline.move(.resolved, at: officeInstant(respondedOn, after: timeline.last, &random)) {
                first.response = Self.complaintResponse(on: LocalDate(timeline.last), &random)
                outcome = self.outcome(timeline, deadline: resolveBy)
            }
        }
        var stages = [(first, received)]
        if first.response != nil, random.chance(0.15) {
            let asked = timeline.last.addingTimeInterval(Double(random.int(in: 3 * 86_400...20 * 86_400)))
            var second = ComplaintStage(number: 2, requestedOn: rules.deadlines.effectiveReceiptDay(asked), reason: random.pick(SyntheticYear.Words.escalations))
            if timeline.move(.inProgress, at: asked) {
                timetable = ComplaintTimetable(stage: second, policy: policy, calendar: calendar)
                (acknowledgeBy, resolveBy, outcome) = (timetable.acknowledgeBy, .date(timetable.respondBy), nil)
                let acknowledgeOn = calendar.adding(workingDays: random.int(in: 1...4), to: second.requestedOn)
                if timeline.move(.inProgress, at: officeInstant(acknowledgeOn, after: asked, &random)) {
                    (second.acknowledgedOn, second.officerID) = (LocalDate(timeline.last), secondOfficer.id)
                    timetable = ComplaintTimetable(stage: second, policy: policy, calendar: calendar)
                    resolveBy = .date(timetable.respondBy)
                    let respondedOn = answerDay(from: second.acknowledgedOn!, due: timetable.respondBy, onTime: random.chance(0.8), calendar: calendar, &random)
                    if timeline.move(.resolved, at: officeInstant(respondedOn, after: timeline.last, &random)) {
                        second.response = Self.complaintResponse(on: LocalDate(timeline.last), &random)
                        outcome = self.outcome(timeline, deadline: resolveBy)
                    }
                }
                stages.append((second, asked))
            }
        }
        closeSometimes(&timeline, &random)
        rows.complaints.append(SyntheticYear.ComplaintRow(
            case_id: caseID, council_id: councilID, complaint_type: type.rawValue,
            policy: type == .corporate ? self.policy : String(decoding: (try? JSONEncoder().encode(policy)) ?? Data(), as: UTF8.self)))
        for (stage, asked) in stages {
            var row = ComplaintRepository.StageRow(stage, caseID: caseID, createdAt: asked)
            row.id = random.uuid()
            rows.stages.append(row)
        }
        return SyntheticYear.Story(timeline: timeline, acknowledgeBy: acknowledgeBy, resolveBy: resolveBy, outcome: outcome,
                                   officerID: stages.last(where: { $0.0.officerID != nil })?.0.officerID)
    }

    /// When an answer went: on time, some working days before it was due; late, some after.
    func answerDay(from start: LocalDate, due: LocalDate, onTime: Bool, calendar: WorkingDayCalendar, _ random: inout Generator) -> LocalDate {
        let available = max(1, calendar.workingDays(from: start.adding(days: 1), upTo: due.adding(days: 1)))
        return onTime ? calendar.adding(workingDays: random.int(in: max(1, available / 3)...available), to: start)
            : calendar.adding(workingDays: random.int(in: 1...10), to: due)
    }

    static func complaintResponse(on day: LocalDate, _ random: inout Generator) -> ComplaintStage.Response {
        let outcome = WeightedChoice([(ComplaintStage.Outcome.upheld, 0.35), (.partlyUpheld, 0.25), (.notUpheld, 0.40)]).draw(&random)
        var remedies: Set<ComplaintStage.Remedy> = outcome == .notUpheld ? [] : [.apology]
        if outcome != .notUpheld, random.chance(0.7) { remedies.insert(.action) }
        let financial = outcome == .upheld && random.chance(0.1) ? random.int(in: 5...25) * 1_000 : nil
        if financial != nil { remedies.insert(.financial) }
        let (cause, text) = random.pick(SyntheticYear.Words.complaintFindings)
        return ComplaintStage.Response(respondedOn: day, outcome: outcome, remedies: remedies, financialRemedyPence: financial,
                                       rootCause: outcome == .notUpheld ? "" : cause, text: text)
    }

    /// An FOI or EIR request: answered within the twenty working days nearly nine times in ten;
    /// a few extended; some published on the disclosure log.
    func informationStory(_ entry: SyntheticYear.Service, caseID: UUID, received: Date, receivedOn: LocalDate, random: inout Generator,
                          rows: inout SyntheticYear.Rows) -> SyntheticYear.Story {
        let kind = entry.process.informationRequestKind ?? .freedomOfInformation
        let calendar = rules.statutoryCalendars.informationRequests
        let statutory = StatutoryRequestClock(kind: kind, receivedOn: receivedOn).statutoryDue(calendar: calendar)
        var resolveBy = CaseDeadline.date(statutory)
        var timeline = SyntheticYear.Timeline(received: received, end: end)
        var row = SyntheticYear.InformationRequestRow(case_id: caseID, council_id: councilID, kind: kind.rawValue, received_on: receivedOn.description)
        let officer = random.pick(setting.informationOfficers)
        let start = rules.deadlines.effectiveReceiptDay(received)
        timeline.move(.acknowledged, at: officeInstant(rules.deadlines.calendar.adding(workingDays: random.int(in: 0...1), to: start), after: received, &random))
        if random.chance(0.7) { timeline.move(.inProgress, at: timeline.last.addingTimeInterval(Double(random.int(in: 3_600...3 * 86_400)))) }
        let answeredOn: LocalDate
        if random.chance(0.04) {
            let told = calendar.adding(workingDays: random.int(in: 12...18), to: receivedOn)
            let until = calendar.adding(workingDays: random.int(in: 10...20), to: statutory)
            if timeline.move(timeline.status, at: officeInstant(told, after: timeline.last, &random)) {
                row.extended_until = until.description
                row.extension_reason = kind == .environmentalInformation ? "The request is complex and voluminous" : "We are considering the public interest"
                row.extension_told_on = LocalDate(timeline.last).description
                resolveBy = .date(until)
            }
            answeredOn = answerDay(from: statutory, due: until, onTime: random.chance(0.85), calendar: calendar, &random)
        } else {
            answeredOn = answerDay(from: receivedOn, due: statutory, onTime: random.chance(0.91), calendar: calendar, &random)
        }
        var outcome: StandardOutcome?
        if timeline.move(.resolved, at: officeInstant(answeredOn, after: timeline.last, &random)) {
            let (question, answer) = random.pick(SyntheticYear.Words.informationAnswers)
            (row.answered_on, row.response_text) = (LocalDate(timeline.last).description, answer)
            outcome = self.outcome(timeline, deadline: resolveBy)
            let published = timeline.last.addingTimeInterval(Double(random.int(in: 86_400...7 * 86_400)))
            if random.chance(0.3), published < end {
                (row.disclosure_published_at, row.disclosure_request, row.disclosure_response) = (published, question, answer)
            }
        }
        closeSometimes(&timeline, &random)
        rows.requests.append(row)
        return SyntheticYear.Story(timeline: timeline, acknowledgeBy: rules.intake.acknowledgeBy(receivedAt: received), resolveBy: resolveBy,
                                   outcome: outcome, officerID: timeline.acknowledgedAt == nil ? nil : officer.id)
    }
}
