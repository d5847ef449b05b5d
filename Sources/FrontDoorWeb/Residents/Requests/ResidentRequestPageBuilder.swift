import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The views of My Account's requests.
extension ResidentRequestRoutes {
    func list(_ context: SignedInResidentContext) async throws -> Response {
        let own = try await cases.all(customerID: context.customer.id)
        let followed = try await cases.followed(customerID: context.customer.id)
        return try renderer.response(ResidentRequestsPage(
            chrome: ChromeFactory.chrome(pageTitle: "Your requests", context: context),
            requests: try await table(own, caption: "Requests you made", context),
            followed: try await table(followed, caption: "Reports you follow", context),
            servicesHref: context.basePath + ResidentPaths.services))
    }

    /// The latest few of the resident's own requests, for the account's front page.
    func recent(_ context: SignedInResidentContext, count: Int = 3) async throws -> Table? {
        try await table(Array(try await cases.all(customerID: context.customer.id).prefix(count)), caption: "Your latest requests", context,
                        captionClasses: "fd-visually-hidden")
    }

    func table(_ items: [Case], caption: String, _ context: SignedInResidentContext, captionClasses: String = "fd-table__caption--m") async throws -> Table? {
        guard let council = context.council, !items.isEmpty else { return nil }
        let names = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
        return Table(
            caption: caption, captionClasses: captionClasses, head: ["Reference", "What", "Status", "Received", "Due or finished"],
            rows: items.map { item in
                [item.reference.description, names[item.serviceID] ?? "Request", item.status.displayName,
                 CaseDates.date(LocalDate(item.receivedAt)), Self.dueOrFinished(item)]
            },
            firstCellLinks: items.map { href($0, context) })
    }

    static func dueOrFinished(_ item: Case) -> String {
        if let finished = item.resolvedAt ?? item.closedAt, !item.status.isOpen { return "Finished " + CaseDates.date(LocalDate(finished)) }
        return "Due " + CaseDates.due(item.resolveBy)
    }

    func page(_ item: Case, own: Bool, _ context: SignedInResidentContext, justSent: Bool = false, banner: NotificationBanner? = nil,
              problem: FieldError? = nil, typed: FormInput? = nil, status: HTTPResponse.Status? = nil) async throws -> Response {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let service = try await services.find(id: item.serviceID, councilID: item.councilID)
        let rules = try await calendars.rules(for: council)
        let action = href(item, context)
        func error(_ field: String) -> String? { problem?.fieldID == field ? problem?.message : nil }
        func form(_ id: String, _ heading: String, _ explanation: String?, path: String, textarea: Textarea?, radios: Radios? = nil,
                  button: Button) -> ResidentRequestPage.Action {
            .init(id: id, heading: heading, explanation: explanation, action: action + "/" + path, csrfToken: context.csrfToken,
                  version: String(item.version), textarea: textarea, radios: radios, button: button)
        }

        var details: [SummaryList.Row] = [
            .init(key: "Reference", value: item.reference.description),
            .init(key: "Received", value: UKDateFormat.dateAndTime(item.receivedAt)),
        ]
        if item.status.isOpen { details.append(.init(key: "We aim to finish by", value: CaseDates.due(item.resolveBy))) }
        if let finished = item.resolvedAt ?? item.closedAt, !item.status.isOpen {
            details.append(.init(key: "Finished", value: UKDateFormat.dateAndTime(finished)))
        }
        if let address = item.address { details.append(.init(key: "Address", value: address.lines.joined(separator: ", "))) }

        let events = try await cases.events(caseID: item.id, includingInternal: false)
        let timeline = events.reversed().map { event in
            ResidentRequestPage.TimelineEntry(
                when: UKDateFormat.dateAndTime(event.occurredAt),
                who: own && event.actorID == item.customerID ? "You" : council.name,
                statusChange: event.toStatus.map { to in (event.fromStatus.map { $0.displayName + " to " } ?? "") + to.displayName },
                // Someone following another resident's report sees where it stands, not what was said to them.
                text: own ? event.text : nil)
        }

        var answers: SummaryList?
        if own, let submissionID = item.submissionID, let sent = try await submissions.find(id: submissionID, councilID: item.councilID),
           let definition = try await forms.version(sent.formVersion, of: sent.serviceID) {
            answers = AnswerText.summary(form: definition, answers: sent.answers)
        }

        let possible = own ? rules.lifecycle.residentActions(from: item.status) : []
        let reply = possible.contains(.customerReplied) ? form(
            "reply", "Reply to us", "We need more information from you before we can carry on.", path: "reply",
            textarea: Textarea(id: "reply", label: Label("Your reply"), error: error("reply"), value: typed?["reply"], rows: 5),
            button: Button("Send your reply")) : nil
        var reopen: ResidentRequestPage.Action?
        if possible.contains(.reopen), case .success = rules.lifecycle.apply(.reopen, to: item.status, resolvedAt: item.resolvedAt, now: Date()) {
            let until = item.resolvedAt.map { LocalDate($0.addingTimeInterval(Double(rules.lifecycle.reopenWindowDays) * 86_400)) }
            reopen = form("reopen", "Not put right?", until.map { "You can reopen this request until \(CaseDates.date($0))." }, path: "reopen",
                          textarea: Textarea(id: "reopen-reason", label: Label("What is still wrong?"), error: error("reopen-reason"),
                                             value: typed?["reopen-reason"], rows: 4),
                          button: Button("Reopen the request", variant: .secondary))
        }
        let withdraw = possible.contains(.withdraw) ? form(
            "withdraw", "Withdraw this request", "If you no longer need it, withdraw it and we will stop work on it.", path: "withdraw",
            textarea: Textarea(id: "withdraw-reason", label: Label("Why are you withdrawing it? (optional)"), error: error("withdraw-reason"),
                               value: typed?["withdraw-reason"], rows: 3),
            button: Button("Withdraw the request", variant: .warning)) : nil

        let rating = own ? try await cases.rating(caseID: item.id) : nil
        let rate = own && rating == nil && CaseRating.mayRate(item.status) ? form(
            "rate", "How did we do?", nil, path: "rate",
            textarea: Textarea(id: "rating-comment", label: Label("Tell us more (optional)"), error: error("rating-comment"),
                               value: typed?["rating-comment"], rows: 3),
            radios: Radios(ChoiceGroup(idPrefix: "score", fieldset: Fieldset(legend: "Overall, how satisfied are you with how we dealt with your request?"),
                                       error: error("score"),
                                       options: CaseRating.scores.reversed().map { (value: String($0), text: CaseRating.label($0), hint: String?.none) },
                                       selected: typed.map { [$0["score"]] } ?? [])),
            button: Button("Send your rating", variant: .secondary)) : nil
        let unfollow = own ? nil : form("unfollow", "Stop following", "It will no longer show in your account.", path: "unfollow",
                                        textarea: nil, button: Button("Stop following this report", variant: .secondary))

        var whatHappensNext: String?
        switch item.status {
        case .submitted, .acknowledged, .inProgress:
            whatHappensNext = (service.map { $0.standard.statement + ". " } ?? "") + "We aim to deal with it by \(CaseDates.due(item.resolveBy))."
        case .awaitingCustomer:
            whatHappensNext = own ? "We are waiting for your reply. The time we take is paused until you reply." : "We are waiting for more information."
        case .resolved:
            whatHappensNext = "We have dealt with this request."
        case .closed, .withdrawn, .duplicate:
            whatHappensNext = nil
        }

        var summary: ErrorSummary?
        if let problem { summary = ErrorSummary(errors: [problem]) }
        let title = (service?.name ?? "Request") + " " + item.reference.description
        let page = ResidentRequestPage(
            chrome: ChromeFactory.chrome(pageTitle: title, context: context, hasErrors: problem != nil),
            backLink: BackLink(href: context.basePath + ResidentPaths.requests, text: "Your requests"), errorSummary: summary,
            panel: justSent && own ? Panel(titleText: "Request sent", text: "Your reference is", reference: item.reference.description) : nil,
            banner: banner, caption: own ? "Your request" : "A report you follow", heading: service?.name ?? "Request",
            status: Tag(item.status.displayName, colour: Self.colour(item.status)), details: SummaryList(rows: details),
            whatHappensNext: whatHappensNext, timeline: Array(timeline), answers: answers, isFollowed: !own,
            reply: reply, reopen: reopen, rate: rate, withdraw: withdraw, unfollow: unfollow,
            rating: rating.map { "You rated this: \(CaseRating.label($0.score)) (\($0.score) out of 5)." })
        return try renderer.response(page, status: status ?? (problem == nil ? .ok : .unprocessableContent))
    }

    static func colour(_ status: CaseStatus) -> Tag.Colour {
        switch status {
        case .submitted, .acknowledged: .blue
        case .inProgress: .turquoise
        case .awaitingCustomer: .orange
        case .resolved: .green
        case .closed, .withdrawn, .duplicate: .grey
        }
    }
}
