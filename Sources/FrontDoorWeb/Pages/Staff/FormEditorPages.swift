import FrontDoorDomain

/// A service's form for the forms officer: its questions in order, each to change, move or
/// remove, and a way to add one. Every change saves the next version of the form.
public struct FormEditorPage: PageModel {
    public static let template = "staff-form-editor"

    public struct Question: Sendable {
        public var number: Int
        public var label: String
        public var details: String
        public var changeHref: String
        public var id: String
        public var canMoveUp: Bool
        public var canMoveDown: Bool
    }

    public var chrome: PageChrome
    public var backLink: BackLink
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    public var heading: String
    public var versionText: String
    public var questions: [Question]
    public var hasQuestions: Bool
    public var moveAction: String
    public var removeAction: String
    public var addAction: String
    public var csrfToken: String
    public var newKind: Radios
    public var add: Button
    public var serviceHref: String

    init(chrome: PageChrome, basePath: String, csrfToken: String, service: CouncilService, form: FormDefinition?,
         banner: NotificationBanner? = nil, problem: String? = nil) {
        let base = basePath + StaffPaths.services + "/" + service.code.value + "/form"
        self.chrome = chrome
        self.backLink = BackLink(href: basePath + StaffPaths.services)
        self.banner = banner
        self.errorSummary = problem.map { ErrorSummary(errors: [FieldError(fieldID: "questions", message: $0)]) }
        self.heading = "The form for " + service.name
        self.versionText = form.map { "Version \($0.version). Requests already made keep the version they were made with." }
            ?? "This service has no online form yet. Add its first question."
        let fields = form?.fields ?? []
        self.questions = fields.enumerated().map { index, field in
            let required = field.kind == .hidden ? "" : (field.isRequired ? ", needs an answer" : ", optional")
            let condition = field.condition.map { condition in
                " Asked only when the answer to \"\(fields.first { $0.id == condition.fieldID }?.label ?? condition.fieldID)\" is \(condition.equals)."
            } ?? ""
            return Question(number: index + 1, label: field.kind == .hidden ? "Hidden: \(field.id)" : field.label,
                            details: field.kind.displayName + required + "." + condition + " Id: \(field.id).",
                            changeHref: base + "/questions/" + field.id, id: field.id,
                            canMoveUp: index > 0, canMoveDown: index < fields.count - 1)
        }
        self.hasQuestions = !fields.isEmpty
        self.moveAction = base + "/move"
        self.removeAction = base + "/remove"
        self.addAction = base + "/questions/new"
        self.csrfToken = csrfToken
        self.newKind = Radios(ChoiceGroup(
            idPrefix: "kind", fieldset: Fieldset(legend: "Add a question", legendClasses: "fd-fieldset__legend--m"),
            hint: "Choose what kind of answer it takes.",
            options: FieldDefinition.Kind.allCases.map { (value: $0.rawValue, text: $0.displayName, hint: String?.none) },
            selected: [FieldDefinition.Kind.shortText.rawValue]))
        self.add = Button("Add the question", variant: .secondary)
        self.serviceHref = basePath + StaffPaths.services + "/" + service.code.value
    }
}

/// One question's settings: the boxes that apply to its kind.
public struct QuestionEditPage: PageModel {
    public static let template = "staff-question-edit"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var caption: String
    public var heading: String
    public var action: String
    public var csrfToken: String
    public var kindValue: String
    public var id: TextInput?
    public var fixedID: String?
    public var label: TextInput?
    public var hint: TextInput?
    public var errorName: TextInput?
    public var required: Radios?
    public var minimumLength: TextInput?
    public var maximumLength: TextInput?
    public var minimum: TextInput?
    public var maximum: TextInput?
    public var pattern: TextInput?
    public var patternMessage: TextInput?
    public var options: Textarea?
    public var maximumMegabytes: TextInput?
    public var contentTypes: Checkboxes?
    public var fixedValue: TextInput?
    public var conditionField: Select?
    public var conditionValue: TextInput?
    public var save: Button

    /// `earlier` are the questions before this one, which a condition may depend on.
    init(chrome: PageChrome, basePath: String, csrfToken: String, service: CouncilService, values: QuestionSettingsForm, isNew: Bool,
         earlier: [FieldDefinition], validation: FormValidation = FormValidation()) {
        func error(_ id: String) -> String? { validation.message(for: id) }
        func text(_ id: String, _ label: String, _ value: String, hint: String? = nil, width: String = "") -> TextInput {
            TextInput(id: id, label: Label(label), hint: hint, error: error(id), value: value, spellcheck: false, widthClass: width)
        }
        let formBase = basePath + StaffPaths.services + "/" + service.code.value + "/form"
        self.chrome = chrome
        self.backLink = BackLink(href: formBase)
        self.errorSummary = validation.summary
        self.caption = service.name
        self.heading = (isNew ? "Add a question: " : "Change a question: ") + values.kind.displayName.lowercased()
        self.action = formBase + "/questions/" + (isNew ? "new?kind=" + values.kind.rawValue : values.id)
        self.csrfToken = csrfToken
        self.kindValue = values.kind.rawValue
        self.id = isNew ? text("id", "Id", values.id, hint: "Short and unchanging: letters, digits, hyphens. The APIs and reports use it, like bin-colour.",
                               width: "fd-input--width-20") : nil
        self.fixedID = isNew ? nil : values.id
        let hidden = values.isHidden
        self.label = hidden ? nil : TextInput(id: "label", label: Label("Question"), hint: "As the resident reads it, like Which bin was missed?",
                                              error: error("label"), value: values.label)
        self.hint = hidden ? nil : TextInput(id: "hint", label: Label("Hint (optional)"), error: error("hint"), value: values.hint)
        self.errorName = hidden ? nil : TextInput(id: "error-name", label: Label("How error messages name the answer (optional)"),
                                                  hint: "Completes \"Enter …\", like the registration number. Left blank, it is made from the question.",
                                                  error: error("error-name"), value: values.errorName)
        self.required = hidden ? nil : Radios(ChoiceGroup(
            idPrefix: "required", fieldset: Fieldset(legend: "Does it need an answer?", legendClasses: "fd-fieldset__legend--s"),
            error: error("required"), options: [(value: "yes", text: "Yes", hint: String?.none), (value: "no", text: "No, it is optional", hint: String?.none)],
            selected: [values.required], isInline: true))
        self.minimumLength = values.usesLengths ? text("minimum-length", "Fewest characters (optional)", values.minimumLength, width: "fd-input--width-4") : nil
        self.maximumLength = values.usesLengths ? text("maximum-length", "Most characters (optional)", values.maximumLength,
                                                       hint: "Left blank: 500 for short text, 5,000 for long text.", width: "fd-input--width-4") : nil
        self.minimum = values.usesRange ? text("minimum", "Smallest number allowed (optional)", values.minimum, width: "fd-input--width-10") : nil
        self.maximum = values.usesRange ? text("maximum", "Largest number allowed (optional)", values.maximum, width: "fd-input--width-10") : nil
        self.pattern = values.usesPattern ? text("pattern", "Pattern the answer must match (optional)", values.pattern,
                                                 hint: "A regular expression for the whole answer, like [A-Z]{2}[0-9]{4}.") : nil
        self.patternMessage = values.usesPattern ? text("pattern-message", "Message when it does not match (optional)", values.patternMessage) : nil
        self.options = values.usesOptions ? Textarea(id: "options", label: Label("Options"),
                                                    hint: "One a line. To keep a stored value when a label changes, write value | Label.",
                                                    error: error("options"), value: values.options, rows: 6) : nil
        self.maximumMegabytes = values.usesFiles ? text("maximum-megabytes", "Largest file in MB (optional)", values.maximumMegabytes,
                                                        hint: "Left blank: 10 MB.", width: "fd-input--width-4") : nil
        self.contentTypes = values.usesFiles ? Checkboxes(ChoiceGroup(
            idPrefix: "content-types", fieldset: Fieldset(legend: "Kinds of file allowed", legendClasses: "fd-fieldset__legend--s"),
            error: error("content-types"),
            options: FieldDefinition.defaultContentTypes.map { (value: $0, text: FileSignature.displayName(of: $0), hint: String?.none) },
            selected: values.contentTypes)) : nil
        self.fixedValue = hidden ? text("fixed-value", "Value it carries", values.fixedValue, hint: "Sent with every request, like web.") : nil
        let testable = earlier.filter { $0.kind.canBeConditionedOn }
        self.conditionField = testable.isEmpty ? nil : Select(
            id: "condition-field", label: Label("When to ask it"), error: error("condition-field"),
            options: [(value: "", text: "Always")] + testable.map { (value: $0.id, text: "Only when the answer to \"\($0.label)\" is…") },
            selected: values.conditionField)
        self.conditionValue = testable.isEmpty ? nil : text("condition-value", "…this answer (optional unless a question is chosen above)",
                                                            values.conditionValue,
                                                            hint: "For yes or no questions: yes or no. For options: the option's value.")
        self.save = Button(isNew ? "Add the question" : "Save the question")
    }
}
