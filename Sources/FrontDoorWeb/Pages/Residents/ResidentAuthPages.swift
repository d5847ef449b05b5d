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
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.register
        self.csrfToken = csrfToken
        self.signInHref = basePath + ResidentPaths.signIn
        self.name = TextInput(id: "name", label: Label("Full name"), error: validation.message(for: "name"),
                              value: form?["name"], autocomplete: "name", spellcheck: false)
        self.email = TextInput(id: "email", label: Label("Email address"), type: "email",
                               hint: "We will send you a link to confirm it", error: validation.message(for: "email"),
                               value: form?["email"], autocomplete: "email", spellcheck: false)
        self.password = TextInput(id: "password", label: Label("Create a password"), type: "password",
                                  hint: "At least \(PasswordRule.minimumLength) characters. Three random words make a good one.",
                                  error: validation.message(for: "password"), autocomplete: "new-password")
        self.consents = ConsentChoices.checkboxes(selected: Set(form?.all("consents") ?? []))
        self.submit = Button("Create account")
    }
}

/// The consents as checkboxes, each labelled with its current wording.
enum ConsentChoices {
    static func checkboxes(selected: Set<String>) -> Checkboxes {
        Checkboxes(ChoiceGroup(
            idPrefix: "consents", fieldset: Fieldset(legend: "Keeping in touch (optional)", legendClasses: "fd-fieldset__legend--m"),
            hint: "You can change your mind at any time in your account.",
            options: ConsentPurpose.allCases.map { ($0.rawValue, $0.current.text, nil) }, selected: selected))
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
        self.errorSummary = validation.summary
        self.banner = banner
        self.action = basePath + ResidentPaths.signIn
        self.csrfToken = csrfToken
        self.returnTo = returnTo
        self.registerHref = basePath + ResidentPaths.register
        self.forgotPasswordHref = basePath + ResidentPaths.forgotPassword
        self.email = TextInput(id: "email", label: Label("Email address"), type: "email", error: validation.message(for: "email"),
                               value: enteredEmail, autocomplete: "username", spellcheck: false)
        self.password = TextInput(id: "password", label: Label("Password"), type: "password",
                                  error: validation.message(for: "password"), autocomplete: "current-password")
        self.sharedDevice = SharedComputerChoice.checkboxes(selected: sharedDevice, kiosk: kiosk)
        self.submit = Button("Sign in")
    }
}

/// "I am using a shared or public computer", on both sign-in pages: such a session gets the kiosk timeouts.
enum SharedComputerChoice {
    static let field = "shared_device"

    static func checkboxes(selected: Bool, kiosk: SessionPolicy) -> Checkboxes {
        Checkboxes(ChoiceGroup(
            idPrefix: "shared-device", name: field,
            fieldset: Fieldset(legend: "Shared computers", legendClasses: "fd-fieldset__legend--s"),
            options: [("yes", "I am using a shared or public computer",
                       "We will sign you out after \(Int(kiosk.idleTimeout / 60)) minutes without activity")],
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
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.forgotPassword
        self.csrfToken = csrfToken
        self.email = TextInput(id: "email", label: Label("Email address", isPageHeading: true), type: "email",
                               hint: "We will email you a link to choose a new password",
                               error: validation.message(for: "email"), value: enteredEmail, autocomplete: "email", spellcheck: false)
        self.submit = Button("Send link")
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
        self.errorSummary = validation.summary
        self.action = basePath + ResidentPaths.resetPassword
        self.csrfToken = csrfToken
        self.token = token
        self.password = TextInput(id: "password", label: Label("Choose a new password", isPageHeading: true), type: "password",
                                  hint: "At least \(PasswordRule.minimumLength) characters. Three random words make a good one.",
                                  error: validation.message(for: "password"), autocomplete: "new-password")
        self.submit = Button("Save password")
    }
}
