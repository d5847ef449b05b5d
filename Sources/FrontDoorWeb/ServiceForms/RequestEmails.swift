import FrontDoorDomain
import FrontDoorPersistence

/// The confirmation sent when a request is made: its reference, what happens next and, where
/// the person can follow it online, the link. Written to the outbox in the same transaction as
/// the request, so it goes exactly when a request exists.
enum RequestEmails {
    static func received(_ opened: Case, service: CouncilService, council: Council, to address: String, name: String,
                         link: String?, language: SiteLanguage = .english) -> QueuedEmail {
        var lines = [
            name.isEmpty ? L("email_hello_anonymous", language) : L("email_dear", language, ["name": name]),
            "",
            L("email_received_what", language, ["service": service.name]),
            "",
            L("email_received_reference", language, ["reference": opened.reference.description]),
            "",
            L("email_received_next", language, ["standard": service.standard.statement, "due": CaseDates.due(opened.resolveBy, language)]),
        ]
        if let link {
            lines += ["", L("email_received_progress", language), link]
        }
        lines += ["", council.name, council.contact.phone]
        return QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address, toName: name,
                           subject: L("email_received_subject", language, ["reference": opened.reference.description]),
                           bodyText: lines.joined(separator: "\n"))
    }
}
