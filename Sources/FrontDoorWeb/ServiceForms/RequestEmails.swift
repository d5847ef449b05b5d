import FrontDoorDomain
import FrontDoorPersistence

/// The confirmation sent when a request is made: its reference, what happens next and, where
/// the person can follow it online, the link. Written to the outbox in the same transaction as
/// the request, so it goes exactly when a request exists.
enum RequestEmails {
    static func received(_ opened: Case, service: CouncilService, council: Council, to address: String, name: String,
                         link: String?) -> QueuedEmail {
        var lines = [
            name.isEmpty ? "Hello," : "Dear \(name),",
            "",
            "We have received your request: \(service.name).",
            "",
            "Your reference is \(opened.reference). Quote it if you contact us about this request.",
            "",
            "What happens next: \(service.standard.statement). We aim to deal with it by \(CaseDates.due(opened.resolveBy)).",
        ]
        if let link {
            lines += ["", "See its progress, and reply if we ask you something:", link]
        }
        lines += ["", council.name, council.contact.phone]
        return QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address, toName: name,
                           subject: "We have received your request \(opened.reference)", bodyText: lines.joined(separator: "\n"))
    }
}
