import FrontDoorDomain
import FrontDoorPersistence

/// The wording of the emails about accounts. Plain text, short, with the link on a line of its
/// own (long links wrap badly inside sentences) and what to do if it was not them. Each goes in
/// the language the customer asked us to use (see `SiteLanguage.forCorrespondence`).
enum AccountEmails {
    static func confirmAddress(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return linkMessage(council: council, to: email, name: customer.name, subject: L("email_confirm_subject", language),
                           intro: L("email_confirm_intro", language, ["council": council.name]),
                           link: link, lifetime: L("link_lifetime_day", language),
                           ifNotYou: L("email_confirm_not_you", language), language: language)
    }

    /// Someone registered with an address that already has an account (perhaps its owner, who
    /// forgot): say so to the owner only, never on the page, so the page reveals nothing.
    static func alreadyRegistered(to customer: Customer, email: String, council: Council, signInLink: String, resetLink: String) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return message(council: council, to: email, name: customer.name, subject: L("email_already_subject", language), lines: [
            L("email_already_intro", language, ["council": council.name]),
            "",
            L("email_already_sign_in", language),
            signInLink,
            "",
            L("email_already_reset", language, ["lifetime": L("link_lifetime_hour", language)]),
            resetLink,
            "",
            L("email_already_not_you", language),
        ], language: language)
    }

    /// A customer the council already knows (who contacted us before without an account) asked
    /// to register: they finish by choosing a password through a link sent to that address.
    static func finishRegistration(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return linkMessage(council: council, to: email, name: customer.name, subject: L("email_finish_subject", language),
                           intro: L("email_finish_intro", language, ["council": council.name]),
                           link: link, lifetime: L("link_lifetime_hour", language),
                           ifNotYou: L("email_finish_not_you", language), language: language)
    }

    static func resetPassword(to customer: Customer, email: String, council: Council, link: String) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return linkMessage(council: council, to: email, name: customer.name, subject: L("email_reset_subject", language),
                           intro: L("email_reset_intro", language, ["council": council.name]),
                           link: link, lifetime: L("link_lifetime_hour", language),
                           ifNotYou: L("email_reset_not_you", language), language: language)
    }

    static func confirmNewAddress(to customer: Customer, newEmail: String, council: Council, link: String) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return linkMessage(council: council, to: newEmail, name: customer.name, subject: L("email_new_address_subject", language),
                           intro: L("email_new_address_intro", language, ["council": council.name]),
                           link: link, lifetime: L("link_lifetime_day", language),
                           ifNotYou: L("email_new_address_not_you", language), language: language)
    }

    /// Sent to the old address once a change is confirmed, so a hijacked account is noticed.
    static func addressChanged(to customer: Customer, oldEmail: String, newEmail: String, council: Council) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return message(council: council, to: oldEmail, name: customer.name, subject: L("email_address_changed_subject", language), lines: [
            L("email_address_changed_text", language, ["council": council.name, "email": newEmail]),
            "",
            L("email_contact_straight_away", language, ["phone": council.contact.phone, "email": council.contact.email]),
        ], language: language)
    }

    static func passwordChanged(to customer: Customer, email: String, council: Council) -> QueuedEmail {
        let language = SiteLanguage.forCorrespondence(customer.language)
        return message(council: council, to: email, name: customer.name, subject: L("email_password_changed_subject", language), lines: [
            L("email_password_changed_text", language, ["council": council.name]),
            "",
            L("email_contact_straight_away", language, ["phone": council.contact.phone, "email": council.contact.email]),
        ], language: language)
    }

    /// An email whose point is one single-use link.
    static func linkMessage(council: Council, to address: String, name: String, subject: String, intro: String,
                            link: String, lifetime: String, ifNotYou: String, language: SiteLanguage) -> QueuedEmail {
        message(council: council, to: address, name: name, subject: subject, lines: [
            intro, "", link, "", L("email_link_once", language, ["lifetime": lifetime]), "", ifNotYou,
        ], language: language)
    }

    /// Greeting, the lines, then the council's name and website; the subject names the council.
    static func message(council: Council, to address: String, name: String, subject: String, lines: [String],
                        language: SiteLanguage) -> QueuedEmail {
        QueuedEmail(councilID: council.id, fromName: council.name, toAddress: address.lowercased(), toName: name,
                    subject: "\(subject) – \(council.name)",
                    bodyText: ([L("email_hello", language, ["name": name]), ""] + lines + ["", council.name, council.contact.websiteURL])
                        .joined(separator: "\n"))
    }
}
