import FrontDoorDomain

/// Create an account: name, email, password and the optional consents.
public struct RegisterPage: PageModel {
    public static let template = "resident-register"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var signInHref: String
    public var name: TextInput
    public var email: TextInput
    public var password: TextInput
    public var consents: Checkboxes
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, form: FormInput? = nil,
                validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.register
        self.csrfToken = csrfToken
        self.signInHref = basePath + ResidentPaths.signIn
        self.name = TextInput(id: "name", label: Label(L("acct_full_name", language)), error: validation.message(for: "name"),
                              value: form?["name"], autocomplete: "name", spellcheck: false)
        self.email = TextInput(id: "email", label: Label(L("acct_email", language)), type: "email",
                               hint: L("acct_email_confirm_hint", language), error: validation.message(for: "email"),
                               value: form?["email"], autocomplete: "email", spellcheck: false)
        self.password = TextInput(id: "password", label: Label(L("acct_create_password", language)), type: "password",
                                  hint: L("acct_password_hint", language, ["count": String(PasswordRule.minimumLength)]),
                                  error: validation.message(for: "password"), autocomplete: "new-password")
        self.consents = ConsentChoices.checkboxes(selected: Set(form?.all("consents") ?? []), language: language)
        self.submit = Button(L("acct_create_account_button", language))
    }
}

/// The consents as checkboxes, each labelled with its current wording.
enum ConsentChoices {
    static func checkboxes(selected: Set<String>, language: SiteLanguage = .english) -> Checkboxes {
        Checkboxes(ChoiceGroup(
            idPrefix: "consents", fieldset: Fieldset(legend: L("acct_keeping_in_touch", language), legendClasses: "fd-fieldset__legend--m"),
            hint: L("acct_change_mind", language),
            options: ConsentPurpose.allCases.map { ($0.rawValue, $0.wording(language), nil) }, selected: selected))
    }

    static func read(_ form: FormInput) -> Set<ConsentPurpose> {
        Set(form.all("consents").compactMap(ConsentPurpose.init(rawValue:)))
    }
}

/// Resident sign-in, with the shared-computer choice that shortens the session.
public struct ResidentSignInPage: PageModel {
    public static let template = "resident-sign-in"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var action: String
    public var csrfToken: String
    public var returnTo: String?
    public var registerHref: String
    public var forgotPasswordHref: String
    public var email: TextInput
    public var password: TextInput
    public var sharedDevice: Checkboxes
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, returnTo: String?, enteredEmail: String = "",
                sharedDevice: Bool = false, kiosk: SessionPolicy, banner: NotificationBanner? = nil, validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.banner = banner
        self.action = basePath + ResidentPaths.signIn
        self.csrfToken = csrfToken
        self.returnTo = returnTo
        self.registerHref = basePath + ResidentPaths.register
        self.forgotPasswordHref = basePath + ResidentPaths.forgotPassword
        self.email = TextInput(id: "email", label: Label(L("acct_email", language)), type: "email", error: validation.message(for: "email"),
                               value: enteredEmail, autocomplete: "username", spellcheck: false)
        self.password = TextInput(id: "password", label: Label(L("acct_password", language)), type: "password",
                                  error: validation.message(for: "password"), autocomplete: "current-password")
        self.sharedDevice = SharedComputerChoice.checkboxes(selected: sharedDevice, kiosk: kiosk, language: language)
        self.submit = Button(L("acct_sign_in_button", language))
    }
}

/// "I am using a shared or public computer", on both sign-in pages: such a session gets the kiosk timeouts.
enum SharedComputerChoice {
    static let field = "shared_device"

    static func checkboxes(selected: Bool, kiosk: SessionPolicy, language: SiteLanguage = .english) -> Checkboxes {
        Checkboxes(ChoiceGroup(
            idPrefix: "shared-device", name: field,
            fieldset: Fieldset(legend: L("acct_shared_computers", language), legendClasses: "fd-fieldset__legend--s"),
            options: [("yes", L("acct_shared_computer", language),
                       L("acct_shared_hint", language, ["minutes": String(Int(kiosk.idleTimeout / 60))]))],
            selected: selected ? ["yes"] : []))
    }

    static func read(_ form: FormInput) -> Bool { form[field] == "yes" }
}

/// Asks for the email address to send a reset link to.
public struct ForgotPasswordPage: PageModel {
    public static let template = "resident-forgot-password"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var email: TextInput
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, enteredEmail: String = "",
                validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.forgotPassword
        self.csrfToken = csrfToken
        self.email = TextInput(id: "email", label: Label(L("acct_email", language), isPageHeading: true), type: "email",
                               hint: L("acct_reset_hint", language),
                               error: validation.message(for: "email"), value: enteredEmail, autocomplete: "email", spellcheck: false)
        self.submit = Button(L("acct_send_link", language))
    }
}

/// Choose a new password, from a reset link.
public struct ResetPasswordPage: PageModel {
    public static let template = "resident-reset-password"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var token: String
    public var password: TextInput
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, token: String, validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.resetPassword
        self.csrfToken = csrfToken
        self.token = token
        self.password = TextInput(id: "password", label: Label(L("acct_new_password", language), isPageHeading: true), type: "password",
                                  hint: L("acct_password_hint", language, ["count": String(PasswordRule.minimumLength)]),
                                  error: validation.message(for: "password"), autocomplete: "new-password")
        self.submit = Button(L("acct_save_password", language))
    }
}

extension ConsentPurpose {
    /// The current wording in the page's language: the recorded version's English is the
    /// domain's; the Welsh is its translation in the catalogue.
    func wording(_ language: SiteLanguage) -> String {
        language == .english ? current.text : L("consent_" + rawValue.replacingOccurrences(of: "-", with: "_"), language)
    }
}
