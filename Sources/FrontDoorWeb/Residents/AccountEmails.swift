import FrontDoorDomain
import FrontDoorPersistence

/// The wording of the emails about accounts. Plain text, short, with the link on a line of its
/// own (long links wrap badly inside sentences) and what to do if it was not them.
enum AccountEmails {
    static func confirmAddress(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        linkMessage(council: council, to: email, name: customer.name, subject: "Confirm your email address",
                    intro: "To finish creating your \(council.name) account, confirm your email address by opening this link:",
                    link: link, lifetime: AccountTokenPurpose.verifyEmail.lifetimeDescription,
                    ifNotYou: "If you did not create an account, you do not need to do anything: without confirmation the account cannot be used.")
    }

    /// Someone registered with an address that already has an account (perhaps its owner, who
    /// forgot): say so to the owner only, never on the page, so the page reveals nothing.
    static func alreadyRegistered(to customer: Customer, email: String, council: Council, signInLink: String, resetLink: String) -> QueuedEmail {
        message(council: council, to: email, name: customer.name, subject: "You already have an account", lines: [
            "Someone tried to create a \(council.name) account with this email address, but you already have one.",
            "",
            "Sign in:",
            signInLink,
            "",
            "If you have forgotten your password, choose a new one (this link works once, for \(AccountTokenPurpose.resetPassword.lifetimeDescription)):",
            resetLink,
            "",
            "If this was not you, you do not need to do anything. Your account has not changed.",
        ])
    }

    /// A customer the council already knows (who contacted us before without an account) asked
    /// to register: they finish by choosing a password through a link sent to that address.
    static func finishRegistration(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        linkMessage(council: council, to: email, name: customer.name, subject: "Finish creating your account",
                    intro: "To finish creating your \(council.name) account, choose a password by opening this link:",
                    link: link, lifetime: AccountTokenPurpose.resetPassword.lifetimeDescription,
                    ifNotYou: "If you did not ask for an account, you do not need to do anything.")
    }

    static func resetPassword(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        linkMessage(council: council, to: email, name: customer.name, subject: "Reset your password",
                    intro: "Someone asked to reset the password for your \(council.name) account. To choose a new password, open this link:",
                    link: link, lifetime: AccountTokenPurpose.resetPassword.lifetimeDescription,
                    ifNotYou: "If you did not ask, you do not need to do anything: your password has not changed.")
    }

    static func confirmNewAddress(to customer: Customer, newEmail: String, council: Council, link: String) -> QueuedEmail {
        linkMessage(council: council, to: newEmail, name: customer.name, subject: "Confirm your new email address",
                    intro: "To start using this email address for your \(council.name) account, open this link:",
                    link: link, lifetime: AccountTokenPurpose.changeEmail.lifetimeDescription,
                    ifNotYou: "If you did not ask for this, you do not need to do anything.")
    }

    /// Sent to the old address once a change is confirmed, so a hijacked account is noticed.
    static func addressChanged(to customer: Customer, oldEmail: String, newEmail: String, council: Council) -> QueuedEmail {
        message(council: council, to: oldEmail, name: customer.name, subject: "Your email address has changed", lines: [
            "The email address for your \(council.name) account is now \(newEmail). We will not send emails about your account to this address any more.",
            "",
            "If you did not make this change, contact us straight away: \(council.contact.phone) or \(council.contact.email).",
        ])
    }

    static func passwordChanged(to customer: Customer, email: String, council: Council) -> QueuedEmail {
        message(council: council, to: email, name: customer.name, subject: "Your password has changed", lines: [
            "The password for your \(council.name) account has been changed, and any device that was signed in has been signed out.",
            "",
            "If you did not make this change, contact us straight away: \(council.contact.phone) or \(council.contact.email).",
        ])
    }

    /// An email whose point is one single-use link.
    static func linkMessage(council: Council, to address: String, name: String, subject: String, intro: String,
                            link: String, lifetime: String, ifNotYou: String) -> QueuedEmail {
        message(council: council, to: address, name: name, subject: subject, lines: [
            intro, "", link, "", "The link works once and stops working after \(lifetime).", "", ifNotYou,
        ])
    }

    /// Greeting, the lines, then the council's name and website; the subject names the council.
    static func message(council: Council, to address: String, name: String, subject: String, lines: [String]) -> QueuedEmail {
        QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address.lowercased(), toName: name,
                    subject: "\(subject) – \(council.name)",
                    bodyText: (["Hello \(name),", ""] + lines + ["", council.name, council.contact.websiteURL]).joined(separator: "\n"))
    }
}
