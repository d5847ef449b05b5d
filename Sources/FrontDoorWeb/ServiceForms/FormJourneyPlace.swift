import Foundation
import FrontDoorDomain

/// Where a form journey runs: for a resident in the portal, or for an advisor filling it in
/// for a customer. Everything else about the journey is the same code.
struct FormJourneyPlace: Sendable {
    /// Who is filling in: a resident, or a member of staff (for whichever customer the draft is for).
    var filler: Filler
    var councilID: UUID
    /// The council, for its calendar and case rules.
    var council: Council
    var csrfToken: String
    /// `/forms` or `/staff/forms`, with the council's path prefix.
    var formsBase: String
    /// Where a sent form is shown: the resident's request page, or the advisor's copy.
    let submittedHref: @Sendable (_ submissionID: UUID, _ reference: CaseReference) -> String
    /// The absolute link for the confirmation email, where the person can follow the request online.
    let requestLink: @Sendable (CaseReference) -> String?
    /// Where "Back" goes from the first question: the service's page, or the customer's record.
    let startHref: @Sendable (CouncilService, FormDraft) -> String
    let chrome: @Sendable (_ title: String, _ hasErrors: Bool) -> PageChrome
    /// The words around the council's questions (buttons, address lookup, check your answers).
    var language: SiteLanguage = .english

    enum Filler: Sendable {
        case resident(customerID: UUID)
        case staff(staffID: UUID)
        /// A guest, known by the digest of the secret their browser carries.
        case guest(tokenDigest: String)

        /// A draft opens only for the person who started it: its id alone opens nothing.
        func mayOpen(_ draft: FormDraft) -> Bool {
            switch (self, draft.filler) {
            case (.resident(let me), .resident(let owner)): me == owner
            case (.staff(let me), .staff(let owner, _)): me == owner
            case (.guest(let mine), .guest(_, let owners)): !mine.isEmpty && mine == owners
            default: false
            }
        }
    }

    func draftBase(_ draftID: String) -> String { formsBase + "/" + draftID }
    func questionHref(_ draftID: String, _ fieldID: String, changing: Bool = false) -> String {
        draftBase(draftID) + "/" + fieldID + (changing ? "?change=1" : "")
    }
    /// Check your answers is the draft's own address (no question id can clash with it).
    func checkHref(_ draftID: String) -> String { draftBase(draftID) }
}
