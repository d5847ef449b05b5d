/// One thing wrong with what someone typed, against the form field it belongs to (the names
/// are the form's), so a page can show it in the error summary and beside the field.
public struct FieldProblem: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every problem with what was typed, found at once.
public struct FieldProblems: Error, Sendable, Equatable {
    public var all: [FieldProblem]

    public init(all: [FieldProblem]) {
        self.all = all
    }
}
