import FrontDoorDomain
import FrontDoorPersistence

/// The email that starts a guest's form: the link on a line of its own, and what to do if it
/// was not them.
enum GuestEmails {
    static func formLink(service: CouncilService, council: Council, to address: String, link: String,
                         language: SiteLanguage = .english) -> QueuedEmail {
        let lines = [
            L("email_hello_anonymous", language),
            "",
            L("email_guest_open", language, ["service": service.name]),
            "",
            link,
            "",
            L("email_guest_works", language),
            "",
            L("email_guest_not_you", language),
            "",
            council.name,
        ]
        // "Report a missed bin" reads "Your link to report a missed bin".
        let service = service.name.prefix(1).lowercased() + service.name.dropFirst()
        return QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address, toName: "",
                           subject: L("email_guest_subject", language, ["service": service]), bodyText: lines.joined(separator: "\n"))
    }
}
