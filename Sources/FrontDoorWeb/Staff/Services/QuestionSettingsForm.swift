import Foundation
import FrontDoorDomain

/// One question's settings as a forms officer edits them: plain boxes (options one a line),
/// turned into a `FieldDefinition` with every problem found at once. No JSON by hand.
struct QuestionSettingsForm: Sendable {
    var kind: FieldDefinition.Kind
    var id = ""
    var label = ""
    var hint = ""
    var errorName = ""
    var required = "yes"
    var minimumLength = ""
    var maximumLength = ""
    var minimum = ""
    var maximum = ""
    var pattern = ""
    var patternMessage = ""
    /// One option a line: "value | Label", or just "Label" (the value is made from it).
    var options = ""
    var conditionField = ""
    var conditionValue = ""
    var maximumMegabytes = ""
    var contentTypes: Set<String> = Set(FieldDefinition.defaultContentTypes)
    var fixedValue = ""

    init(kind: FieldDefinition.Kind) {
        self.kind = kind
    }

    init(_ field: FieldDefinition) {
        kind = field.kind
        id = field.id
        label = field.label
        hint = field.hint ?? ""
        errorName = field.errorName == FieldDefinition.defaultErrorName(field.label) ? "" : field.errorName
        required = field.isRequired ? "yes" : "no"
        minimumLength = field.minimumLength.map(String.init) ?? ""
        maximumLength = field.maximumLength.map(String.init) ?? ""
        minimum = field.minimum.map(Self.number) ?? ""
        maximum = field.maximum.map(Self.number) ?? ""
        pattern = field.pattern ?? ""
        patternMessage = field.patternMessage ?? ""
        options = field.options.map { "\($0.value) | \($0.label)" }.joined(separator: "\n")
        conditionField = field.condition?.fieldID ?? ""
        conditionValue = field.condition?.equals ?? ""
        maximumMegabytes = field.maximumFileBytes.map { Self.number(Double($0) / 1_048_576) } ?? ""
        contentTypes = Set(field.allowedContentTypes.isEmpty ? FieldDefinition.defaultContentTypes : field.allowedContentTypes)
        fixedValue = field.fixedValue ?? ""
    }

    init(kind: FieldDefinition.Kind, _ form: FormInput) {
        self.kind = kind
        id = form["id"]
        label = form["label"]
        hint = form["hint"]
        errorName = form["error-name"]
        required = form["required"]
        minimumLength = form["minimum-length"]
        maximumLength = form["maximum-length"]
        minimum = form["minimum"]
        maximum = form["maximum"]
        pattern = form.raw("pattern").trimmingCharacters(in: .whitespaces)
        patternMessage = form["pattern-message"]
        options = form["options"]
        conditionField = form["condition-field"]
        conditionValue = form["condition-value"]
        maximumMegabytes = form["maximum-megabytes"]
        contentTypes = Set(form.all("content-types"))
        fixedValue = form["fixed-value"]
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// "Black bin (general waste)" becomes "black-bin-general-waste".
    static func value(from label: String) -> String {
        var slug = ""
        for character in label.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber { slug.append(character) }
            else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        return String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(50))
    }

    var usesLengths: Bool { [.shortText, .longText].contains(kind) }
    var usesPattern: Bool { kind == .shortText }
    var usesRange: Bool { kind == .number }
    var usesOptions: Bool { [.singleChoice, .multipleChoice].contains(kind) }
    var usesFiles: Bool { kind == .fileUpload }
    var isHidden: Bool { kind == .hidden }

    /// The question these boxes describe; nil with `validation` filled when anything is wrong.
    func field(validation: inout FormValidation) -> FieldDefinition? {
        func integer(_ text: String, _ inputID: String) -> Int? {
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), value >= 0 else { validation.add(inputID, "Enter a whole number, like 10, or leave it blank"); return nil }
            return value
        }
        func decimal(_ text: String, _ inputID: String) -> Double? {
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else { validation.add(inputID, "Enter a number, like 2.5, or leave it blank"); return nil }
            return value
        }
        if id.isEmpty { validation.add("id", "Enter an id for the question") }
        if label.isEmpty, !isHidden { validation.add("label", "Enter the question") }
        if !isHidden, required != "yes", required != "no" { validation.add("required", "Select whether an answer is needed") }
        var parsedOptions: [FieldDefinition.Option] = []
        if usesOptions {
            for line in options.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let label = parts.count == 2 ? parts[1] : parts[0]
                let value = Self.value(from: parts.count == 2 ? parts[0] : label)
                if !label.isEmpty { parsedOptions.append(.init(value: value, label: label)) }
            }
        }
        var condition: FieldDefinition.Condition?
        if !conditionField.isEmpty {
            if conditionValue.isEmpty { validation.add("condition-value", "Enter the answer that makes this question appear") }
            condition = .init(fieldID: conditionField, equals: conditionValue)
        }
        var maximumBytes: Int?
        if usesFiles, let megabytes = decimal(maximumMegabytes, "maximum-megabytes") {
            if megabytes <= 0 || megabytes > 25 { validation.add("maximum-megabytes", "The largest file must be more than 0 and at most 25 MB") }
            maximumBytes = Int(megabytes * 1_048_576)
        }
        if usesFiles, contentTypes.isEmpty { validation.add("content-types", "Select at least one kind of file") }
        if isHidden, fixedValue.isEmpty { validation.add("fixed-value", "Enter the value the hidden field carries") }
        let field = FieldDefinition(
            id: id, kind: kind, label: label, errorName: errorName.isEmpty ? nil : errorName, hint: hint.isEmpty ? nil : hint,
            isRequired: isHidden || required != "no",
            minimumLength: usesLengths ? integer(minimumLength, "minimum-length") : nil,
            maximumLength: usesLengths ? integer(maximumLength, "maximum-length") : nil,
            minimum: usesRange ? decimal(minimum, "minimum") : nil, maximum: usesRange ? decimal(maximum, "maximum") : nil,
            pattern: usesPattern && !pattern.isEmpty ? pattern : nil,
            patternMessage: usesPattern && !patternMessage.isEmpty ? patternMessage : nil,
            options: parsedOptions, condition: condition, maximumFileBytes: maximumBytes,
            allowedContentTypes: usesFiles ? FieldDefinition.defaultContentTypes.filter(contentTypes.contains) : [],
            fixedValue: isHidden ? fixedValue : nil)
        return validation.isValid ? field : nil
    }

    /// Where on this page a problem with the whole form belongs.
    static func inputID(of problem: FormDefinitionProblem) -> String {
        switch problem {
        case .invalidFieldID, .duplicateFieldID: "id"
        case .missingLabel: "label"
        case .unknownConditionField: "condition-field"
        case .invalidPattern: "pattern"
        case .tooFewOptions, .duplicateOption: "options"
        case .emptyRange: "minimum"
        case .hiddenWithoutValue: "fixed-value"
        case .versionBelowOne: "id"
        }
    }

    static let pageOrder = ["id", "label", "hint", "error-name", "required", "minimum-length", "maximum-length", "minimum", "maximum",
                            "pattern", "pattern-message", "options", "maximum-megabytes", "content-types", "fixed-value",
                            "condition-field", "condition-value"]
}
