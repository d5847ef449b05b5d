/// The GOV.UK question-page pattern over a form: one question a page, in the form's order,
/// skipping questions whose condition the answers so far do not meet, then check your answers.
/// The resident's pages and the advisor's both walk the form through this.
public struct FormJourney: Sendable {
    public let form: FormDefinition
    public let submission: FormSubmission
    /// The questions this person is asked, given what they have answered (hidden fields are never asked).
    public let questions: [FieldDefinition]

    public init(form: FormDefinition, submission: FormSubmission) {
        self.form = form
        self.submission = submission
        var answers: [String: AnswerValue] = [:]
        var asked: [FieldDefinition] = []
        for field in form.fields {
            if let condition = field.condition, !FormDefinition.isMet(condition, by: answers[condition.fieldID]) { continue }
            if case .answered(let value) = FormDefinition.check(field, submission) { answers[field.id] = value }
            if field.kind != .hidden { asked.append(field) }
        }
        self.questions = asked
    }

    public func isAsked(_ fieldID: String) -> Bool {
        questions.contains { $0.id == fieldID }
    }

    public var firstQuestion: FieldDefinition? { questions.first }

    public func question(after fieldID: String) -> FieldDefinition? {
        guard let index = questions.firstIndex(where: { $0.id == fieldID }), index + 1 < questions.count else { return nil }
        return questions[index + 1]
    }

    public func question(before fieldID: String) -> FieldDefinition? {
        guard let index = questions.firstIndex(where: { $0.id == fieldID }), index > 0 else { return nil }
        return questions[index - 1]
    }

    /// The problem with one question's answer, if any: what its page shows when it is sent.
    public func problem(with fieldID: String) -> AnswerProblem? {
        guard let field = form.field(fieldID) else { return nil }
        switch FormDefinition.check(field, submission) {
        case .answered: return nil
        case .blank: return field.isRequired ? AnswerProblem(fieldID: field.id, message: FormDefinition.missingMessage(field)) : nil
        case .wrong(let message): return AnswerProblem(fieldID: field.id, message: message)
        case .wrongInput(let message, let input): return AnswerProblem(fieldID: field.id, message: message, inputName: input)
        }
    }

    /// The first question still to answer (or answered wrongly): where "continue" resumes, and
    /// where check your answers sends someone who skipped ahead.
    public var firstUnfinished: FieldDefinition? {
        questions.first { problem(with: $0.id) != nil }
    }
}
