import Foundation

/// A service's form at one version. A case keeps the version it was made with, so it still reads
/// right after the form changes; a change is a new version, never an edit of an old one.
public struct FormDefinition: Hashable, Sendable, Codable {
    public var version: Int
    public var fields: [FieldDefinition]

    public init(version: Int, fields: [FieldDefinition]) {
        self.version = version
        self.fields = fields
    }

    public func field(_ id: String) -> FieldDefinition? {
        fields.first { $0.id == id }
    }

    /// What is wrong with the definition, each naming the field; empty when it can be saved.
    public var problems: [FormDefinitionProblem] {
        var problems: [FormDefinitionProblem] = []
        var seen: Set<String> = []
        for (index, field) in fields.enumerated() {
            if !Self.isValidID(field.id) { problems.append(.invalidFieldID(field.id)) }
            if !seen.insert(field.id).inserted { problems.append(.duplicateFieldID(field.id)) }
            if field.label.trimmingCharacters(in: .whitespaces).isEmpty, field.kind != .hidden { problems.append(.missingLabel(field.id)) }
            if let condition = field.condition {
                // A question may only depend on one asked before it: pages go forwards.
                if !fields[..<index].contains(where: { $0.id == condition.fieldID }) {
                    problems.append(.unknownConditionField(field: field.id, condition: condition.fieldID))
                }
            }
            if let pattern = field.pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
                problems.append(.invalidPattern(field.id))
            }
            if [.singleChoice, .multipleChoice].contains(field.kind), field.options.count < 2 {
                problems.append(.tooFewOptions(field.id))
            }
            if Set(field.options.map(\.value)).count != field.options.count { problems.append(.duplicateOption(field.id)) }
            if let low = field.minimum, let high = field.maximum, low > high { problems.append(.emptyRange(field.id)) }
            if let low = field.minimumLength, let high = field.maximumLength, low > high { problems.append(.emptyRange(field.id)) }
            if field.kind == .hidden, field.fixedValue == nil { problems.append(.hiddenWithoutValue(field.id)) }
        }
        if version < 1 { problems.append(.versionBelowOne) }
        return problems
    }

    /// Letters, digits, hyphens and underscores, starting with a letter: usable as an HTML id and a JSON key.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter, id.count <= 64 else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Why a form definition cannot be saved or imported.
public enum FormDefinitionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidFieldID(String)
    case duplicateFieldID(String)
    case missingLabel(String)
    case unknownConditionField(field: String, condition: String)
    case invalidPattern(String)
    case tooFewOptions(String)
    case duplicateOption(String)
    case emptyRange(String)
    case hiddenWithoutValue(String)
    case versionBelowOne

    public var description: String {
        switch self {
        case .invalidFieldID(let id): "field id \"\(id)\" must start with a letter and use only letters, digits, - and _"
        case .duplicateFieldID(let id): "two fields have the id \"\(id)\""
        case .missingLabel(let id): "field \"\(id)\" has no question text"
        case .unknownConditionField(let field, let condition):
            "field \"\(field)\" is shown depending on \"\(condition)\", which is not a question asked before it"
        case .invalidPattern(let id): "field \"\(id)\" has a pattern that is not a valid regular expression"
        case .tooFewOptions(let id): "field \"\(id)\" needs at least two options"
        case .duplicateOption(let id): "field \"\(id)\" has two options with the same value"
        case .emptyRange(let id): "field \"\(id)\" has a minimum greater than its maximum"
        case .hiddenWithoutValue(let id): "hidden field \"\(id)\" has no value"
        case .versionBelowOne: "form versions start at 1"
        }
    }
}
