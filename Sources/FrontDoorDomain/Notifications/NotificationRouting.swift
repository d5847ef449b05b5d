/// Which channel reaches a customer, and at what address: the way they asked us to use if we
/// can (a text needs a mobile number, a letter an address), otherwise email, then text, then
/// letter. A customer who asked for phone calls gets their notifications written down the
/// same way (a call is an advisor's job, not a notification's).
public enum NotificationRouting {
    public struct Destination: Equatable, Sendable {
        public var channel: NotificationChannel
        /// An email address, a phone number, or the postal address (name first, one line each).
        public var to: String

        public init(channel: NotificationChannel, to: String) {
            self.channel = channel
            self.to = to
        }
    }

    public static func destination(for customer: Customer) -> Destination? {
        let preferred: NotificationChannel? = switch customer.preferredChannel {
        case .email: .email
        case .text: .sms
        case .letter: .letter
        case .phone: nil
        }
        for channel in [preferred].compactMap({ $0 }) + [.email, .sms, .letter] {
            if let to = address(of: customer, on: channel) { return Destination(channel: channel, to: to) }
        }
        return nil
    }

    static func address(of customer: Customer, on channel: NotificationChannel) -> String? {
        switch channel {
        case .email:
            return customer.email.flatMap { $0.isEmpty ? nil : $0 }
        case .sms:
            guard let digits = CustomerSearchTerms.nationalDigits(customer.phone), digits.hasPrefix("07"), digits.count == 11 else { return nil }
            return customer.phone
        case .letter:
            guard let address = customer.address else { return nil }
            return ([customer.name] + address.lines).joined(separator: "\n")
        }
    }
}
