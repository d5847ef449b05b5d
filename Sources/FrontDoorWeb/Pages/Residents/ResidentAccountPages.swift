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
    public var alertsHref: String

    public init(chrome: PageChrome, basePath: String, csrfToken: String, customer: Customer, consents agreed: [Consent],
                recentRequests: Table? = nil, banner: NotificationBanner? = nil) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.recentRequests = recentRequests
        self.requestsHref = basePath + ResidentPaths.requests
        self.downloadHref = basePath + ResidentPaths.dataDownload
        self.alertsHref = basePath + ResidentPaths.alerts
        self.banner = banner
        self.heading = L("acct_account_heading", language)
        let change = { (what: String) in [SummaryList.Action(href: basePath + ResidentPaths.profile + "#" + what, visuallyHiddenText: what)] }
        let needs = customer.needs.descriptions(language)
        self.details = SummaryList(rows: [
            .init(key: L("acct_name", language), value: customer.name, actions: change("name")),
            .init(key: L("acct_email", language), value: customer.email ?? "",
                  actions: [SummaryList.Action(href: basePath + ResidentPaths.changeEmail, visuallyHiddenText: "email address")]),
            .init(key: L("acct_telephone", language), value: customer.phone.isEmpty ? L("acct_not_given", language) : customer.phone, actions: change("phone")),
            .init(key: L("acct_address", language), value: customer.address.map { $0.lines.joined(separator: "\n") } ?? L("acct_not_given", language),
                  actions: change("address_line1")),
            .init(key: L("acct_contact_by", language), value: customer.preferredChannel.name(language), actions: change("preferred_channel")),
            .init(key: L("acct_language", language), value: customer.language, actions: change("language")),
            .init(key: L("acct_help_communicating", language), value: needs.isEmpty ? L("acct_none", language) : needs.joined(separator: "\n"), actions: change("needs")),
        ])
        self.consents = SummaryList(rows: ConsentPurpose.allCases.map { purpose in
            let consent = agreed.first { $0.purpose == purpose }
            return .init(key: purpose.wording(language),
                         value: consent.map { L("acct_yes_since", language, ["date": UKDateFormat.dateAndTime($0.agreedAt, language)]) } ?? L("acct_no", language),
                         actions: [SummaryList.Action(href: basePath + ResidentPaths.profile + "#consents", visuallyHiddenText: "whether you agree")])
        })
        self.signOutAction = basePath + ResidentPaths.signOut
        self.csrfToken = csrfToken
        self.signOut = Button(L("acct_sign_out", language), variant: .secondary)
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
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.profile
        self.csrfToken = csrfToken
        self.backHref = basePath + ResidentPaths.account
        self.name = TextInput(id: "name", label: Label("Full name"), error: error("name"), value: value("name", customer.name),
                              autocomplete: "name", spellcheck: false)
        self.phone = TextInput(id: "phone", label: Label(L("acct_phone_optional", language)), type: "tel",
                               hint: L("acct_phone_hint", language), error: error("phone"),
                               value: value("phone", customer.phone), autocomplete: "tel", widthClass: "fd-input--width-20")
        self.addressLine1 = TextInput(id: "address_line1", label: Label(L("acct_address_line1", language)), error: error("address_line1"),
                                      value: value("address_line1", customer.address?.line1 ?? ""), autocomplete: "address-line1")
        self.addressLine2 = TextInput(id: "address_line2", label: Label(L("acct_address_line2", language)), error: error("address_line2"),
                                      value: value("address_line2", customer.address?.line2 ?? ""), autocomplete: "address-line2")
        self.town = TextInput(id: "address_town", label: Label(L("acct_town", language)), error: error("address_town"),
                              value: value("address_town", customer.address?.town ?? ""), autocomplete: "address-level2")
        self.postcode = TextInput(id: "address_postcode", label: Label(L("acct_postcode", language)), error: error("address_postcode"),
                                  value: value("address_postcode", customer.address?.postcode.value ?? ""), autocomplete: "postal-code",
                                  widthClass: "fd-input--width-10")
        self.preferredChannel = Radios(ChoiceGroup(
            idPrefix: "preferred_channel", fieldset: Fieldset(legend: L("acct_contact_question", language), legendClasses: "fd-fieldset__legend--m"),
            error: error("preferred_channel"), options: ContactChannel.allCases.map { ($0.rawValue, $0.name(language), nil) },
            selected: [value("preferred_channel", customer.preferredChannel.rawValue)]))
        self.language = TextInput(id: "language", label: Label(L("acct_language_question", language)),
                                  hint: L("acct_language_hint", language), error: error("language"),
                                  value: value("language", customer.language), widthClass: "fd-input--width-20")
        let supports = form.map { Set($0.all("needs")) } ?? Set(customer.needs.supports.map(\.rawValue))
        self.needs = Checkboxes(ChoiceGroup(
            idPrefix: "needs", fieldset: Fieldset(legend: L("acct_needs_question", language), legendClasses: "fd-fieldset__legend--m"),
            hint: L("acct_needs_hint", language),
            options: CommunicationNeeds.Support.allCases.map { ($0.rawValue, $0.name(language), nil) }, selected: supports))
        self.interpreterLanguage = TextInput(id: "interpreter_language", label: Label(L("acct_interpreter_question", language)),
                                             error: error("interpreter_language"),
                                             value: value("interpreter_language", customer.needs.interpreterLanguage),
                                             widthClass: "fd-input--width-20")
        self.otherNeeds = Textarea(id: "needs_other", label: Label(L("acct_other_needs", language)),
                                   hint: L("acct_other_needs_hint", language), error: error("needs_other"),
                                   value: value("needs_other", customer.needs.other), rows: 3)
        self.consents = ConsentChoices.checkboxes(selected: form.map { Set($0.all("consents")) } ?? Set(agreed.map(\.purpose.rawValue)), language: language)
        self.submit = Button(L("acct_save_details", language))
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
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.changeEmail
        self.csrfToken = csrfToken
        self.backHref = basePath + ResidentPaths.account
        self.currentEmail = currentEmail
        self.email = TextInput(id: "email", label: Label(L("acct_new_email", language)), type: "email",
                               hint: L("acct_new_email_hint", language), error: validation.message(for: "email"),
                               value: enteredEmail, autocomplete: "email", spellcheck: false)
        self.password = TextInput(id: "password", label: Label(L("acct_your_password", language)), type: "password",
                                  error: validation.message(for: "password"), autocomplete: "current-password")
        self.submit = Button(L("acct_send_confirmation", language))
    }
}

extension ContactChannel {
    func name(_ language: SiteLanguage) -> String { L("contact_by_" + rawValue, language) }
}

extension CommunicationNeeds.Support {
    func name(_ language: SiteLanguage) -> String { L("need_" + rawValue.replacingOccurrences(of: "-", with: "_"), language) }
}

extension CommunicationNeeds {
    /// One line each, as `descriptions` gives them, in the page's language.
    func descriptions(_ language: SiteLanguage) -> [String] {
        var lines = Support.allCases.filter(supports.contains).map { support in
            support == .interpreter && !interpreterLanguage.isEmpty
                ? L("need_interpreter_for", language, ["language": interpreterLanguage]) : support.name(language)
        }
        if !other.isEmpty { lines.append(other) }
        return lines
    }
}
