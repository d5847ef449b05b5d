import FrontDoorDomain

/// Adding or changing a service: every attribute of the catalogue entry, in plain boxes.
public struct ServiceEditPage: PageModel {
    public static let template = "staff-service-edit"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var heading: String
    public var action: String
    public var csrfToken: String
    /// A new service's code box; an existing service shows its code as text (it never changes).
    public var code: TextInput?
    public var fixedCode: String?
    public var name: TextInput
    public var description: Textarea
    public var group: Select
    public var keywords: Textarea
    public var team: Select
    public var process: Select
    public var contactType: Radios
    public var channels: Checkboxes
    public var settings: Checkboxes
    public var standardUnit: Radios
    public var standardTarget: TextInput
    public var standardStatement: TextInput
    public var fee: TextInput
    public var topTask: TextInput
    public var save: Button
    public var formHref: String?
    public var guidanceHref: String?

    init(chrome: PageChrome, basePath: String, csrfToken: String, values: ServiceDetailsForm, teams: [Team], isNew: Bool,
         validation: FormValidation = FormValidation()) {
        func error(_ id: String) -> String? { validation.message(for: id) }
        self.chrome = chrome
        self.backLink = BackLink(href: basePath + StaffPaths.services)
        self.errorSummary = validation.summary
        self.heading = isNew ? "Add a service" : "Change " + values.name
        self.action = isNew ? basePath + StaffPaths.catalogue + "/new" : basePath + StaffPaths.services + "/" + values.code
        self.csrfToken = csrfToken
        self.code = isNew ? TextInput(id: "code", label: Label("Code"), hint: "Used in links and by other systems, so it never changes once saved. Lower-case letters, digits and hyphens, like missed-bin.",
                                      error: error("code"), value: values.code, spellcheck: false, widthClass: "fd-input--width-20") : nil
        self.fixedCode = isNew ? nil : values.code
        self.name = TextInput(id: "name", label: Label("Name"), hint: "What residents are trying to do, like Report a missed bin.",
                              error: error("name"), value: values.name)
        self.description = Textarea(id: "description", label: Label("Description"), hint: "Plain English: what the service is and what happens next.",
                                    error: error("description"), value: values.description, rows: 4)
        self.group = Select(id: "group", label: Label("Group"), error: error("group"),
                            options: [(value: "", text: "Select a group")] + ServiceGroup.allCases.map { (value: $0.rawValue, text: $0.displayName) },
                            selected: values.group)
        self.keywords = Textarea(id: "keywords", label: Label("Other words people use (optional)"),
                                 hint: "One a line, like bin, rubbish, refuse. Search finds the service by these.", value: values.keywords, rows: 4)
        self.team = Select(id: "team", label: Label("Team that works its requests"), error: error("team"),
                           options: [(value: "", text: "No team")] + teams.map { (value: $0.id.uuidString, text: $0.name) },
                           selected: values.team)
        self.process = Select(id: "process", label: Label("How its requests are handled"),
                              hint: "Complaints and information requests follow their legal stages and deadlines. A change applies to requests made from then on.",
                              error: error("process"),
                              options: CaseProcess.allCases.map { (value: $0.rawValue, text: $0.displayName) }, selected: values.process ?? CaseProcess.standard.rawValue)
        self.contactType = Radios(ChoiceGroup(
            idPrefix: "contact-type", fieldset: Fieldset(legend: "Kind of contact", legendClasses: "fd-fieldset__legend--s"),
            error: error("contact-type"),
            options: ContactType.allCases.map { (value: $0.rawValue, text: $0.displayName, hint: String?.none) },
            selected: [values.contactType]))
        self.channels = Checkboxes(ChoiceGroup(
            idPrefix: "channels", fieldset: Fieldset(legend: "Offered on", legendClasses: "fd-fieldset__legend--s"), error: error("channels"),
            options: ServiceChannel.allCases.map { (value: $0.rawValue, text: $0.displayName, hint: String?.none) }, selected: values.channels))
        self.settings = Checkboxes(ChoiceGroup(
            idPrefix: "settings", fieldset: Fieldset(legend: "Settings", legendClasses: "fd-fieldset__legend--s"),
            options: [(value: "active", text: "Active (residents and staff can use it)", hint: String?.none),
                      (value: "digital-only", text: "Digital only", hint: "Online, with an advisor's help for those who need it"),
                      (value: "location", text: "Needs a location", hint: String?.none),
                      (value: "account", text: "Needs an account", hint: String?.none)],
            selected: values.settings))
        self.standardUnit = Radios(ChoiceGroup(
            idPrefix: "standard-unit", fieldset: Fieldset(legend: "Service standard measured in", legendClasses: "fd-fieldset__legend--s"),
            options: [(value: "working-days", text: "Working days", hint: String?.none), (value: "hours", text: "Hours (urgent work)", hint: String?.none)],
            selected: [values.standardUnit], isInline: true))
        self.standardTarget = TextInput(id: "standard-target", label: Label("Target"), error: error("standard-target"), value: values.standardTarget,
                                        inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4")
        self.standardStatement = TextInput(id: "standard-statement", label: Label("The standard as residents read it"),
                                           hint: "Like: We aim to collect missed bins within 2 working days.",
                                           error: error("standard-statement"), value: values.standardStatement)
        self.fee = TextInput(id: "fee", label: Label("Fee in pounds (optional)"), hint: "Leave blank when the service is free.",
                             error: error("fee"), value: values.fee, inputmode: "decimal", spellcheck: false, widthClass: "fd-input--width-10")
        self.topTask = TextInput(id: "top-task", label: Label("Top task position (optional)"), hint: "1 is first on the home page. Leave blank if it is not a top task.",
                                 error: error("top-task"), value: values.topTask, inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4")
        self.save = Button(isNew ? "Add the service" : "Save changes")
        self.formHref = isNew ? nil : basePath + StaffPaths.services + "/" + values.code + "/form"
        self.guidanceHref = isNew ? nil : basePath + StaffPaths.services + "/" + values.code + "/guidance"
    }
}
