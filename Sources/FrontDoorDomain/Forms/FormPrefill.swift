/// "Tell us once": the answers a form would ask for that are already known (the resident's
/// profile, or the address a guest proved), filled in before the first question. Each is only
/// a starting value the person sees on the question's page and can change.
public enum FormPrefill {
    public static func answers(for form: FormDefinition, email: String?, phone: String?, address: PostalAddress?) -> FormSubmission {
        var values: [String: [String]] = [:]
        for field in form.fields {
            switch field.kind {
            case .email:
                if let email, !email.isEmpty { values[field.id] = [email] }
            case .ukPhone:
                if let phone, !phone.isEmpty { values[field.id] = [phone] }
            case .ukPostcode:
                if let address { values[field.id] = [address.postcode.description] }
            case .address:
                if let address {
                    values[field.id + "-line1"] = [address.line1]
                    values[field.id + "-line2"] = [address.line2]
                    values[field.id + "-town"] = [address.town]
                    values[field.id + "-postcode"] = [address.postcode.description]
                    if let uprn = address.uprn { values[field.id + "-uprn"] = [uprn.value] }
                }
            default:
                break
            }
        }
        return FormSubmission(values)
    }
}
