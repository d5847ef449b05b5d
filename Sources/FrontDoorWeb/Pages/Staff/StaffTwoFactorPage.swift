/// The second step of staff sign-in: a code from the authenticator app, or setting one up.
public struct StaffTwoFactorPage: PageModel {
    public static let template = "staff-two-factor"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var heading: String
    public var isSetUp: Bool
    /// The secret in groups of four, for typing into an app by hand.
    public var setupKey: String?
    public var authenticatorURL: String?
    public var action: String
    public var csrfToken: String
    public var returnTo: String?
    public var code: TextInput
    public var submit: Button

    public init(chrome: PageChrome, basePath: String, csrfToken: String, returnTo: String?, step: StaffSignIn.SecondFactorStep,
                issuer: String, validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.action = basePath + StaffPaths.twoFactor
        self.csrfToken = csrfToken
        self.returnTo = returnTo
        self.submit = Button("Continue")
        switch step {
        case .enterCode:
            heading = "Enter your security code"
            isSetUp = false
            setupKey = nil
            authenticatorURL = nil
            code = TextInput(id: "code", label: Label("Security code"),
                             hint: "The 6-digit code your authenticator app shows. If you no longer have the app, enter one of your recovery codes.",
                             error: validation.message(for: "code"), autocomplete: "one-time-code", spellcheck: false,
                             widthClass: "fd-input--width-10")
        case .setUp(let account, let secret):
            heading = "Set up two-factor sign-in"
            isSetUp = true
            setupKey = stride(from: 0, to: secret.count, by: 4).map { offset in
                let start = secret.index(secret.startIndex, offsetBy: offset)
                return String(secret[start..<secret.index(start, offsetBy: min(4, secret.count - offset))])
            }.joined(separator: " ")
            authenticatorURL = OneTimePasswordVerifier(secret: secret).authenticatorURL(account: account.email, issuer: issuer)
            code = TextInput(id: "code", label: Label("Code from the app"), hint: "The 6 digits the app shows for this account",
                             error: validation.message(for: "code"), autocomplete: "one-time-code", inputmode: "numeric",
                             spellcheck: false, widthClass: "fd-input--width-10")
        }
    }
}

/// Shown once, straight after two-factor is set up.
public struct StaffRecoveryCodesPage: PageModel {
    public static let template = "staff-recovery-codes"

    public var chrome: PageChrome
    public var codes: [String]
    public var continueButton: Button

    public init(chrome: PageChrome, codes: [String], continueTo: String) {
        self.chrome = chrome
        self.codes = codes
        self.continueButton = Button("Continue", href: continueTo)
    }
}
