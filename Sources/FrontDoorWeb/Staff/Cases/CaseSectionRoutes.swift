import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// What the routes of a case page's own sections (a complaint's, an information request's)
/// share: who acts, what the resident is told, and the page again after a change or a refusal.
protocol CaseSectionRoutes {
    var cases: CaseRoutes { get }
    var links: PublicLinks { get }
}

extension CaseSectionRoutes {
    func council(_ context: StaffRequestContext) throws -> Council {
        guard let council = context.council else { throw HTTPError(.notFound) }
        return council
    }

    func actor(_ context: StaffRequestContext) -> CaseRepository.Actor {
        .init(id: context.staff.id, name: context.staff.displayName)
    }

    func notice(_ item: Case, _ request: Request, _ context: StaffRequestContext) -> CaseProgress.Notice {
        .init(link: links.url(ResidentPaths.requests + "/" + item.reference.description, request: request, context: context))
    }

    func saved(_ item: Case, _ context: StaffRequestContext) async throws -> Response {
        .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
    }

    func refuse(_ item: Case, _ context: StaffRequestContext, _ problems: [FieldError], _ form: FormInput?) async throws -> Response {
        try await cases.page(item, context, problems: problems, typed: form, status: .unprocessableContent)
    }

    /// The page after a section's change: saved, refused (each domain field shown in its box on
    /// this page, `onPage`), or changed since the officer looked (shown beside `field`).
    func outcome(_ item: Case, _ context: StaffRequestContext, _ form: FormInput, _ result: CaseSectionResult, field: String,
                 onPage: (String) -> String) async throws -> Response {
        switch result {
        case .saved: return try await saved(item, context)
        case .refused(let problems):
            return try await refuse(item, context, problems.map { FieldError(fieldID: onPage($0.field), message: $0.message) }, form)
        case .changedSince(let current, let events):
            let what = events.map { "\($0.actorName): \($0.text)" }.joined(separator: "; ")
            return try await cases.page(current, context, problems: [FieldError(
                fieldID: field, message: "This case changed while you were looking at it, so your change was not saved. "
                    + (what.isEmpty ? "" : "What changed: \(what). ") + "Check the case below and try again")], typed: form, status: .conflict)
        }
    }
}
