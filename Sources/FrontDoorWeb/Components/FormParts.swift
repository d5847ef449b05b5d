// Shared parameter shapes of the GOV.UK form components: label, hint, error message, fieldset.
// Templates read only stored properties (mustache uses reflection), so derived values such
// as `describedBy` are computed once in the initialisers, not in computed properties.

public struct Label: Sendable {
    public var text: String
    /// The label is the page's h1 (a one-question page).
    public var isPageHeading: Bool
    public var classes: String

    public init(_ text: String, isPageHeading: Bool = false, classes: String = "") {
        self.text = text
        self.isPageHeading = isPageHeading
        self.classes = isPageHeading && classes.isEmpty ? "fd-label--l" : classes
    }
}

public struct Hint: Sendable {
    public var id: String
    public var text: String
}

public struct ErrorMessage: Sendable {
    public var id: String
    public var text: String
}

public struct Fieldset: Sendable {
    public var legend: String
    public var isPageHeading: Bool
    public var legendClasses: String

    public init(legend: String, isPageHeading: Bool = false, legendClasses: String = "") {
        self.legend = legend
        self.isPageHeading = isPageHeading
        self.legendClasses = isPageHeading && legendClasses.isEmpty ? "fd-fieldset__legend--l" : legendClasses
    }
}

/// Ids and `aria-describedby` for a field with an optional hint and error, in the order
/// GOV.UK uses (hint first, then error), so screen readers announce both.
struct FieldDescription {
    let hint: Hint?
    let errorMessage: ErrorMessage?
    let describedBy: String?

    init(id: String, hint: String?, error: String?) {
        self.hint = hint.map { Hint(id: "\(id)-hint", text: $0) }
        self.errorMessage = error.map { ErrorMessage(id: "\(id)-error", text: $0) }
        let ids = [self.hint?.id, self.errorMessage?.id].compactMap { $0 }
        self.describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}
