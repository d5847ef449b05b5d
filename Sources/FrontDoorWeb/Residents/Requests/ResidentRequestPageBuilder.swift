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
            chrome: ChromeFactory.chrome(pageTitle: L("requests_heading", context.language), context: context),
            requests: try await table(own, caption: L("requests_made", context.language), context),
            followed: try await table(followed, caption: L("requests_followed", context.language), context),
            servicesHref: context.basePath + ResidentPaths.services))
    }

    /// The latest few of the resident's own requests, for the account's front page.
    func recent(_ context: SignedInResidentContext, count: Int = 3) async throws -> Table? {
        try await table(Array(try await cases.all(customerID: context.customer.id).prefix(count)), caption: L("requests_latest", context.language), context,
                        captionClasses: "fd-visually-hidden")
    }

    func table(_ items: [Case], caption: String, _ context: SignedInResidentContext, captionClasses: String = "fd-table__caption--m") async throws -> Table? {
        guard let council = context.council, !items.isEmpty else { return nil }
        let language = context.language
        let names = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
        return Table(
            caption: caption, captionClasses: captionClasses, head: ["reference", "what", "status", "received", "due"].map { L("requests_col_" + $0, language) },
            rows: items.map { item in
                [item.reference.description, names[item.serviceID] ?? L("requests_request", language), item.status.name(language),
                 CaseDates.date(LocalDate(item.receivedAt), language), Self.dueOrFinished(item, language)]
            },
            firstCellLinks: items.map { href($0, context) })
    }

    static func dueOrFinished(_ item: Case, _ language: SiteLanguage) -> String {
        if let finished = item.resolvedAt ?? item.closedAt, !item.status.isOpen {
            return L("requests_finished_on", language, ["date": CaseDates.date(LocalDate(finished), language)])
        }
        return L("requests_due_on", language, ["date": CaseDates.due(item.resolveBy, language)])
    }

    func page(_ item: Case, own: Bool, _ context: SignedInResidentContext, justSent: Bool = false, banner: NotificationBanner? = nil,
              problem: FieldError? = nil, typed: FormInput? = nil, status: HTTPResponse.Status? = nil) async throws -> Response {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let language = context.language
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
            .init(key: L("request_reference", language), value: item.reference.description),
            .init(key: L("request_received", language), value: UKDateFormat.dateAndTime(item.receivedAt, language)),
        ]
        if item.status.isOpen { details.append(.init(key: L("request_aim_finish", language), value: CaseDates.due(item.resolveBy, language))) }
        if let finished = item.resolvedAt ?? item.closedAt, !item.status.isOpen {
            details.append(.init(key: L("request_finished", language), value: UKDateFormat.dateAndTime(finished, language)))
        }
        if let address = item.address { details.append(.init(key: L("request_address", language), value: address.lines.joined(separator: ", "))) }

        let events = try await cases.events(caseID: item.id, includingInternal: false)
        let timeline = events.reversed().map { event in
            ResidentRequestPage.TimelineEntry(
                when: UKDateFormat.dateAndTime(event.occurredAt, language),
                who: own && event.actorID == item.customerID ? L("request_you", language) : council.name,
                statusChange: event.toStatus.map { to in
                    event.fromStatus.map { L("status_change", language, ["from": $0.name(language), "to": to.name(language)]) } ?? to.name(language)
                },
                // Someone following another resident's report sees where it stands, not what was said to them.
                text: own ? event.text : nil)
        }

        var answers: SummaryList?
        if own, let submissionID = item.submissionID, let sent = try await submissions.find(id: submissionID, councilID: item.councilID),
           let definition = try await forms.version(sent.formVersion, of: sent.serviceID) {
            answers = AnswerText.summary(form: definition, answers: sent.answers, language: language)
        }

        let possible = own ? rules.lifecycle.residentActions(from: item.status) : []
        let reply = possible.contains(.customerReplied) ? form(
            "reply", L("request_reply_heading", language), L("request_reply_explanation", language), path: "reply",
            textarea: Textarea(id: "reply", label: Label(L("request_reply_label", language)), error: error("reply"), value: typed?["reply"], rows: 5),
            button: Button(L("request_reply_button", language))) : nil
        var reopen: ResidentRequestPage.Action?
        let complaint = own ? try await complaints.find(caseID: item.id) : nil
        if let complaint, let stage = complaint.stages.last, ![.withdrawn, .duplicate, .closed].contains(item.status),
           ComplaintRules.escalationProblem(complaint.stages, policy: complaint.policy, calendar: rules.deadlines.calendar, today: LocalDate(Date())) == nil {
            reopen = form("escalate", L("request_escalate_heading", language), L("request_escalate_explanation", language, ["number": String(stage.number + 1)]),
                          path: "escalate",
                          textarea: Textarea(id: "escalation-reason", label: Label(L("request_escalate_label", language)), error: error("escalation-reason"),
                                             value: typed?["escalation-reason"], rows: 5),
                          button: Button(L("request_escalate_button", language), variant: .secondary))
        } else if complaint == nil, possible.contains(.reopen), try await informationRequests.find(caseID: item.id) == nil, case .success = rules.lifecycle.apply(.reopen, to: item.status, resolvedAt: item.resolvedAt, now: Date()) {
            let until = item.resolvedAt.map { LocalDate($0.addingTimeInterval(Double(rules.lifecycle.reopenWindowDays) * 86_400)) }
            reopen = form("reopen", L("request_reopen_heading", language),
                          until.map { L("request_reopen_until", language, ["date": CaseDates.date($0, language)]) }, path: "reopen",
                          textarea: Textarea(id: "reopen-reason", label: Label(L("request_reopen_label", language)), error: error("reopen-reason"),
                                             value: typed?["reopen-reason"], rows: 4),
                          button: Button(L("request_reopen_button", language), variant: .secondary))
        }
        let withdraw = possible.contains(.withdraw) ? form(
            "withdraw", L("request_withdraw_heading", language), L("request_withdraw_explanation", language), path: "withdraw",
            textarea: Textarea(id: "withdraw-reason", label: Label(L("request_withdraw_label", language)), error: error("withdraw-reason"),
                               value: typed?["withdraw-reason"], rows: 3),
            button: Button(L("request_withdraw_button", language), variant: .warning)) : nil

        let rating = own ? try await cases.rating(caseID: item.id) : nil
        let rate = own && rating == nil && CaseRating.mayRate(item.status) ? form(
            "rate", L("request_rate_heading", language), nil, path: "rate",
            textarea: Textarea(id: "rating-comment", label: Label(L("request_rate_comment", language)), error: error("rating-comment"),
                               value: typed?["rating-comment"], rows: 3),
            radios: Radios(ChoiceGroup(idPrefix: "score", fieldset: Fieldset(legend: L("request_rate_question", language)),
                                       error: error("score"),
                                       options: CaseRating.scores.reversed().map { (value: String($0), text: L("rating_\($0)", language), hint: String?.none) },
                                       selected: typed.map { [$0["score"]] } ?? [])),
            button: Button(L("request_rate_button", language), variant: .secondary)) : nil
        let unfollow = own ? nil : form("unfollow", L("request_unfollow_heading", language), L("request_unfollow_explanation", language),
                                        path: "unfollow", textarea: nil, button: Button(L("request_unfollow_button", language), variant: .secondary))

        var whatHappensNext: String?
        switch item.status {
        case .submitted, .acknowledged, .inProgress:
            whatHappensNext = L("request_next_open", language, ["standard": service.map { $0.standard.statement + ". " } ?? "",
                                                                "due": CaseDates.due(item.resolveBy, language)])
        case .awaitingCustomer:
            whatHappensNext = L(own ? "request_next_waiting_own" : "request_next_waiting", language)
        case .resolved:
            whatHappensNext = L("request_next_resolved", language)
        case .closed, .withdrawn, .duplicate:
            whatHappensNext = nil
        }

        var summary: ErrorSummary?
        if let problem { summary = ErrorSummary(errors: [problem]) }
        let title = (service?.name ?? L("requests_request", language)) + " " + item.reference.description
        let page = ResidentRequestPage(
            chrome: ChromeFactory.chrome(pageTitle: title, context: context, hasErrors: problem != nil),
            backLink: BackLink(href: context.basePath + ResidentPaths.requests, text: L("requests_heading", language)), errorSummary: summary,
            panel: justSent && own ? Panel(titleText: L("sent_title", language), text: L("sent_reference_is", language),
                                           reference: item.reference.description) : nil,
            banner: banner, caption: L(own ? "request_caption_own" : "request_caption_followed", language),
            heading: service?.name ?? L("requests_request", language),
            status: Tag(item.status.name(language), colour: Self.colour(item.status)), details: SummaryList(rows: details),
            whatHappensNext: whatHappensNext, timeline: Array(timeline), answers: answers, isFollowed: !own,
            reply: reply, reopen: reopen, rate: rate, withdraw: withdraw, unfollow: unfollow,
            rating: rating.map { L("request_rated", language, ["label": L("rating_\($0.score)", language), "score": String($0.score)]) })
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

extension CaseStatus {
    /// The status as its resident reads it, in the page's language (`displayName` is the English).
    func name(_ language: SiteLanguage) -> String {
        L("status_" + rawValue.replacingOccurrences(of: "-", with: "_"), language)
    }
}
