import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Staff administration: people and invitations (administrators), teams (managers and
/// administrators), council settings (administrators), and accepting an invitation.
struct StaffAdminRoutes {
    let renderer: PageRenderer
    let administration: StaffAdministration
    let accountRoutes: ResidentAccountRoutes

    func register(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, administration = self.administration, shared = self.accountRoutes
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        @Sendable func actor(_ context: StaffRequestContext) -> StaffAdministration.Actor {
            .init(account: context.staff, address: context.remoteAddress, now: Date())
        }

        staff.get("people") { request, context -> Response in
            try context.require(.manageStaff)
            let council = try ResidentAccountRoutes.council(context)
            let banner = request.uri.queryParameters["invited"].map {
                NotificationBanner(heading: "Invitation sent", text: "We have emailed an invitation to \($0).", isSuccess: true)
            } ?? (request.uri.queryParameters["saved"] != nil ? NotificationBanner(heading: "Changes saved", isSuccess: true) : nil)
            return try renderer.response(StaffPeoplePage(
                chrome: shared.chrome("Staff and invitations", context), basePath: context.basePath,
                staff: try await administration.staff.all(councilID: council.id),
                teams: try await administration.teams.all(councilID: council.id),
                memberships: try await administration.teams.memberships(councilID: council.id),
                pending: try await administration.invitations.pending(councilID: council.id, now: Date()), banner: banner))
        }

        staff.get("people/invite") { _, context -> Response in
            try context.require(.manageStaff)
            let council = try ResidentAccountRoutes.council(context)
            return try renderer.response(StaffInvitePage(chrome: shared.chrome("Invite someone", context), basePath: context.basePath,
                                                         csrfToken: context.csrfToken, teams: try await administration.teams.all(councilID: council.id)))
        }

        staff.post("people/invite") { request, context -> Response in
            try context.require(.manageStaff)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let teams = try await administration.teams.all(councilID: council.id)
            var validation = FormValidation()
            validation.required("name", form["name"], "Enter their full name")
            validation.requiredEmail("email", form["email"], missing: "Enter their work email address")
            let role = StaffRole(rawValue: form["role"])
            validation.check("role", role != nil, "Select their role")
            if let role, validation.isValid {
                let chosenTeams = Set(form.all("teams").compactMap(UUID.init(uuidString:))).intersection(teams.map(\.id))
                let invitation = StaffInvitationRepository.Invitation(email: form["email"], displayName: form["name"], role: role, teamIDs: chosenTeams)
                switch try await administration.invite(invitation, council: council, by: actor(context), link: shared.link(request, context)) {
                case .sent:
                    return .redirect(to: context.basePath + StaffPaths.people + "?invited=" +
                                     (invitation.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                case .alreadyStaff:
                    validation.add("email", "This person already has a staff account")
                }
            }
            return try renderer.response(StaffInvitePage(chrome: shared.chrome("Invite someone", context, hasErrors: true),
                                                         basePath: context.basePath, csrfToken: context.csrfToken, teams: teams,
                                                         form: form, validation: validation), status: .unprocessableContent)
        }

        @Sendable func member(_ context: StaffRequestContext) async throws -> StaffAccount {
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let member = try await administration.staff.find(id: id), member.councilID == context.staff.councilID else {
                throw HTTPError(.notFound)
            }
            return member
        }

        staff.get("people/:id") { _, context -> Response in
            try context.require(.manageStaff)
            let member = try await member(context)
            return try renderer.response(StaffMemberPage(
                chrome: shared.chrome(member.displayName, context), basePath: context.basePath, csrfToken: context.csrfToken,
                member: member, memberTeams: try await administration.teams.teamIDs(of: member.id),
                teams: try await administration.teams.all(councilID: member.councilID)))
        }

        staff.post("people/:id") { request, context -> Response in
            try context.require(.manageStaff)
            let council = try ResidentAccountRoutes.council(context)
            let member = try await member(context)
            let form = try await FormInput.read(from: request, context: context)
            var validation = FormValidation()
            if let role = StaffRole(rawValue: form["role"]) {
                let teams = Set(form.all("teams").compactMap(UUID.init(uuidString:)))
                if let problem = try await administration.change(member, role: role, teamIDs: teams, council: council, by: actor(context)) {
                    validation.add("role", problem.message)
                } else {
                    return .redirect(to: context.basePath + StaffPaths.people + "?saved=1")
                }
            } else {
                validation.add("role", "Select a role")
            }
            return try renderer.response(StaffMemberPage(
                chrome: shared.chrome(member.displayName, context, hasErrors: true), basePath: context.basePath,
                csrfToken: context.csrfToken, member: member, memberTeams: [],
                teams: try await administration.teams.all(councilID: council.id), form: form, validation: validation),
                status: .unprocessableContent)
        }

        staff.get("teams") { request, context -> Response in
            try context.require(.manageTeams)
            let council = try ResidentAccountRoutes.council(context)
            return try renderer.response(TeamsPage(
                chrome: shared.chrome("Teams", context), basePath: context.basePath, csrfToken: context.csrfToken,
                teams: try await administration.teams.all(councilID: council.id),
                banner: request.uri.queryParameters["added"] != nil ? NotificationBanner(heading: "Team added", isSuccess: true) : nil))
        }

        staff.post("teams") { request, context -> Response in
            try context.require(.manageTeams)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let name = form["name"]
            var validation = FormValidation()
            if validation.required("name", name, "Enter a team name") {
                validation.maximumLength("name", name, 100, "Team name must be 100 characters or fewer")
            }
            if validation.isValid {
                do {
                    try await administration.createTeam(named: name, council: council, by: actor(context))
                    return .redirect(to: context.basePath + StaffPaths.teams + "?added=1")
                } catch is TeamRepository.NameTaken {
                    validation.add("name", "There is already a team called \(name)")
                }
            }
            return try renderer.response(TeamsPage(
                chrome: shared.chrome("Teams", context, hasErrors: true), basePath: context.basePath, csrfToken: context.csrfToken,
                teams: try await administration.teams.all(councilID: council.id), enteredName: name, validation: validation),
                status: .unprocessableContent)
        }

        staff.get("settings") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            return try renderer.response(CouncilSettingsPage(chrome: shared.chrome("Council settings", context), basePath: context.basePath,
                                                             csrfToken: context.csrfToken, council: council,
                                                             saved: request.uri.queryParameters["saved"] != nil))
        }

        staff.post("settings") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            guard ["all", "administrators"].contains(form["two_factor"]) else {
                throw Refusal(.unprocessableContent, heading: "Choose who must use two-factor sign-in",
                              explanation: "Go back and select all staff or administrators only.")
            }
            try await administration.setTwoFactorForAllStaff(form["two_factor"] == "all", council: council, by: actor(context))
            return .redirect(to: context.basePath + StaffPaths.settings + "?saved=1")
        }

        registerInvitationAcceptance(on: router)
    }

    private func registerInvitationAcceptance(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, administration = self.administration, shared = self.accountRoutes

        @Sendable func problem(_ outcome: StaffAdministration.AcceptOutcome, _ context: ResidentRequestContext) throws -> Response {
            let (heading, text): (String, String) = switch outcome {
            case .used: ("This invitation has already been used", "If you have set your password, sign in. Otherwise ask your administrator for a new invitation.")
            case .expired: ("This invitation has expired", "Invitations work for \(StaffInvitationPolicy.lifetimeDescription). Ask your administrator to send a new one.")
            case .alreadyStaff: ("You already have a staff account", "Sign in with your email address and password.")
            case .unknown, .accepted: ("This invitation link does not work", "Check you copied the whole link from the email, or ask your administrator for a new invitation.")
            }
            return try renderer.response(ResidentMessagePage(chrome: shared.chrome(heading, context), heading: heading, paragraphs: [text],
                                                             link: .init(href: context.basePath + StaffPaths.signIn, text: "Staff sign in")),
                                         status: outcome == .unknown ? .notFound : .gone)
        }

        router.get(RouterPath(StaffPaths.invitation)) { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let (outcome, invitation) = try await administration.check(invitationToken: token, council: council, now: Date())
            guard case .accepted = outcome, let invitation else { return try problem(outcome, context) }
            return try renderer.response(AcceptInvitationPage(chrome: shared.chrome("Accept your invitation", context), basePath: context.basePath,
                                                              csrfToken: context.csrfToken, token: token, invitation: invitation))
        }

        router.post(RouterPath(StaffPaths.invitation)) { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let token = form["token"], password = form.raw("password")
            var validation = FormValidation()
            ResidentAccountRoutes.checkNewPassword(password, into: &validation, commonPasswords: shared.commonPasswords)
            if validation.isValid {
                let outcome = try await administration.accept(invitationToken: token, password: password, council: council,
                                                              address: context.remoteAddress, now: Date())
                guard case .accepted = outcome else { return try problem(outcome, context) }
                return .redirect(to: context.basePath + StaffPaths.signIn + "?invitation-accepted=1")
            }
            let (outcome, invitation) = try await administration.check(invitationToken: token, council: council, now: Date())
            guard case .accepted = outcome, let invitation else { return try problem(outcome, context) }
            return try renderer.response(AcceptInvitationPage(chrome: shared.chrome("Accept your invitation", context, hasErrors: true),
                                                              basePath: context.basePath, csrfToken: context.csrfToken, token: token,
                                                              invitation: invitation, validation: validation), status: .unprocessableContent)
        }
    }
}
