import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The service catalogue for staff, and, for those who manage it, adding and changing services
/// and carrying the whole catalogue between environments. Every change is audited.
struct ServiceCatalogueRoutes {
    let renderer: PageRenderer
    let services: ServiceRepository
    let teams: TeamRepository
    let transfer: CatalogueTransfer
    let audit: AuditTrail
    let processes: ServiceProcessRepository

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.services = ServiceRepository(database: database)
        self.teams = TeamRepository(database: database)
        self.transfer = CatalogueTransfer(database: database)
        self.audit = AuditTrail(database: database)
        self.processes = ServiceProcessRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, services = self.services, teams = self.teams, transfer = self.transfer, audit = self.audit
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        @Sendable func record(_ kind: AuditEvent.Kind, _ subject: String, _ context: StaffRequestContext) async throws {
            try await audit.record(AuditEvent(councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id,
                                              actor: context.staff.email, kind: kind, subject: subject, address: context.remoteAddress))
        }

        staff.get("services") { request, context -> Response in
            let councilID = context.staff.councilID
            let query = request.uri.queryParameters
            let banner: NotificationBanner? = query["saved"].map { NotificationBanner(heading: "Saved: \($0)", isSuccess: true) }
                ?? query["imported"].map { NotificationBanner(heading: "Catalogue imported", text: String($0), isSuccess: true) }
            return try renderer.response(ServiceCataloguePage(
                chrome: ChromeFactory.chrome(pageTitle: "Services", context: context), basePath: context.basePath,
                services: try await services.all(councilID: councilID), teams: try await teams.all(councilID: councilID),
                canManage: context.may(.manageServices), banner: banner))
        }

        staff.get("catalogue/new") { _, context -> Response in
            try context.require(.manageServices)
            return try renderer.response(ServiceEditPage(
                chrome: ChromeFactory.chrome(pageTitle: "Add a service", context: context), basePath: context.basePath,
                csrfToken: context.csrfToken, values: ServiceDetailsForm(), teams: try await teams.all(councilID: context.staff.councilID),
                isNew: true))
        }

        staff.post("catalogue/new") { request, context -> Response in
            try context.require(.manageServices)
            let councilID = context.staff.councilID
            let values = ServiceDetailsForm(try await FormInput.read(from: request))
            let councilTeams = try await teams.all(councilID: councilID)
            var validation = FormValidation()
            let process = values.caseProcess(current: .standard, validation: &validation)
            if let service = values.service(id: UUID(), councilID: councilID, existingCode: nil, teams: councilTeams, validation: &validation),
               let process {
                do {
                    try await services.create(service, at: Date())
                    try await processes.set(process, serviceID: service.id, councilID: councilID)
                    try await record(.serviceAdded, "service \(service.code.value) (\(service.name))"
                                     + (process == .standard ? "" : ", handled as \(process.displayName.lowercased())"), context)
                    return .redirect(to: context.basePath + StaffPaths.services + "/" + service.code.value + "/form?added=1")
                } catch ServiceRepository.SaveError.codeTaken {
                    validation.add("code", "Another service already has the code \(service.code.value)")
                }
            }
            return try renderer.response(ServiceEditPage(
                chrome: ChromeFactory.chrome(pageTitle: "Add a service", context: context, hasErrors: true), basePath: context.basePath,
                csrfToken: context.csrfToken, values: values, teams: councilTeams, isNew: true, validation: validation),
                status: .unprocessableContent)
        }

        staff.get("services/:code") { _, context -> Response in
            try context.require(.manageServices)
            let service = try await Self.service(context, services)
            var values = ServiceDetailsForm(service)
            values.process = try await processes.process(serviceID: service.id).rawValue
            return try renderer.response(ServiceEditPage(
                chrome: ChromeFactory.chrome(pageTitle: "Change " + service.name, context: context), basePath: context.basePath,
                csrfToken: context.csrfToken, values: values, teams: try await teams.all(councilID: context.staff.councilID),
                isNew: false))
        }

        staff.post("services/:code") { request, context -> Response in
            try context.require(.manageServices)
            let current = try await Self.service(context, services)
            var values = ServiceDetailsForm(try await FormInput.read(from: request))
            values.code = current.code.value
            let councilTeams = try await teams.all(councilID: context.staff.councilID)
            var validation = FormValidation()
            let stored = try await processes.process(serviceID: current.id)
            let process = values.caseProcess(current: stored, validation: &validation)
            guard let changed = values.service(id: current.id, councilID: current.councilID, existingCode: current.code, teams: councilTeams,
                                               validation: &validation), let process else {
                return try renderer.response(ServiceEditPage(
                    chrome: ChromeFactory.chrome(pageTitle: "Change " + current.name, context: context, hasErrors: true),
                    basePath: context.basePath, csrfToken: context.csrfToken, values: values, teams: councilTeams, isNew: false,
                    validation: validation), status: .unprocessableContent)
            }
            if changed != current {
                try await services.update(changed, at: Date())
                try await record(.serviceChanged, "service \(changed.code.value) (\(changed.name))", context)
            }
            if stored != process {
                try await processes.set(process, serviceID: current.id, councilID: current.councilID)
                try await record(.serviceChanged, "service \(changed.code.value) now handled as \(process.displayName.lowercased())", context)
            }
            return .redirect(to: context.basePath + StaffPaths.services + "?saved=" + (changed.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }

        for format in CatalogueFormat.allCases {
            staff.get(RouterPath("catalogue/export." + format.rawValue)) { _, context -> Response in
                try context.require(.manageServices)
                let council = try ResidentAccountRoutes.council(context)
                let text = try format.encode(try await transfer.export(councilID: council.id))
                return Response(status: .ok, headers: [
                    .contentType: format.contentType,
                    .contentDisposition: "attachment; filename=\"\(council.slug.value)-catalogue.\(format.rawValue)\"",
                    .cacheControl: "no-store",
                ], body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }

        staff.get("catalogue/import") { _, context -> Response in
            try context.require(.manageServices)
            return try renderer.response(CatalogueImportPage(
                chrome: ChromeFactory.chrome(pageTitle: "Import a catalogue", context: context), basePath: context.basePath,
                csrfToken: context.csrfToken))
        }

        staff.post("catalogue/import") { request, context -> Response in
            try context.require(.manageServices)
            let council = try ResidentAccountRoutes.council(context)
            let form = try? await MultipartForm.read(from: request)
            var problems: [String] = []
            if let file = form?.files["catalogue"] {
                if let format = CatalogueFormat(fileName: file.fileName) {
                    do {
                        let document = try format.decode(String(decoding: file.data, as: UTF8.self))
                        let report = try await transfer.importCatalogue(document, councilID: council.id, at: Date())
                        try await record(.catalogueImported, "\(file.fileName): \(report.created.count) added, \(report.updated.count) updated, "
                                         + "\(report.newFormVersions.count) new form versions", context)
                        let summary = "\(report.created.count) added, \(report.updated.count) updated, \(report.unchanged.count) unchanged, "
                            + "\(report.newFormVersions.count) new form versions."
                        return .redirect(to: context.basePath + StaffPaths.services + "?imported="
                                         + (summary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                    } catch let refused as CatalogueProblems {
                        problems = refused.messages
                    }
                } else {
                    problems = ["The selected file must be a .yaml, .yml or .json catalogue file"]
                }
            } else {
                problems = ["Select a catalogue file to import"]
            }
            return try renderer.response(CatalogueImportPage(
                chrome: ChromeFactory.chrome(pageTitle: "Import a catalogue", context: context, hasErrors: true), basePath: context.basePath,
                csrfToken: context.csrfToken, problems: problems), status: .unprocessableContent)
        }
    }

    static func service(_ context: StaffRequestContext, _ services: ServiceRepository) async throws -> CouncilService {
        guard let code = context.parameters.get("code").flatMap(ServiceCode.init),
              let service = try await services.find(code: code, councilID: context.staff.councilID) else { throw HTTPError(.notFound) }
        return service
    }
}
