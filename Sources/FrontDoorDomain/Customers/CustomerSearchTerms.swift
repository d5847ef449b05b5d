import Foundation

/// How advisors find a customer from one box: the words a customer is indexed under, and the
/// words a search is made of, read the same way. Names and addresses by their words; an email
/// whole and by the part before the @; a phone number by its digits in UK national form (so
/// "+44 1632 960001", "01632 960 001" and "(01632) 960001" are one number); a postcode without
/// its space, and by its outward code. Every term is lower-case ASCII letters, digits and the
/// characters of an email address, so the databases compare them byte by byte.
public enum CustomerSearchTerms {
    /// The terms a customer is found by.
    public static func terms(for customer: Customer) -> Set<String> {
        var terms = Set(words(customer.name))
        if let email = customer.email?.lowercased(), !email.isEmpty {
            terms.insert(email)
            if let local = email.split(separator: "@").first { terms.insert(String(local)) }
        }
        if let phone = nationalDigits(customer.phone) { terms.insert(phone) }
        if let address = customer.address {
            terms.formUnion(words(address.line1 + " " + address.line2 + " " + address.town))
            terms.insert(postcodeTerm(address.postcode.value))
            terms.insert(postcodeTerm(address.postcode.outwardCode))
        }
        return terms.filter { !$0.isEmpty }
    }

    /// What one typed search looks for: each part of it a prefix that some term of the
    /// customer must start with. A whole email, phone number or postcode is one part.
    public static func query(_ typed: String) -> [String] {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("@") { return [text.lowercased()] }
        if let phone = nationalDigits(text) { return [phone] }
        if let postcode = Postcode(text) { return [postcodeTerm(postcode.value)] }
        return Array(words(text).prefix(6))
    }

    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB"))
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { String($0).lowercased() }
    }

    static func postcodeTerm(_ text: String) -> String {
        text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// A UK number's digits as dialled at home ("01632960001"); nil when the text is not a phone number.
    public static func nationalDigits(_ text: String) -> String? {
        guard PhoneNumberRule.isPlausible(text) || text.filter(\.isASCIIDigit).count >= 6 && text.allSatisfy({ $0.isASCIIDigit || " +()-".contains($0) })
        else { return nil }
        var digits = text.filter(\.isASCIIDigit)
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("+44") || digits.hasPrefix("44") && digits.count == 12 {
            digits = "0" + digits.dropFirst(2)
        } else if digits.hasPrefix("0044") {
            digits = "0" + digits.dropFirst(4)
        }
        return digits
    }
}
