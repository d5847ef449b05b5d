import Foundation
import FrontDoorDomain

/// A few cases for the demo council, made the way real ones are (a form sent, then worked), so
/// the work queue, case pages and service standards have something to show on a first run.
/// Not part of `DemoSeeder.seed()`, which tests build on: only for a demo started from empty.
public struct DemoCases: Sendable {
    let database: Database
    let shipped: BankHolidays

    public init(database: Database, shipped: BankHolidays) {
        self.database = database
        self.shipped = shipped
    }

    struct Spec {
        var service: String
        var customer: Int
        /// nil: the resident online; otherwise the member of staff and the channel.
        var advisor: (StaffAccount, ServiceChannel)?
        var daysAgo: Int
        var answers: [String: [String]]
        var then: [CaseStatus]
        /// For a complaint: the service it is about, and whether stage 1 has been answered.
        var complaint: (about: String, answered: Bool)? = nil
        /// For an FOI request: answered, with what was withheld, and published on the disclosure log.
        var answeredAndPublished = false
    }

    static var specs: [Spec] {
        let sam = DemoCouncil.staff[1]
        return [
            Spec(service: "missed-bin", customer: 0, advisor: nil, daysAgo: 1, answers: [
                "bin": ["recycling"], "collection-day-day": ["20"], "collection-day-month": ["11"], "collection-day-year": ["2026"],
                "out-by-7": ["yes"], "address-line1": ["14 Willow Crescent"], "address-town": ["Kingsmere"], "address-postcode": ["KM2 4QT"],
                "address-uprn": ["100023336956"]], then: [.acknowledged]),
            Spec(service: "street-light", customer: 1, advisor: (sam, .phone), daysAgo: 3, answers: [
                "location-latitude": ["52.212050"], "location-longitude": ["-0.991400"], "location-description": ["Outside 15 Willow Crescent"],
                "fault": ["flickering"]], then: []),
            Spec(service: "fly-tipping", customer: 2, advisor: (sam, .faceToFace), daysAgo: 8, answers: [
                "location-description": ["Lay-by on Orchard Road, opposite the scout hut"], "seen-on-day": ["10"], "seen-on-month": ["11"],
                "seen-on-year": ["2026"], "waste": ["bags", "furniture"], "bags": ["6"], "seen-dumping": ["no"]], then: [.inProgress]),
            Spec(service: "general-enquiry", customer: 0, advisor: nil, daysAgo: 12, answers: [
                "question": ["Is the recycling centre open on bank holidays?"], "reply-by": ["email"]], then: [.inProgress, .resolved]),
            Spec(service: "council-tax-move", customer: 1, advisor: (sam, .email), daysAgo: 2, answers: [
                "moving-date-day": ["1"], "moving-date-month": ["12"], "moving-date-year": ["2026"], "old-postcode": ["KM1 1AB"],
                "new-address-line1": ["14 Willow Crescent"], "new-address-town": ["Kingsmere"], "new-address-postcode": ["KM2 4QT"],
                "adults": ["2"], "bill-email": ["tomasz.nowak@residents.example"]], then: []),
            // A complaint and an information request, each with its statutory clock (stage 1; the twentieth working day).
            Spec(service: "complaint", customer: 0, advisor: nil, daysAgo: 2, answers: [
                "about": ["Our recycling bin has been missed three times since October, and nobody answered my emails about it."],
                "put-right": ["Collect it on the right day, and reply when I write."]], then: [], complaint: ("missed-bin", false)),
            // An older complaint, answered and learned from: the demo's "You said, we did".
            Spec(service: "complaint", customer: 2, advisor: nil, daysAgo: 40, answers: [
                "about": ["The fly-tipping I reported was marked as cleared, but the bags were still there a week later."],
                "put-right": ["Check it has gone before saying so."]], then: [], complaint: ("fly-tipping", true)),
            Spec(service: "foi-request", customer: 1, advisor: nil, daysAgo: 5, answers: [
                "information": ["How many missed bin reports did the council receive each month in 2025, by ward?"],
                "format": ["email"]], then: []),
            // An older one, answered and on the disclosure log.
            Spec(service: "foi-request", customer: 2, advisor: nil, daysAgo: 35, answers: [
                "information": ["How much did the council spend repairing potholes in 2025, and who did the work?"],
                "format": ["email"]], then: [], answeredAndPublished: true),
        ]
    }

    /// Adds the demo cases when the demo council has none; returns how many were made.
    public func seed(now: Date = Date()) async throws -> Int {
        let council = DemoCouncil.council
        guard let stored = try await CouncilRepository(database: database).find(slug: council.slug) else { return 0 }
        let cases = CaseRepository(database: database)
        for customer in DemoCouncil.customers where !(try await cases.all(customerID: customer.id)).isEmpty { return 0 }
        let rules = try await CouncilCalendarRepository(database: database, shipped: shipped).rules(for: stored)
        let services = ServiceRepository(database: database), forms = ServiceFormRepository(database: database)
        let drafts = FormDraftRepository(database: database)
        var made = 0
        for spec in Self.specs {
            guard let service = try await services.find(code: ServiceCode(spec.service)!, councilID: council.id),
                  let form = try await forms.latest(of: service.id) else { continue }
            let customer = DemoCouncil.customers[spec.customer]
            let received = now.addingTimeInterval(-Double(spec.daysAgo) * 86_400)
            let filler: FormDraft.Filler = spec.advisor.map { .staff(staffID: $0.0.id, forCustomerID: customer.id) } ?? .resident(customerID: customer.id)
            let draft = try await drafts.start(councilID: council.id, serviceID: service.id, formVersion: form.version, filler: filler,
                                               channel: spec.advisor?.1 ?? .online, at: received)
            let answers = FormSubmission(spec.answers)
            try await drafts.saveAnswers(answers, draftID: draft.id, at: received)
            guard let saved = try await drafts.find(id: draft.id) else { continue }
            let checked = form.check(saved.answers)
            guard checked.isValid else { continue }
            let advisorName = spec.advisor?.0.displayName
            guard var item = try await drafts.submit(saved, answers: checked, asked: FormJourney(form: form, submission: saved.answers).questions,
                                                     at: received, then: { submitted, db in
                try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules.intake, customerName: customer.name,
                                              submittedByName: advisorName, on: db)
            })?.1 else { continue }
            var at = received
            for status in spec.then {
                at = at.addingTimeInterval(3 * 3600)
                let outcome = status == .resolved ? rules.assessment.outcome(deadline: item.resolveBy, rules: rules.deadlines, receivedAt: item.receivedAt,
                                                                            resolvedAt: at, pauses: []) : nil
                if case .saved(let changed) = try await cases.transition(item, to: status, seenVersion: item.version,
                                                                         by: .init(id: DemoCouncil.staff[2].id, name: DemoCouncil.staff[2].displayName),
                                                                         message: Self.message(status), outcome: outcome, at: at) {
                    item = changed
                }
            }
            if let complaint = spec.complaint {
                try await DemoComplaints(database: database, shipped: shipped)
                    .follow(item, council: stored, about: complaint.about, answered: complaint.answered, received: received)
            }
            if spec.answeredAndPublished {
                try await DemoInformationRequests(database: database, shipped: shipped).answerAndPublish(item, council: stored, received: received)
            }
            made += 1
        }
        return made
    }

    static func message(_ status: CaseStatus) -> String {
        switch status {
        case .acknowledged: "We have your report and will collect the bin."
        case .inProgress: "We are looking into it."
        case .resolved: "Yes: 8am to 4pm on bank holidays, except Christmas Day, Boxing Day and New Year's Day."
        default: "Updated."
        }
    }
}
