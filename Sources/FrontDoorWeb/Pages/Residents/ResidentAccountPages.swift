import FrontDoorDomain

/// My Account: the resident's details, preferences and consents, each with a way to change it.
public struct AccountHomePage: PageModel {
    public static let template = "resident-account"

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var heading: String
    public var details: SummaryList
    public var consents: SummaryList
    public var signOutAction: String
    public var csrfToken: String
    public var signOut: Button
    /// The latest requests, with a link to them all.
    public var recentRequests: Table?
    public var requestsHref: String
    public var downloadHref: String

    public init(chrome: PageChrome, basePath: String, csrfToken: String, customer: Customer, consents agreed: [Consent],
                recentRequests: Table? = nil, banner: NotificationBanner? = nil) {
        self.chrome = chrome
        self.recentRequests = recentRequests
        self.requestsHref = basePath + ResidentPaths.requests
        self.downloadHref = basePath + ResidentPaths.dataDownload
        self.banner = banner
        self.heading = "Your account"
        let change = { (what: String) in [SummaryList.Action(href: basePath + ResidentPaths.profile + "#" + what, visuallyHiddenText: what)] }
        let needs = customer.needs.descriptions
        self.details = SummaryList(rows: [
            .init(key: "Name", value: customer.name, actions: change("name")),
            .init(key: "Email address", value: customer.email ?? "",
                  actions: [SummaryList.Action(href: basePath + ResidentPaths.changeEmail, visuallyHiddenText: "email address")]),
            .init(key: "Telephone", value: customer.phone.isEmpty ? "Not given" : customer.phone, actions: change("phone")),
            .init(key: "Address", value: customer.address.map { $0.lines.joined(separator: "\n") } ?? "Not given",
                  actions: change("address_line1")),
            .init(key: "Contact me by", value: customer.preferredChannel.displayName, actions: change("preferred_channel")),
            .init(key: "Language", value: customer.language, actions: change("language")),
            .init(key: "Help with communication", value: needs.isEmpty ? "None" : needs.joined(separator: "\n"), actions: change("needs")),
        ])
        self.consents = SummaryList(rows: ConsentPurpose.allCases.map { purpose in
            let consent = agreed.first { $0.purpose == purpose }
            return .init(key: purpose.current.text,
                         value: consent.map { "Yes, since \(UKDateFormat.dateAndTime($0.agreedAt))" } ?? "No",
                         actions: [SummaryList.Action(href: basePath + ResidentPaths.profile + "#consents", visuallyHiddenText: "whether you agree")])
        })
        self.signOutAction = basePath + ResidentPaths.signOut
        self.csrfToken = csrfToken
        self.signOut = Button("Sign out", variant: .secondary)
    }
}

/// "Your details": name, phone, address, how to contact, language, communication needs, consents.
public struct ResidentDetailsPage: PageModel {
    public static let template = "resident-details"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var backHref: String
    public var name: TextInput
    public var phone: TextInput
    public var addressLine1: TextInput
    public var addressLine2: TextInput
    public var town: TextInput
    public var postcode: TextInput
    public var preferredChannel: Radios
    public var language: TextInput
    public var needs: Checkboxes
    public var interpreterLanguage: TextInput
    public var otherNeeds: Textarea
    public var consents: Checkboxes
    public var submit: Button

    /// The form shows `form` (what was just typed) when there is one, else the stored details.
    init(chrome: PageChrome, basePath: String, csrfToken: String, customer: Customer, consents agreed: [Consent],
         form: FormInput? = nil, validation: FormValidation = FormValidation()) {
        func value(_ field: String, _ stored: String) -> String { form.map { $0[field] } ?? stored }
        func error(_ field: String) -> String? { validation.message(for: field) }
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.profile
        self.csrfToken = csrfToken
        self.backHref = basePath + ResidentPaths.account
        self.name = TextInput(id: "name", label: Label("Full name"), error: error("name"), value: value("name", customer.name),
                              autocomplete: "name", spellcheck: false)
        self.phone = TextInput(id: "phone", label: Label("Telephone number (optional)"), type: "tel",
                               hint: "For international numbers include the country code", error: error("phone"),
                               value: value("phone", customer.phone), autocomplete: "tel", widthClass: "fd-input--width-20")
        self.addressLine1 = TextInput(id: "address_line1", label: Label("Address line 1"), error: error("address_line1"),
                                      value: value("address_line1", customer.address?.line1 ?? ""), autocomplete: "address-line1")
        self.addressLine2 = TextInput(id: "address_line2", label: Label("Address line 2 (optional)"), error: error("address_line2"),
                                      value: value("address_line2", customer.address?.line2 ?? ""), autocomplete: "address-line2")
        self.town = TextInput(id: "address_town", label: Label("Town or city"), error: error("address_town"),
                              value: value("address_town", customer.address?.town ?? ""), autocomplete: "address-level2")
        self.postcode = TextInput(id: "address_postcode", label: Label("Postcode"), error: error("address_postcode"),
                                  value: value("address_postcode", customer.address?.postcode.value ?? ""), autocomplete: "postal-code",
                                  widthClass: "fd-input--width-10")
        self.preferredChannel = Radios(ChoiceGroup(
            idPrefix: "preferred_channel", fieldset: Fieldset(legend: "How would you like us to contact you?", legendClasses: "fd-fieldset__legend--m"),
            error: error("preferred_channel"), options: ContactChannel.allCases.map { ($0.rawValue, $0.displayName, nil) },
            selected: [value("preferred_channel", customer.preferredChannel.rawValue)]))
        self.language = TextInput(id: "language", label: Label("Which language would you like us to use?"),
                                  hint: "For example, English, Cymraeg or Polish", error: error("language"),
                                  value: value("language", customer.language), widthClass: "fd-input--width-20")
        let supports = form.map { Set($0.all("needs")) } ?? Set(customer.needs.supports.map(\.rawValue))
        self.needs = Checkboxes(ChoiceGroup(
            idPrefix: "needs", fieldset: Fieldset(legend: "Do you need help to communicate with us?", legendClasses: "fd-fieldset__legend--m"),
            hint: "Select all that apply. We will tell everyone who deals with you, so you do not have to ask again.",
            options: CommunicationNeeds.Support.allCases.map { ($0.rawValue, $0.displayName, nil) }, selected: supports))
        self.interpreterLanguage = TextInput(id: "interpreter_language", label: Label("If you need an interpreter, which language?"),
                                             error: error("interpreter_language"),
                                             value: value("interpreter_language", customer.needs.interpreterLanguage),
                                             widthClass: "fd-input--width-20")
        self.otherNeeds = Textarea(id: "needs_other", label: Label("Anything else we should know (optional)"),
                                   hint: "For example, call after 2pm, or speak slowly", error: error("needs_other"),
                                   value: value("needs_other", customer.needs.other), rows: 3)
        self.consents = ConsentChoices.checkboxes(selected: form.map { Set($0.all("consents")) } ?? Set(agreed.map(\.purpose.rawValue)))
        self.submit = Button("Save details")
    }
}

/// Change the email address: the new one, and the current password.
public struct ChangeEmailPage: PageModel {
    public static let template = "resident-change-email"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var backHref: String
    public var currentEmail: String
    public var email: TextInput
    public var password: TextInput
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, currentEmail: String, enteredEmail: String = "",
                validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.changeEmail
        self.csrfToken = csrfToken
        self.backHref = basePath + ResidentPaths.account
        self.currentEmail = currentEmail
        self.email = TextInput(id: "email", label: Label("New email address"), type: "email",
                               hint: "We will send a link to this address to confirm it", error: validation.message(for: "email"),
                               value: enteredEmail, autocomplete: "email", spellcheck: false)
        self.password = TextInput(id: "password", label: Label("Your password"), type: "password",
                                  error: validation.message(for: "password"), autocomplete: "current-password")
        self.submit = Button("Send confirmation link")
    }
}
