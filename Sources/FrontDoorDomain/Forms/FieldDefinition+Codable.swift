// A field's written form, in stored versions and in catalogue files that people edit: only
// what differs from the defaults is written (no `isRequired: true`, no empty lists, no error
// name that the label already gives), and reading fills the defaults back in. Written by hand
// because synthesized coding would demand every key in a hand-edited file.
extension FieldDefinition {
    enum CodingKeys: String, CodingKey {
        case id, kind, label, errorName, hint, isRequired, minimumLength, maximumLength, minimum, maximum, pattern, patternMessage
        case options, condition, maximumFileBytes, allowedContentTypes, fixedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let label = try container.decodeIfPresent(String.self, forKey: .label) ?? ""
        self.init(
            id: try container.decode(String.self, forKey: .id),
            kind: try container.decode(Kind.self, forKey: .kind),
            label: label,
            errorName: try container.decodeIfPresent(String.self, forKey: .errorName),
            hint: try container.decodeIfPresent(String.self, forKey: .hint),
            isRequired: try container.decodeIfPresent(Bool.self, forKey: .isRequired) ?? true,
            minimumLength: try container.decodeIfPresent(Int.self, forKey: .minimumLength),
            maximumLength: try container.decodeIfPresent(Int.self, forKey: .maximumLength),
            minimum: try container.decodeIfPresent(Double.self, forKey: .minimum),
            maximum: try container.decodeIfPresent(Double.self, forKey: .maximum),
            pattern: try container.decodeIfPresent(String.self, forKey: .pattern),
            patternMessage: try container.decodeIfPresent(String.self, forKey: .patternMessage),
            options: try container.decodeIfPresent([Option].self, forKey: .options) ?? [],
            condition: try container.decodeIfPresent(Condition.self, forKey: .condition),
            maximumFileBytes: try container.decodeIfPresent(Int.self, forKey: .maximumFileBytes),
            allowedContentTypes: try container.decodeIfPresent([String].self, forKey: .allowedContentTypes) ?? [],
            fixedValue: try container.decodeIfPresent(String.self, forKey: .fixedValue))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        if !label.isEmpty { try container.encode(label, forKey: .label) }
        if errorName != Self.defaultErrorName(label) { try container.encode(errorName, forKey: .errorName) }
        try container.encodeIfPresent(hint, forKey: .hint)
        if !isRequired { try container.encode(false, forKey: .isRequired) }
        try container.encodeIfPresent(minimumLength, forKey: .minimumLength)
        try container.encodeIfPresent(maximumLength, forKey: .maximumLength)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(pattern, forKey: .pattern)
        try container.encodeIfPresent(patternMessage, forKey: .patternMessage)
        if !options.isEmpty { try container.encode(options, forKey: .options) }
        try container.encodeIfPresent(condition, forKey: .condition)
        try container.encodeIfPresent(maximumFileBytes, forKey: .maximumFileBytes)
        if !allowedContentTypes.isEmpty { try container.encode(allowedContentTypes, forKey: .allowedContentTypes) }
        try container.encodeIfPresent(fixedValue, forKey: .fixedValue)
    }
}
