import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The request context for staff pages: it exists only when a member of staff is signed in,
/// so a handler that takes it cannot run for anyone else.
public struct StaffRequestContext: ChildRequestContext, CouncilScopedContext, CSRFProtectedContext {
    public var coreContext: CoreRequestContextStorage
    public let councilBox: CouncilBox
    public var csrfToken: String
    public let session: StaffSessionRepository.Session
    public let remoteAddress: String

    public var staff: StaffAccount { session.account }

    public init(context: ResidentRequestContext) throws {
        guard let session = context.staffSession else { throw SignInRequired(signInPath: StaffPaths.signIn) }
        self.coreContext = context.coreContext
        self.councilBox = context.councilBox
        self.csrfToken = context.csrfToken
        self.session = session
        self.remoteAddress = context.remoteAddress
    }
}

extension StaffRequestContext {
    /// This member of staff, as the permission rules see them.
    public var member: StaffMember { StaffMember(role: staff.role, councilID: staff.councilID, teamIDs: session.teamIDs) }

    /// Whether they may do `action` on the council's own records (no team, standard sensitivity).
    public func may(_ action: StaffAction) -> Bool {
        Permissions.isAllowed(member, action, on: ResourceScope(councilID: staff.councilID))
    }

    /// Refuses with the 403 page unless the permission rules allow `action`.
    public func require(_ action: StaffAction, on resource: ResourceScope? = nil) throws {
        try require(Permissions.decide(member, action, on: resource ?? ResourceScope(councilID: staff.councilID)))
    }

    /// Refuses with the 403 page unless `decision`, one of the permission rules' answers, allows.
    public func require(_ decision: Permissions.Decision) throws {
        if case .denied(let reason) = decision {
            throw Refusal(.forbidden, heading: "You cannot do that",
                          explanation: "You cannot do this: \(reason.rawValue). If you think you should be able to, ask an administrator.")
        }
    }
}

/// Thrown when a page that needs a sign-in is asked for without a live session: the error pages
/// answer with a redirect to `signInPath` that returns to the page asked for.
public struct SignInRequired: Error {
    public var signInPath: String
}
