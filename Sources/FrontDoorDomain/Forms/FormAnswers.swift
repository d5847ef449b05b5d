import Foundation

/// A form as submitted: each field's values by name, as a browser or an API client sends them.
/// Some kinds use several inputs: a date `id-day`, `id-month`, `id-year`; an address
/// `id-line1`, `id-line2`, `id-town`, `id-postcode` (and `id-uprn` when chosen from the
/// gazetteer); a location `id-latitude`, `id-longitude` or, without JavaScript, `id-description`;
/// a file `id-name`, `id-size`, `id-type` (filled in by the web layer once it has the upload).
public struct FormSubmission: Hashable, Sendable, Codable {
    public var values: [String: [String]]

    public init(_ values: [String: [String]]) {
        self.values = values
    }

    func first(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// An answer, checked and typed.
/// Codable for storage with the case (see StoredAnswerCoding): case names are part of the stored form.
public enum AnswerValue: Hashable, Sendable, Codable {
    case text(String)
    case number(Double)
    case date(year: Int, month: Int, day: Int)
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    case address(PostalAddress)
    case location(latitude: Double, longitude: Double)
    case locationDescription(String)
    case file(name: String, bytes: Int, contentType: String)
}

/// A validation message for one field, for the error summary and beside the field.
public struct AnswerProblem: Hashable, Sendable {
    public var fieldID: String
    public var message: String
    /// The one input at fault, for questions made of several (a date's month, an address's
    /// town), so the page can mark and link to that box; nil when it is the question as a whole.
    public var inputName: String?

    public init(fieldID: String, message: String, inputName: String? = nil) {
        self.fieldID = fieldID
        self.message = message
        self.inputName = inputName
    }
}

/// The outcome of checking a submission: the answers to the questions that were asked, and every
/// problem at once (GOV.UK: never one error at a time).
public struct CheckedAnswers: Hashable, Sendable {
    public var answers: [String: AnswerValue]
    public var problems: [AnswerProblem]

    public var isValid: Bool { problems.isEmpty }
}
