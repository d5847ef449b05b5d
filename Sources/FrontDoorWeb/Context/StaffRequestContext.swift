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
        guard let session = context.staffSession else { throw SignInRequired() }
        self.coreContext = context.coreContext
        self.councilBox = context.councilBox
        self.csrfToken = context.csrfToken
        self.session = session
        self.remoteAddress = context.remoteAddress
    }
}

/// Thrown when a staff page is asked for without a live session: the error pages answer with
/// a redirect to sign-in that returns to the page asked for.
public struct SignInRequired: Error {}
