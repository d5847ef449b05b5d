/// Every design-system component, rendered with realistic council content: the reference for
/// anyone building a page, and the page the accessibility checks audit for every component.
public struct ComponentGalleryPage: PageModel {
    public static let template = "components-gallery"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary
    public var startButton: Button
    public var primaryButton: Button
    public var secondaryButton: Button
    public var warningButton: Button
    public var textInput: TextInput
    public var textInputWithError: TextInput
    public var textarea: Textarea
    public var radios: Radios
    public var checkboxes: Checkboxes
    public var select: Select
    public var dateInput: DateInput
    public var summaryList: SummaryList
    public var table: Table
    public var tags: [Tag]
    public var importantBanner: NotificationBanner
    public var successBanner: NotificationBanner
    public var pagination: Pagination
    public var panel: Panel

    public init(chrome: PageChrome, basePath: String) {
        self.chrome = chrome
        let galleryHref = SitePath.components.href(basePath: basePath)
        errorSummary = ErrorSummary(errors: [
            FieldError(fieldID: "email-with-error", message: "Enter an email address in the correct format, like name@example.com"),
            FieldError(fieldID: "collection-date", message: "The date your bin was due must include a year"),
        ])
        startButton = Button("Start now", href: galleryHref + "#buttons", isStartButton: true)
        primaryButton = Button("Save and continue")
        secondaryButton = Button("Find address", variant: .secondary)
        warningButton = Button("Withdraw request", variant: .warning)
        textInput = TextInput(id: "full-name", label: Label("Full name"), autocomplete: "name", spellcheck: false)
        textInputWithError = TextInput(
            id: "email-with-error", name: "email", label: Label("Email address"), type: "email",
            hint: "We will only use this to send you updates about your request",
            error: "Enter an email address in the correct format, like name@example.com",
            value: "resident.example", autocomplete: "email", spellcheck: false)
        textarea = Textarea(id: "problem-description", label: Label("Describe the problem"),
                            hint: "For example, what is damaged and exactly where it is")
        radios = Radios(ChoiceGroup(
            idPrefix: "contact-preference", fieldset: Fieldset(legend: "How would you like us to contact you?", legendClasses: "fd-fieldset__legend--m"),
            hint: "Choose one option",
            options: [("email", "Email", nil), ("phone", "Phone", "We call between 9am and 5pm"), ("post", "Letter", nil)],
            selected: ["email"]))
        checkboxes = Checkboxes(ChoiceGroup(
            idPrefix: "needs", fieldset: Fieldset(legend: "Do you need any help from us?", legendClasses: "fd-fieldset__legend--m"),
            hint: "Select all that apply",
            options: [("interpreter", "An interpreter", nil), ("large-print", "Letters in large print", nil),
                      ("bsl", "British Sign Language (BSL)", nil), ("easy-read", "Easy read documents", nil)]))
        select = Select(id: "ward", label: Label("Ward"),
                        options: [("", "Choose a ward"), ("abbey", "Abbey"), ("castle", "Castle"),
                                  ("harbour", "Harbour"), ("market", "Market")])
        dateInput = DateInput(id: "collection-date", fieldset: Fieldset(legend: "When was your bin due to be collected?", legendClasses: "fd-fieldset__legend--m"),
                              hint: "For example, 27 3 2026", error: "The date your bin was due must include a year",
                              day: "27", month: "3", year: nil, erroneousParts: [.year])
        summaryList = SummaryList(rows: [
            .init(key: "Name", value: "Priya Shah", actions: [.init(href: galleryHref + "#full-name", visuallyHiddenText: "name")]),
            .init(key: "Address", value: "12 Mill Lane\nKingsmere\nKM2 4DT", actions: [.init(href: galleryHref + "#full-name", visuallyHiddenText: "address")]),
            .init(key: "Contact by", value: "Email"),
        ])
        table = Table(caption: "Requests this week", head: ["Service", "Received", "Resolved on time"],
                      rows: [["Missed bin collection", "142", "96%"], ["Street light fault", "37", "89%"], ["Fly-tipping", "58", "91%"]],
                      numericColumns: [1, 2], firstCellIsHeader: true)
        tags = [Tag("Received"), Tag("In progress", colour: .purple), Tag("Awaiting your reply", colour: .yellow),
                Tag("Resolved", colour: .green), Tag("Closed", colour: .grey), Tag("Overdue", colour: .red)]
        importantBanner = NotificationBanner(heading: "Bin collections will be one day late after the bank holiday.",
                                             titleId: "important-banner-title")
        successBanner = NotificationBanner(heading: "Your details have been updated", text: "We will use your new phone number from now on.",
                                           isSuccess: true, titleId: "success-banner-title")
        pagination = Pagination(currentPage: 4, pageCount: 9) { galleryHref + "?page=\($0)#pagination" }
        panel = Panel(titleText: "Request received", text: "Your reference number", reference: "FD-2026-004213")
    }
}
