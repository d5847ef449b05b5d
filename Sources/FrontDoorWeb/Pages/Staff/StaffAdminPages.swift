import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// The council's staff, each with a link to change their role and teams, and the invitations
/// not yet answered.
public struct StaffPeoplePage: PageModel {
    public static let template = "staff-people"

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var invite: Button
    public var people: SummaryList
    public var pending: Table
    public var hasPending: Bool

    init(chrome: PageChrome, basePath: String, staff: [StaffAccount], teams: [Team], memberships: [UUID: Set<UUID>],
         pending: [StaffInvitationRepository.Invitation], banner: NotificationBanner?) {
        self.chrome = chrome
        self.banner = banner
        self.invite = Button("Invite someone", href: basePath + StaffPaths.invite)
        self.people = SummaryList(rows: staff.map { account in
            let teamNames = teams.filter { memberships[account.id]?.contains($0.id) == true }.map(\.name)
            return .init(key: account.displayName,
                         value: [account.email, account.role.displayName, teamNames.isEmpty ? "No team" : teamNames.joined(separator: ", ")]
                            .joined(separator: "\n"),
                         actions: [SummaryList.Action(href: basePath + StaffPaths.people + "/" + account.id.uuidString,
                                                      visuallyHiddenText: "role and teams of \(account.displayName)")])
        })
        self.pending = Table(caption: "Invitations not yet accepted", head: ["Name", "Email", "Role"],
                             rows: pending.map { [$0.displayName, $0.email, $0.role.displayName] })
        self.hasPending = !pending.isEmpty
    }
}

/// Role radios and team checkboxes, shared by the invitation form and the change form.
enum StaffRoleFields {
    static func role(selected: String?, error: String?) -> Radios {
        Radios(ChoiceGroup(idPrefix: "role", fieldset: Fieldset(legend: "Role", legendClasses: "fd-fieldset__legend--m"),
                           error: error, options: StaffRole.allCases.map { ($0.rawValue, $0.displayName, nil) },
                           selected: selected.map { [$0] } ?? []))
    }

    static func teams(_ teams: [Team], selected: Set<String>) -> Checkboxes? {
        teams.isEmpty ? nil : Checkboxes(ChoiceGroup(
            idPrefix: "teams", fieldset: Fieldset(legend: "Teams", legendClasses: "fd-fieldset__legend--m"),
            hint: "Back-office officers and team leads work on the cases of their teams' services.",
            options: teams.map { ($0.id.uuidString, $0.name, nil) }, selected: selected))
    }
}

/// Invite someone to the council's staff.
public struct StaffInvitePage: PageModel {
    public static let template = "staff-invite"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var backHref: String
    public var name: TextInput
    public var email: TextInput
    public var role: Radios
    public var teams: Checkboxes?
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, teams: [Team], form: FormInput? = nil,
         validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.action = basePath + StaffPaths.invite
        self.csrfToken = csrfToken
        self.backHref = basePath + StaffPaths.people
        self.name = TextInput(id: "name", label: Label("Full name"), error: validation.message(for: "name"), value: form?["name"],
                              spellcheck: false)
        self.email = TextInput(id: "email", label: Label("Work email address"), type: "email", hint: "We will send the invitation here",
                               error: validation.message(for: "email"), value: form?["email"], spellcheck: false)
        self.role = StaffRoleFields.role(selected: form?["role"], error: validation.message(for: "role"))
        self.teams = StaffRoleFields.teams(teams, selected: Set(form?.all("teams") ?? []))
        self.submit = Button("Send invitation")
    }
}

/// Change one member of staff's role and teams.
public struct StaffMemberPage: PageModel {
    public static let template = "staff-member"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var heading: String
    public var email: String
    public var action: String
    public var csrfToken: String
    public var backHref: String
    public var role: Radios
    public var teams: Checkboxes?
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, member: StaffAccount, memberTeams: Set<UUID>, teams: [Team],
         form: FormInput? = nil, validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.heading = member.displayName
        self.email = member.email
        self.action = basePath + StaffPaths.people + "/" + member.id.uuidString
        self.csrfToken = csrfToken
        self.backHref = basePath + StaffPaths.people
        self.role = StaffRoleFields.role(selected: form?["role"] ?? member.role.rawValue, error: validation.message(for: "role"))
        self.teams = StaffRoleFields.teams(teams, selected: form.map { Set($0.all("teams")) } ?? Set(memberTeams.map(\.uuidString)))
        self.submit = Button("Save changes")
    }
}

/// The council's teams, and a form to add one.
public struct TeamsPage: PageModel {
    public static let template = "staff-teams"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var teams: [String]
    public var hasTeams: Bool
    public var action: String
    public var csrfToken: String
    public var name: TextInput
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, teams: [Team], banner: NotificationBanner? = nil,
         enteredName: String = "", validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.banner = banner
        self.teams = teams.map(\.name)
        self.hasTeams = !teams.isEmpty
        self.action = basePath + StaffPaths.teams
        self.csrfToken = csrfToken
        self.name = TextInput(id: "name", label: Label("Team name"), hint: "For example, Waste and recycling",
                              error: validation.message(for: "name"), value: enteredName, widthClass: "fd-input--width-20")
        self.submit = Button("Add team")
    }
}

/// Council settings: for now, whether all staff must use two-factor sign-in.
public struct CouncilSettingsPage: PageModel {
    public static let template = "staff-settings"

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var action: String
    public var csrfToken: String
    public var twoFactor: Radios
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, council: Council, saved: Bool) {
        self.chrome = chrome
        self.banner = saved ? NotificationBanner(heading: "Settings saved", isSuccess: true) : nil
        self.action = basePath + StaffPaths.settings
        self.csrfToken = csrfToken
        self.twoFactor = Radios(ChoiceGroup(
            idPrefix: "two_factor", fieldset: Fieldset(legend: "Who must use two-factor sign-in?", legendClasses: "fd-fieldset__legend--m"),
            hint: "Two-factor sign-in asks for a code from an authenticator app as well as the password.",
            options: [("all", "All staff", "Each member of staff sets up an authenticator app at their next sign-in"),
                      ("administrators", "Administrators only", nil)],
            selected: [council.requiresTwoFactorForAllStaff ? "all" : "administrators"]))
        self.submit = Button("Save settings")
    }
}

/// Accept an invitation: the invited person sees who they will be and chooses a password.
public struct AcceptInvitationPage: PageModel {
    public static let template = "staff-accept-invitation"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var details: SummaryList
    public var action: String
    public var csrfToken: String
    public var token: String
    public var password: TextInput
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, token: String, invitation: StaffInvitationRepository.Invitation,
         validation: FormValidation = FormValidation()) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.details = SummaryList(rows: [
            .init(key: "Name", value: invitation.displayName),
            .init(key: "Email", value: invitation.email),
            .init(key: "Role", value: invitation.role.displayName),
        ])
        self.action = basePath + StaffPaths.invitation
        self.csrfToken = csrfToken
        self.token = token
        self.password = TextInput(id: "password", label: Label("Choose a password"), type: "password",
                                  hint: "At least \(PasswordRule.minimumLength) characters. Three random words make a good one.",
                                  error: validation.message(for: "password"), autocomplete: "new-password")
        self.submit = Button("Accept invitation")
    }
}
