import FrontDoorDomain

/// The council's working calendar and case rules, for administrators.
public struct CalendarPage: PageModel {
    public static let template = "staff-calendar"

    public struct Closure: Sendable {
        public var day: String
        public var text: String
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    public var csrfToken: String
    public var settingsAction: String
    public var cutOff: TextInput
    public var acknowledge: TextInput
    public var reopen: TextInput
    public var saveSettings: Button
    public var holidaysText: String
    public var upcoming: [String]
    public var uploadAction: String
    public var file: FileUpload
    public var upload: Button
    public var closures: [Closure]
    public var hasClosures: Bool
    public var removeAction: String
    public var addAction: String
    public var closureDate: DateInput
    public var closureReason: TextInput
    public var addClosure: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, settings: (cutOff: String, acknowledge: String, reopen: String),
         holidaysText: String, upcoming: [String], closures: [Closure], closureValues: (day: String, month: String, year: String, reason: String) = ("", "", "", ""),
         validation: FormValidation = FormValidation(), banner: NotificationBanner? = nil) {
        func error(_ id: String) -> String? { validation.message(for: id) }
        let base = basePath + StaffPaths.calendar
        self.chrome = chrome
        self.banner = banner
        self.errorSummary = validation.summary
        self.csrfToken = csrfToken
        self.settingsAction = base + "/rules"
        self.cutOff = TextInput(id: "cut-off", label: Label("Cut-off time"), hint: "Requests received at or after this time count from the next working day. For example, 17:00.",
                                error: error("cut-off"), value: settings.cutOff, spellcheck: false, widthClass: "fd-input--width-5")
        self.acknowledge = TextInput(id: "acknowledge", label: Label("Acknowledge requests within (working days)"), error: error("acknowledge"),
                                     value: settings.acknowledge, inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4")
        self.reopen = TextInput(id: "reopen", label: Label("Residents may reopen a resolved request for (days)"), error: error("reopen"),
                                value: settings.reopen, inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4")
        self.saveSettings = Button("Save the rules")
        self.holidaysText = holidaysText
        self.upcoming = upcoming
        self.uploadAction = base + "/bank-holidays"
        self.file = FileUpload(id: "bank-holidays", label: Label("Upload a newer bank holidays file"),
                               hint: "The JSON file GOV.UK publishes at www.gov.uk/bank-holidays.json.", error: error("bank-holidays"),
                               accept: [".json", "application/json"])
        self.upload = Button("Upload", variant: .secondary)
        self.closures = closures
        self.hasClosures = !closures.isEmpty
        self.removeAction = base + "/closures/remove"
        self.addAction = base + "/closures"
        self.closureDate = DateInput(id: "closure", fieldset: Fieldset(legend: "Date", legendClasses: "fd-fieldset__legend--s"),
                                     hint: "For example, 29 12 2026", error: error("closure"),
                                     day: closureValues.day, month: closureValues.month, year: closureValues.year)
        self.closureReason = TextInput(id: "reason", label: Label("Reason"), hint: "For example, Christmas closure.", error: error("reason"),
                                       value: closureValues.reason)
        self.addClosure = Button("Add the closure day", variant: .secondary)
    }
}
