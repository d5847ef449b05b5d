import Foundation

/// Which council, and which of its services, an email was sent to. A council receives mail at
/// the domain of its published contact address (contact@kingsmere.gov.uk makes kingsmere.gov.uk
/// its mail domain); the part before the @ names a service by its code
/// (missed-bin@kingsmere.gov.uk), and any other address there (contact@, enquiries@) is a
/// general enquiry. The first recipient that belongs to a council decides.
public struct InboundMailRouting: Sendable {
    public struct Mailroom: Sendable {
        public var councilID: UUID
        public var domain: String
        public var serviceCodes: Set<String>

        public init(councilID: UUID, domain: String, serviceCodes: Set<String>) {
            self.councilID = councilID
            self.domain = domain.lowercased()
            self.serviceCodes = serviceCodes
        }

        public init(council: Council, serviceCodes: Set<String>) {
            self.init(councilID: council.id, domain: InboundMailRouting.domain(of: council.contact.email) ?? "", serviceCodes: serviceCodes)
        }
    }

    public struct Route: Equatable, Sendable {
        public var councilID: UUID
        /// The service the address names; nil for a general enquiry.
        public var serviceCode: String?
        /// The address it was sent to, as routed.
        public var address: String
    }

    public let mailrooms: [Mailroom]

    public init(mailrooms: [Mailroom]) {
        self.mailrooms = mailrooms
    }

    public func route(_ recipients: [String]) -> Route? {
        for recipient in recipients {
            let address = recipient.lowercased().trimmingCharacters(in: .whitespaces)
            guard let domain = Self.domain(of: address), let mailroom = mailrooms.first(where: { $0.domain == domain }) else { continue }
            // Sub-addresses (missed-bin+anything@) still name the service.
            let local = address.prefix { $0 != "@" }.prefix { $0 != "+" }
            return Route(councilID: mailroom.councilID, serviceCode: mailroom.serviceCodes.contains(String(local)) ? String(local) : nil,
                         address: address)
        }
        return nil
    }

    /// Whether `address` is one of the councils' own (mail from there must never be answered:
    /// that way lies a loop).
    public func isCouncilAddress(_ address: String) -> Bool {
        guard let domain = Self.domain(of: address.lowercased()) else { return false }
        return mailrooms.contains { $0.domain == domain }
    }

    static func domain(of address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased().trimmingCharacters(in: .whitespaces)
        return domain.isEmpty ? nil : domain
    }
}
