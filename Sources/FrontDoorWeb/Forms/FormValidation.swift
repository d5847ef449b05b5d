import FrontDoorDomain

/// Collects a form's errors in the GOV.UK way: one message per field (the first problem
/// found), in the order the fields appear, shown in the error summary and beside the field.
/// Hummingbird has no form validation of this shape, so this is ours: small on purpose.
public struct FormValidation: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public var isValid: Bool { errors.isEmpty }

    /// The message for a field, for its component's `error:` parameter.
    public func message(for fieldID: String) -> String? {
        errors.first { $0.fieldID == fieldID }?.message
    }

    /// The summary for the top of the page; nil when there is nothing to show.
    public var summary: ErrorSummary? {
        errors.isEmpty ? nil : ErrorSummary(errors: errors)
    }

    /// Records `message` against the field unless it already has an error.
    public mutating func add(_ fieldID: String, _ message: String) {
        guard self.message(for: fieldID) == nil else { return }
        errors.append(FieldError(fieldID: fieldID, message: message))
    }

    /// Adds `message` when `failed`; returns whether the check passed.
    @discardableResult
    public mutating func check(_ fieldID: String, _ passed: Bool, _ message: @autoclosure () -> String) -> Bool {
        if !passed { add(fieldID, message()) }
        return passed
    }

    @discardableResult
    public mutating func required(_ fieldID: String, _ value: String, _ message: String) -> Bool {
        check(fieldID, !value.isEmpty, message)
    }

    @discardableResult
    public mutating func maximumLength(_ fieldID: String, _ value: String, _ limit: Int, _ message: String) -> Bool {
        check(fieldID, value.count <= limit, message)
    }

    /// A required email address in a plausible format, with GOV.UK's wording for the format error.
    @discardableResult
    public mutating func requiredEmail(_ fieldID: String, _ value: String, missing: String,
                                       format: String = "Enter an email address in the correct format, like name@example.com") -> Bool {
        required(fieldID, value, missing)
            && email(fieldID, value, format)
    }

    @discardableResult
    public mutating func email(_ fieldID: String, _ value: String, _ message: String) -> Bool {
        check(fieldID, value.isEmpty || EmailAddressRule.isPlausible(value), message)
    }

    /// Puts the errors in the order the fields appear on the page (GOV.UK: the summary follows
    /// the page), for forms whose checks run in another order. Unlisted fields go last.
    public mutating func order(byPage fieldIDs: [String]) {
        let position = Dictionary(fieldIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        errors = errors.enumerated().sorted { a, b in
            (position[a.element.fieldID] ?? Int.max, a.offset) < (position[b.element.fieldID] ?? Int.max, b.offset)
        }.map(\.element)
    }
}
