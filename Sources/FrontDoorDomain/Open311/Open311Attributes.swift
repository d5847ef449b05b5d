import Foundation

/// A service's form as Open311 GeoReport v2 describes it (a service definition's attributes),
/// and an Open311 request turned back into the form's inputs, so a report from FixMyStreet or
/// an app is checked by the same rules as one made on the website.
///
/// The request's own parameters cover some questions: `lat`/`long` (or `address_string`) the
/// map location, `address_id` (a UPRN) or `address_string` an address, `description` the first
/// long-text question when no attribute answers it. Files, hidden values and those questions
/// are not attributes; every other question is, with its field id as the code.
public enum Open311Attributes {
    public struct Attribute: Equatable, Sendable {
        public var code: String
        public var datatype: String
        public var required: Bool
        public var datatypeDescription: String
        public var order: Int
        public var description: String
        public var values: [(key: String, name: String)]

        public static func == (lhs: Attribute, rhs: Attribute) -> Bool {
            lhs.code == rhs.code && lhs.datatype == rhs.datatype && lhs.required == rhs.required && lhs.order == rhs.order
                && lhs.description == rhs.description && lhs.values.map(\.key) == rhs.values.map(\.key)
        }
    }

    public static func attributes(of form: FormDefinition) -> [Attribute] {
        let described = descriptionField(of: form)?.id
        return form.fields.filter { attributeKinds.contains($0.kind) }.enumerated().map { index, field in
            var description = field.label
            if let condition = field.condition { description += " (asked only when \(condition.fieldID) is \(condition.equals))" }
            if field.id == described { description += " (or give it as the request's description)" }
            // The website's hint for a date describes its three boxes; here it is one ISO 8601 value.
            let hint = field.kind == .date ? "An ISO 8601 date, such as 2026-11-24" : field.hint ?? ""
            return Attribute(code: field.id, datatype: datatype(field.kind),
                             required: field.isRequired && field.condition == nil && field.id != described,
                             datatypeDescription: hint, order: index + 1, description: description,
                             values: values(field))
        }
    }

    static let attributeKinds: Set<FieldDefinition.Kind> = [.shortText, .longText, .number, .email, .ukPhone, .ukPostcode, .date,
                                                            .singleChoice, .multipleChoice, .yesNo]

    static func datatype(_ kind: FieldDefinition.Kind) -> String {
        switch kind {
        case .longText: "text"
        case .number: "number"
        case .date: "datetime"
        case .singleChoice, .yesNo: "singlevaluelist"
        case .multipleChoice: "multivaluelist"
        default: "string"
        }
    }

    static func values(_ field: FieldDefinition) -> [(key: String, name: String)] {
        switch field.kind {
        case .singleChoice, .multipleChoice: field.options.map { ($0.value, $0.label) }
        case .yesNo: [("yes", "Yes"), ("no", "No")]
        default: []
        }
    }

    /// Whether the form has a question for the request's `description` (else it is kept on
    /// the case's timeline instead).
    public static func takesDescription(_ form: FormDefinition) -> Bool { descriptionField(of: form) != nil }

    /// The question the request's `description` answers: the first long-text one.
    static func descriptionField(of form: FormDefinition) -> FieldDefinition? {
        form.fields.first { $0.kind == .longText }
    }

    /// What an Open311 request says, as its parameters arrived.
    public struct Request: Sendable {
        public var latitude: String
        public var longitude: String
        public var addressString: String
        /// The address the gazetteer knows by the request's `address_id` (a UPRN), when it gave one.
        public var knownAddress: PostalAddress?
        public var description: String
        /// `attribute[code]` values; several for a multivaluelist.
        public var attributes: [String: [String]]

        public init(latitude: String = "", longitude: String = "", addressString: String = "", knownAddress: PostalAddress? = nil,
                    description: String = "", attributes: [String: [String]] = [:]) {
            self.latitude = latitude
            self.longitude = longitude
            self.addressString = addressString
            self.knownAddress = knownAddress
            self.description = description
            self.attributes = attributes
        }
    }

    /// A request placed where its coordinates say, else at the gazetteer address it names: a
    /// UPRN alone places the report at the property. Shared by Open311 and the JSON API.
    public static func placed(latitude: String, longitude: String, addressString: String, known: GazetteerAddress?,
                              description: String = "", attributes: [String: [String]]) -> Request {
        let useKnownPlace = latitude.isEmpty && longitude.isEmpty && known != nil
        return Request(latitude: useKnownPlace ? known.map { String($0.latitude) } ?? "" : latitude,
                       longitude: useKnownPlace ? known.map { String($0.longitude) } ?? "" : longitude,
                       addressString: addressString, knownAddress: known?.address, description: description, attributes: attributes)
    }

    /// Whether the form asks where something is and the request says nowhere.
    public static func lacksLocation(_ request: Request, form: FormDefinition) -> Bool {
        form.fields.contains { $0.kind == .mapLocation } && request.latitude.isEmpty && request.addressString.isEmpty && request.knownAddress == nil
    }

    /// The form's inputs for an Open311 request, or the problems with it (an attribute the
    /// form does not have, a date that is not ISO 8601, no location where one is needed).
    public static func submission(_ request: Request, form: FormDefinition) -> Result<FormSubmission, FieldProblems> {
        var values: [String: [String]] = [:]
        var problems: [FieldProblem] = []
        let known = Set(attributes(of: form).map(\.code))
        for code in request.attributes.keys.sorted() where !known.contains(code) {
            problems.append(.init(field: "attribute[\(code)]", message: "attribute[\(code)] is not a question of this service"))
        }
        for field in form.fields {
            let given = request.attributes[field.id]?.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? []
            switch field.kind {
            case .date:
                guard let text = given.first else { continue }
                guard let day = isoDay(text) else {
                    problems.append(.init(field: "attribute[\(field.id)]", message: "attribute[\(field.id)] must be an ISO 8601 date, such as 2026-11-24"))
                    continue
                }
                values[field.id + "-day"] = [String(day.day)]
                values[field.id + "-month"] = [String(day.month)]
                values[field.id + "-year"] = [String(day.year)]
            case .mapLocation:
                if !request.latitude.isEmpty || !request.longitude.isEmpty {
                    values[field.id + "-latitude"] = [request.latitude]
                    values[field.id + "-longitude"] = [request.longitude]
                } else if !request.addressString.isEmpty {
                    values[field.id + "-description"] = [request.addressString]
                }
            case .address:
                if let address = request.knownAddress ?? parseAddress(request.addressString) {
                    values[field.id + "-line1"] = [address.line1]
                    values[field.id + "-line2"] = [address.line2]
                    values[field.id + "-town"] = [address.town]
                    values[field.id + "-postcode"] = [address.postcode.description]
                    if let uprn = address.uprn { values[field.id + "-uprn"] = [uprn.value] }
                } else if !request.addressString.isEmpty {
                    problems.append(.init(field: "address_string", message: "address_string must be a UK address ending with the town and postcode, such as ‘14 Willow Crescent, Kingsmere, KM2 4QT’ (or give address_id, a UPRN)"))
                }
            case .longText where given.isEmpty && field.id == descriptionField(of: form)?.id:
                if !request.description.isEmpty { values[field.id] = [request.description] }
            default:
                if !given.isEmpty { values[field.id] = given }
            }
        }
        return problems.isEmpty ? .success(FormSubmission(values)) : .failure(FieldProblems(all: problems))
    }

    /// `2026-11-24` or a full ISO 8601 date and time (its date on the UK clock).
    static func isoDay(_ text: String) -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let day = LocalDate(trimmed) { return day }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            formatter.formatOptions = options
            if let instant = formatter.date(from: trimmed) { return LocalDate(instant) }
        }
        return nil
    }

    /// "14 Willow Crescent, Kingsmere, KM2 4QT" (or with a second line): the last part a
    /// postcode, the one before it the town.
    static func parseAddress(_ text: String) -> PostalAddress? {
        var parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 3, let postcode = Postcode(parts.removeLast()) else { return nil }
        let town = parts.removeLast()
        let line1 = parts.removeFirst()
        return PostalAddress(line1: line1, line2: parts.joined(separator: ", "), town: town, postcode: postcode)
    }
}
