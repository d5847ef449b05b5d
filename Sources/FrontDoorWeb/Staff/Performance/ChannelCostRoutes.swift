import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Administrators set what a contact costs the council on each channel (blank: the published
/// benchmark). Every change is audited.
struct ChannelCostRoutes {
    let renderer: PageRenderer
    let costs: ChannelCostRepository
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        costs = ChannelCostRepository(database: database)
        audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.channelCosts), context: StaffRequestContext.self)

        staff.get { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let saved = request.uri.queryParameters["saved"].map { NotificationBanner(heading: String($0), isSuccess: true) }
            return try await routes.page(context, banner: saved)
        }

        staff.post { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let form = try await FormInput.read(from: request)
            let typed = Dictionary(uniqueKeysWithValues: Contact.Channel.allCases.map { ($0, form[ChannelCostEntry.field($0)]) })
            switch ChannelCostEntry.check(typed) {
            case .failure(let problems):
                var validation = FormValidation()
                for problem in problems.all { validation.add(problem.field, problem.message) }
                return try await routes.page(context, typed: form, validation: validation)
            case .success(let pence):
                try await routes.costs.save(pence, councilID: context.staff.councilID, at: Date())
                try await routes.record(context, "cost per contact: " + Self.describe(pence))
                return .redirect(to: context.basePath + StaffPaths.channelCosts + "?saved=The%20costs%20have%20been%20saved")
            }
        }

        staff.post("reset") { _, context -> Response in
            try context.require(.manageCouncilSettings)
            try await routes.costs.save([:], councilID: context.staff.councilID, at: Date())
            try await routes.record(context, "cost per contact: back to the published benchmark")
            return .redirect(to: context.basePath + StaffPaths.channelCosts + "?saved=The%20published%20benchmark%20costs%20are%20in%20use")
        }
    }

    static func describe(_ pence: [Contact.Channel: Int]) -> String {
        pence.isEmpty ? "the published benchmark for every channel"
            : pence.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.displayName.lowercased()) \(Money.pounds($0.value))" }
                .joined(separator: ", ") + "; the published benchmark for the rest"
    }

    func record(_ context: StaffRequestContext, _ subject: String) async throws {
        try await audit.record(AuditEvent(councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                                          kind: .councilSettingChanged, subject: subject, address: context.remoteAddress))
    }

    func page(_ context: StaffRequestContext, typed: FormInput? = nil, validation: FormValidation = FormValidation(),
              banner: NotificationBanner? = nil) async throws -> Response {
        let own = try await costs.own(councilID: context.staff.councilID)
        let inputs = Contact.Channel.allCases.map { channel -> TextInput in
            let field = ChannelCostEntry.field(channel)
            let benchmark = ChannelCosts.defaults.isSet(channel) ? "Blank: " + Money.pounds(ChannelCosts.defaults.pence(for: channel)) + ", the published benchmark"
                : "Blank: what a phone call costs"
            return TextInput(id: field, label: Label("\(channel.displayName), in pounds"), hint: benchmark, error: validation.message(for: field),
                             value: typed.map { $0[field] } ?? own[channel].map(Money.plain), inputmode: "decimal", spellcheck: false,
                             widthClass: "fd-input--width-5")
        }
        let page = ChannelCostsPage(
            chrome: ChromeFactory.chrome(pageTitle: "Cost per contact", context: context, hasErrors: !validation.isValid),
            backLink: BackLink(href: context.basePath + StaffPaths.performance, text: "Performance"),
            banner: banner, errorSummary: validation.summary,
            action: context.basePath + StaffPaths.channelCosts, resetAction: context.basePath + StaffPaths.channelCosts + "/reset",
            csrfToken: context.csrfToken, costs: inputs, save: Button("Save the costs"),
            reset: Button("Use the published benchmark for every channel", variant: .secondary))
        return try renderer.response(page, status: validation.isValid ? .ok : .unprocessableContent)
    }
}
