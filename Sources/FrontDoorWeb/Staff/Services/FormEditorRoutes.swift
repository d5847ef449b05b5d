import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Editing a service's form in the product: add, change, move and remove questions. Each change
/// is checked as a whole form (a sound definition or a message naming the problem) and saved
/// as the form's next version; requests already made keep theirs.
struct FormEditorRoutes {
    let renderer: PageRenderer
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let staff = router.group(RouterPath(StaffPaths.services + "/:code/form"), context: StaffRequestContext.self)
        let renderer = self.renderer, services = self.services, forms = self.forms, audit = self.audit

        @Sendable func load(_ context: StaffRequestContext) async throws -> (CouncilService, FormDefinition?) {
            try context.require(.manageServices)
            let service = try await ServiceCatalogueRoutes.service(context, services)
            return (service, try await forms.latest(of: service.id))
        }

        @Sendable func editorPage(_ context: StaffRequestContext, _ service: CouncilService, _ form: FormDefinition?,
                                  banner: NotificationBanner? = nil, problem: String? = nil) throws -> Response {
            try renderer.response(FormEditorPage(
                chrome: ChromeFactory.chrome(pageTitle: "The form for " + service.name, context: context, hasErrors: problem != nil),
                basePath: context.basePath, csrfToken: context.csrfToken, service: service, form: form, banner: banner, problem: problem),
                status: problem == nil ? .ok : .unprocessableContent)
        }

        /// Saves `fields` as the next version, or says what is wrong with the form they make.
        @Sendable func save(_ fields: [FieldDefinition], _ what: String, _ service: CouncilService,
                            _ context: StaffRequestContext) async throws -> [FormDefinitionProblem] {
            do {
                let saved = try await forms.saveNewVersion(of: service.id, fields: fields, at: Date())
                try await audit.record(AuditEvent(councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id,
                                                  actor: context.staff.email, kind: .formChanged,
                                                  subject: "service \(service.code.value): \(what) (version \(saved.version))",
                                                  address: context.remoteAddress))
                return []
            } catch let refused as ServiceFormRepository.Refused {
                return refused.problems
            }
        }

        @Sendable func formHref(_ context: StaffRequestContext, _ service: CouncilService) -> String {
            context.basePath + StaffPaths.services + "/" + service.code.value + "/form"
        }

        staff.get { request, context -> Response in
            let (service, form) = try await load(context)
            let query = request.uri.queryParameters
            let banner: NotificationBanner? = query["added"] != nil
                ? NotificationBanner(heading: "\(service.name) has been added", text: "Now add the questions of its online form.", isSuccess: true)
                : query["saved"] != nil ? NotificationBanner(heading: "The form has been saved as version \(form?.version ?? 1)", isSuccess: true) : nil
            return try editorPage(context, service, form, banner: banner)
        }

        @Sendable func questionPage(_ context: StaffRequestContext, _ service: CouncilService, _ form: FormDefinition?,
                                    values: QuestionSettingsForm, isNew: Bool, validation: FormValidation = FormValidation()) throws -> Response {
            let fields = form?.fields ?? []
            let earlier = isNew ? fields : Array(fields.prefix { $0.id != values.id })
            return try renderer.response(QuestionEditPage(
                chrome: ChromeFactory.chrome(pageTitle: isNew ? "Add a question" : "Change a question", context: context, hasErrors: !validation.isValid),
                basePath: context.basePath, csrfToken: context.csrfToken, service: service, values: values, isNew: isNew,
                earlier: earlier, validation: validation), status: validation.isValid ? .ok : .unprocessableContent)
        }

        staff.get("questions/:question") { request, context -> Response in
            let (service, form) = try await load(context)
            let id = try context.parameters.require("question")
            if id == "new" {
                guard let kind = request.uri.queryParameters["kind"].flatMap({ FieldDefinition.Kind(rawValue: String($0)) }) else {
                    return .redirect(to: formHref(context, service))
                }
                return try questionPage(context, service, form, values: QuestionSettingsForm(kind: kind), isNew: true)
            }
            guard let field = form?.field(id) else { throw HTTPError(.notFound) }
            return try questionPage(context, service, form, values: QuestionSettingsForm(field), isNew: false)
        }

        staff.post("questions/:question") { request, context -> Response in
            let (service, form) = try await load(context)
            let id = try context.parameters.require("question")
            let input = try await FormInput.read(from: request)
            let isNew = id == "new"
            let kind: FieldDefinition.Kind
            if isNew {
                guard let chosen = request.uri.queryParameters["kind"].flatMap({ FieldDefinition.Kind(rawValue: String($0)) }) else {
                    throw HTTPError(.badRequest, message: "Choose the kind of question to add.")
                }
                kind = chosen
            } else {
                guard let existing = form?.field(id) else { throw HTTPError(.notFound) }
                kind = existing.kind
            }
            var values = QuestionSettingsForm(kind: kind, input)
            if !isNew { values.id = id }
            var validation = FormValidation()
            if let field = values.field(validation: &validation) {
                let current = form ?? FormDefinition(version: 0, fields: [])
                let fields = current.replacing(isNew ? nil : id, with: field)
                let problems = try await save(fields, (isNew ? "added" : "changed") + " question \(field.id)", service, context)
                if problems.isEmpty { return .redirect(to: formHref(context, service) + "?saved=1") }
                for problem in problems { validation.add(QuestionSettingsForm.inputID(of: problem), Self.sentence(problem)) }
            }
            validation.order(byPage: QuestionSettingsForm.pageOrder)
            return try questionPage(context, service, form, values: values, isNew: isNew, validation: validation)
        }

        staff.post("move") { request, context -> Response in
            let (service, form) = try await load(context)
            let input = try await FormInput.read(from: request)
            guard let form, form.field(input["question"]) != nil else { return .redirect(to: formHref(context, service)) }
            let fields = form.moving(input["question"], by: input["direction"] == "up" ? -1 : 1)
            guard fields != form.fields else { return .redirect(to: formHref(context, service)) }
            let problems = try await save(fields, "moved question \(input["question"])", service, context)
            if problems.isEmpty { return .redirect(to: formHref(context, service) + "?saved=1") }
            return try editorPage(context, service, form, problem: "That move was not saved: " + problems.map(Self.sentence).joined(separator: "; "))
        }

        staff.post("remove") { request, context -> Response in
            let (service, form) = try await load(context)
            let input = try await FormInput.read(from: request)
            guard let form, let field = form.field(input["question"]) else { return .redirect(to: formHref(context, service)) }
            let dependents = form.dependents(of: field.id)
            guard dependents.isEmpty else {
                return try editorPage(context, service, form, problem: "\"\(field.label)\" cannot be removed while "
                    + dependents.map { "\"\($0.label)\"" }.joined(separator: " and ") + " is asked depending on its answer. Change or remove "
                    + (dependents.count == 1 ? "that question" : "those questions") + " first.")
            }
            let problems = try await save(form.removing(field.id), "removed question \(field.id)", service, context)
            if problems.isEmpty { return .redirect(to: formHref(context, service) + "?saved=1") }
            return try editorPage(context, service, form, problem: problems.map(Self.sentence).joined(separator: "; "))
        }
    }

    /// A definition problem as an error message: a sentence starting with a capital.
    static func sentence(_ problem: FormDefinitionProblem) -> String {
        let text = problem.description
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
