import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Administrators keep the council's working calendar: its rules (cut-off, acknowledgement,
/// reopening), a newer GOV.UK bank holidays file, and its closure days. Every change is audited.
struct CalendarRoutes {
    let renderer: PageRenderer
    let calendars: CouncilCalendarRepository
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database, shipped: BankHolidays) {
        self.renderer = renderer
        self.calendars = CouncilCalendarRepository(database: database, shipped: shipped)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.calendar), context: StaffRequestContext.self)

        staff.get { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let saved = request.uri.queryParameters["saved"].map { NotificationBanner(heading: String($0), isSuccess: true) }
            return try await routes.page(context, banner: saved)
        }

        staff.post("rules") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request)
            var validation = FormValidation()
            let cutOff = Self.minutes(form["cut-off"])
            if cutOff == nil { validation.add("cut-off", CaseRules.Settings.Problem.cutOffOutOfRange.description) }
            let acknowledge = Int(form["acknowledge"]), reopen = Int(form["reopen"])
            let settings = CaseRules.Settings(cutOffMinutes: cutOff ?? -1, acknowledgeWithinWorkingDays: acknowledge ?? 0, reopenWindowDays: reopen ?? -1)
            for problem in settings.problems {
                switch problem {
                case .cutOffOutOfRange: validation.add("cut-off", problem.description)
                case .acknowledgementOutOfRange: validation.add("acknowledge", problem.description)
                case .reopenWindowOutOfRange: validation.add("reopen", problem.description)
                }
            }
            guard validation.isValid else {
                return try await routes.page(context, settingsTyped: (form["cut-off"], form["acknowledge"], form["reopen"]), validation: validation)
            }
            try await routes.calendars.save(settings, councilID: council.id, at: Date())
            try await routes.record(context, "case rules: cut-off \(form["cut-off"]), acknowledge within \(settings.acknowledgeWithinWorkingDays) working days, reopen within \(settings.reopenWindowDays) days")
            return .redirect(to: context.basePath + StaffPaths.calendar + "?saved=The%20rules%20have%20been%20saved")
        }

        staff.post("bank-holidays") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            var validation = FormValidation()
            if let file = (try? await MultipartForm.read(from: request, limit: 2 * 1024 * 1024))?.files["bank-holidays"] {
                let holidays: BankHolidays
                do {
                    holidays = try BankHolidays(govUKJSON: file.data)
                } catch {
                    return try await routes.page(context, validation: { var v = FormValidation(); v.add("bank-holidays", "The file was not used: " + String(describing: error)); return v }())
                }
                try await routes.calendars.saveBankHolidays(String(decoding: file.data, as: UTF8.self), councilID: council.id, at: Date())
                try await routes.record(context, "bank holidays uploaded (\(file.fileName), covering to \(holidays.coveredThrough.map(String.init) ?? "?"))")
                return .redirect(to: context.basePath + StaffPaths.calendar + "?saved=The%20bank%20holidays%20have%20been%20updated")
            } else {
                validation.add("bank-holidays", "Select the bank holidays file to upload")
            }
            return try await routes.page(context, validation: validation)
        }

        staff.post("closures") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request)
            var validation = FormValidation()
            let day = Int(form["closure-day"]).flatMap { d in Int(form["closure-month"]).flatMap { m in Int(form["closure-year"]).flatMap { LocalDate(year: $0, month: m, day: d) } } }
            if day == nil { validation.add("closure", "Enter a real date, like 29 12 2026") }
            if let day, day.isWeekend { validation.add("closure", "That date is a weekend, which is never a working day") }
            validation.required("reason", form["reason"], "Enter the reason for the closure")
            guard validation.isValid, let day else {
                return try await routes.page(context, closureTyped: (form["closure-day"], form["closure-month"], form["closure-year"], form["reason"]),
                                             validation: validation)
            }
            try await routes.calendars.addClosure(day, reason: form["reason"], councilID: council.id)
            try await routes.record(context, "closure day added: \(day) (\(form["reason"]))")
            return .redirect(to: context.basePath + StaffPaths.calendar + "?saved=The%20closure%20day%20has%20been%20added")
        }

        staff.post("closures/remove") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request)
            guard let day = LocalDate(form["day"]) else { throw HTTPError(.badRequest, message: "That is not a date.") }
            try await routes.calendars.removeClosure(day, councilID: council.id)
            try await routes.record(context, "closure day removed: \(day)")
            return .redirect(to: context.basePath + StaffPaths.calendar + "?saved=The%20closure%20day%20has%20been%20removed")
        }
    }

    /// "17:00" or "5pm" style input as minutes after midnight; nil when not a time of day.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), parts[1].count == 2,
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    func record(_ context: StaffRequestContext, _ subject: String) async throws {
        try await audit.record(AuditEvent(councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                                          kind: .councilSettingChanged, subject: subject, address: context.remoteAddress))
    }

    func page(_ context: StaffRequestContext, settingsTyped: (String, String, String)? = nil,
              closureTyped: (String, String, String, String) = ("", "", "", ""), validation: FormValidation = FormValidation(),
              banner: NotificationBanner? = nil) async throws -> Response {
        let council = try ResidentAccountRoutes.council(context)
        let settings = try await calendars.settings(councilID: council.id)
        let shown = settingsTyped ?? (String(format: "%02d:%02d", settings.cutOffMinutes / 60, settings.cutOffMinutes % 60),
                                      String(settings.acknowledgeWithinWorkingDays), String(settings.reopenWindowDays))
        let (holidays, uploaded) = try await calendars.bankHolidays(councilID: council.id)
        let today = LocalDate(Date())
        let upcoming = (holidays.holidays[council.nation] ?? []).filter { $0.date >= today }.prefix(5).map { CaseDates.date($0.date) + ": " + $0.title }
        let text = (uploaded ? "Using the file uploaded for this council" : "Using the file that comes with FrontDoor")
            + " (\(council.nation.displayName)), which covers dates to the end of \(holidays.coveredThrough.map(String.init) ?? "an unknown year"). The next ones:"
        let closures = try await calendars.closures(councilID: council.id).map { CalendarPage.Closure(day: $0.day.description, text: CaseDates.date($0.day) + ": " + $0.reason) }
        return try renderer.response(CalendarPage(
            chrome: ChromeFactory.chrome(pageTitle: "Working days and case rules", context: context, hasErrors: !validation.isValid),
            basePath: context.basePath, csrfToken: context.csrfToken, settings: shown, holidaysText: text, upcoming: upcoming, closures: closures,
            closureValues: closureTyped, validation: validation, banner: banner), status: validation.isValid ? .ok : .unprocessableContent)
    }
}
