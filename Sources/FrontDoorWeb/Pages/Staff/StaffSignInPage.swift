import FrontDoorDomain
/// Staff sign-in: email and password, with the GOV.UK error summary.
public struct StaffSignInPage: PageModel {
    public static let template = "staff-sign-in"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var signedOutBanner: NotificationBanner?
    public var action: String
    public var csrfToken: String
    public var returnTo: String?
    public var email: TextInput
    public var password: TextInput
    public var sharedDevice: Checkboxes
    public var submit: Button
    /// "Sign in with {provider}", when the council has single sign-on.
    public var singleSignOn: SingleSignOnChoice?

    public struct SingleSignOnChoice: Sendable {
        public var button: Button
        public var message: String?
    }

    public init(chrome: PageChrome, basePath: String, csrfToken: String, returnTo: String?, enteredEmail: String = "",
                sharedDevice: Bool = false, kiosk: SessionPolicy = .kiosk,
                validation: FormValidation = FormValidation(), signedOut: Bool = false, invitationAccepted: Bool = false,
                singleSignOnName: String? = nil, singleSignOnMessage: String? = nil) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.signedOutBanner = signedOut ? NotificationBanner(heading: "You have signed out", isSuccess: true)
            : invitationAccepted ? NotificationBanner(heading: "Your account is ready", text: "Sign in with your email address and new password.", isSuccess: true)
            : nil
        self.action = basePath + StaffPaths.signIn
        self.csrfToken = csrfToken
        self.returnTo = returnTo
        self.email = TextInput(id: "email", label: Label("Email address"), type: "email", error: validation.message(for: "email"),
                               value: enteredEmail, autocomplete: "username", spellcheck: false)
        self.password = TextInput(id: "password", label: Label("Password"), type: "password",
                                  error: validation.message(for: "password"), autocomplete: "current-password")
        self.sharedDevice = SharedComputerChoice.checkboxes(selected: sharedDevice, kiosk: kiosk)
        self.submit = Button("Sign in")
        self.singleSignOn = singleSignOnName.map {
            SingleSignOnChoice(button: Button("Sign in with \($0)", href: basePath + StaffPaths.singleSignOn + (returnTo.map(SafeReturnPath.query) ?? ""),
                                              variant: .secondary),
                               message: singleSignOnMessage)
        }
    }
}

/// Where a signed-in member of staff lands.
public struct StaffHomePage: PageModel {
    public static let template = "staff-home"

    public var chrome: PageChrome
    public var heading: String
    public var details: SummaryList
    public var signOutAction: String
    public var csrfToken: String
    public var signOut: Button
    /// Links to the parts of the product this member of staff may use.
    public var tasks: [PageChrome.FooterLink]
    public var hasTasks: Bool

    public init(chrome: PageChrome, basePath: String, context: StaffRequestContext) {
        self.chrome = chrome
        self.heading = "Signed in as \(context.staff.displayName)"
        self.details = SummaryList(rows: [
            .init(key: "Name", value: context.staff.displayName),
            .init(key: "Email", value: context.staff.email),
            .init(key: "Role", value: context.staff.role.displayName),
            .init(key: "Council", value: context.council?.name ?? ""),
        ])
        self.signOutAction = basePath + StaffPaths.signOut
        self.csrfToken = context.csrfToken
        self.signOut = Button("Sign out", variant: .secondary)
        let offered: [(StaffAction, String, String)] = [
            (.viewCustomer, StaffPaths.customers, "Find a customer"),
            (.logContact, StaffPaths.calls, "Your calls"),
            (.logContact, StaffPaths.callbacks, "Callbacks"),
            (.logContact, StaffPaths.contacts, "Unknown callers"),
            (.viewCase, StaffPaths.queue, "Work queue"),
            (.manageStaff, StaffPaths.people, "Staff and invitations"),
            (.manageTeams, StaffPaths.teams, "Teams"),
            (.manageCouncilSettings, StaffPaths.settings, "Council settings"),
            (.manageCouncilSettings, StaffPaths.calendar, "Working days and case rules"),
            (.manageCouncilSettings, StaffPaths.complaintPolicy, "Complaints policy"),
            (.manageCouncilSettings, StaffPaths.jobs, "Background jobs"),
            (.manageCouncilSettings, StaffPaths.webhooks, "Webhooks"),
            (.manageServices, StaffPaths.notifications, "Notifications"),
            (.manageServices, StaffPaths.alerts, "Service alerts"),
            (.viewAuditTrail, StaffPaths.auditTrail, "Audit trail"),
            (.viewPerformance, StaffPaths.performance, "Performance"),
            (.viewPerformance, StaffPaths.pageFeedback, "Is this page useful? answers"),
        ]
        // The catalogue is for everyone on the staff: it says what each service promises.
        self.tasks = offered.filter { context.may($0.0) }.map { PageChrome.FooterLink(href: basePath + $0.1, text: $0.2) }
            + [PageChrome.FooterLink(href: basePath + StaffPaths.services, text: "Services")]
        self.hasTasks = !tasks.isEmpty
    }
}

/// Staff paths, in one place (see `SitePath` for the public ones).
public enum StaffPaths {
    public static let home = "/staff"
    public static let signIn = "/staff/sign-in"
    public static let signOut = "/staff/sign-out"
    public static let twoFactor = "/staff/two-factor"
    public static let auditTrail = "/staff/audit"
    public static let auditTrailCSV = "/staff/audit.csv"
    public static let pageFeedback = "/staff/page-feedback"
    /// The manager dashboard, its tables as CSV, and the contacts and cases behind its figures.
    public static let performance = "/staff/performance"
    public static let performanceCSV = "/staff/performance.csv"
    public static let performanceContacts = "/staff/performance/contacts"
    public static let performanceCases = "/staff/performance/cases"
    public static let channelCosts = "/staff/performance/costs"
    public static let pageFeedbackCSV = "/staff/page-feedback.csv"
    public static let people = "/staff/people"
    public static let customers = "/staff/customers"
    /// Contacts from unknown callers: logging them, and linking them to a record later.
    public static let contacts = "/staff/contacts"
    public static let services = "/staff/services"
    /// Callbacks still to make, earliest window first.
    public static let callbacks = "/staff/callbacks"
    /// Calls put through to this advisor (the screen pop, without the script).
    public static let calls = "/staff/calls"
    /// Background jobs: counts by state, and the dead ones to retry or discard.
    public static let jobs = "/staff/jobs"
    /// The council's notification wording, by event and channel.
    public static let notifications = "/staff/notifications"
    /// Back-office systems' webhook endpoints and the delivery log.
    public static let webhooks = "/staff/webhooks"
    /// Service alerts: publishing, the list, withdrawing.
    public static let alerts = "/staff/alerts"
    /// The WebSocket that pushes those calls to the browser as they ring.
    public static let callScreenSocket = "/staff/calls/live"
    /// Managing the catalogue as a whole: `/new`, `/export.yaml`, `/export.json`, `/import`
    /// (apart from `/staff/services/{code}`, so no service code can clash with them).
    public static let catalogue = "/staff/catalogue"
    /// A case by its reference: `/staff/cases/FD-2026-000001`.
    public static let cases = "/staff/cases"
    /// Work queues, filtered by query parameters; `/assign` assigns the cases ticked.
    public static let queue = "/staff/queue"
    /// The council's working calendar and case rules.
    public static let calendar = "/staff/calendar"
    /// The council's complaint handling policy for each type of complaint.
    public static let complaintPolicy = "/staff/complaint-policy"
    /// Forms an advisor is filling in for a customer: `/staff/forms/{draft}[/{question}]`.
    public static let forms = "/staff/forms"
    /// Requests sent: `/staff/requests/{id}`, files at `/staff/requests/{id}/files/{file}`.
    public static let requests = "/staff/requests"
    public static let invite = "/staff/people/invite"
    public static let teams = "/staff/teams"
    public static let settings = "/staff/settings"
    /// Outside the signed-in area: the invited person has no account yet.
    public static let invitation = "/staff/invitation"
    /// Starts a sign-in through the council's identity provider.
    public static let singleSignOn = "/staff/sign-in/provider"
    /// Where the identity provider sends the browser back.
    public static let singleSignOnCallback = "/staff/sso/callback"
}
