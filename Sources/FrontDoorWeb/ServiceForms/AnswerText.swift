import Foundation
import FrontDoorDomain

/// How an answer reads on check your answers, on the confirmation and on the case: in the words
/// of the form version it was given against (an option's label then, not now).
enum AnswerText {
    static func lines(_ answer: AnswerValue, field: FieldDefinition) -> [String] {
        func label(_ value: String) -> String { field.options.first { $0.value == value }?.label ?? value }
        switch answer {
        case .text(let text): return text.components(separatedBy: .newlines)
        case .number(let number): return [number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)]
        case .date(let year, let month, let day): return [UKDateFormat.date(year: year, month: month, day: day)]
        case .choice(let value): return [label(value)]
        case .choices(let values): return values.map(label)
        case .yesNo(let yes): return [yes ? "Yes" : "No"]
        case .address(let address): return address.lines
        case .location(let latitude, let longitude):
            return ["Located on a map: latitude \(String(format: "%.5f", latitude)), longitude \(String(format: "%.5f", longitude))"]
        case .locationDescription(let description): return description.components(separatedBy: .newlines)
        case .file(let name, let bytes, _): return ["\(name) (\(fileSize(bytes)))"]
        }
    }

    /// "340 KB", "2.4 MB".
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        return String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
    }

    /// The summary of a form's answers, question by question in the form's order; `change`
    /// gives each question's change link (none on a submitted form).
    static func summary(form: FormDefinition, answers: [String: AnswerValue], asked: [FieldDefinition]? = nil,
                        change: ((FieldDefinition) -> String)? = nil, language: SiteLanguage = .english) -> SummaryList {
        let questions = (asked ?? form.fields).filter { $0.kind != .hidden }
        return SummaryList(rows: questions.map { field in
            let value = answers[field.id].map { lines($0, field: field).joined(separator: "\n") } ?? L("answers_not_answered", language)
            return SummaryList.Row(key: field.label, value: value,
                                   actions: change.map { [SummaryList.Action(href: $0(field), visuallyHiddenText: field.errorName, text: L("answers_change", language))] } ?? [])
        })
    }
}
