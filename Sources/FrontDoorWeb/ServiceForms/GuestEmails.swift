import FrontDoorDomain
import FrontDoorPersistence

/// The email that starts a guest's form: the link on a line of its own, and what to do if it
/// was not them.
enum GuestEmails {
    static func formLink(service: CouncilService, council: Council, to address: String, link: String) -> QueuedEmail {
        let lines = [
            "Hello,",
            "",
            "Open this link to start: \(service.name).",
            "",
            link,
            "",
            "The link works until you send the form. Do not share it: anyone with it can see what you have typed.",
            "",
            "If you did not ask for this, you do not need to do anything.",
            "",
            council.name,
        ]
        return QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address, toName: "",
                           subject: "Your link to \(service.name.prefix(1).lowercased() + service.name.dropFirst())", bodyText: lines.joined(separator: "\n"))
    }
}
