import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// A signed-in resident's session: who they are, and the digest that ends it.
public struct ResidentSession: Sendable, Equatable {
    public var customer: Customer
    public var tokenDigest: String
    public var sharedDevice: Bool
}

/// The request context for My Account pages: it exists only when a resident is signed in, and
/// every page behind it acts on `customer` alone, never on an identifier from the request, so
/// one resident cannot reach another's records by editing a link or a form.
public struct SignedInResidentContext: ChildRequestContext, CouncilScopedContext, CSRFProtectedContext {
    public var coreContext: CoreRequestContextStorage
    public let councilBox: CouncilBox
    public var csrfToken: String
    public let session: ResidentSession
    public let remoteAddress: String

    public var customer: Customer { session.customer }

    public init(context: ResidentRequestContext) throws {
        guard let session = context.residentSession else { throw SignInRequired(signInPath: ResidentPaths.signIn) }
        self.coreContext = context.coreContext
        self.councilBox = context.councilBox
        self.csrfToken = context.csrfToken
        self.session = session
        self.remoteAddress = context.remoteAddress
    }
}
