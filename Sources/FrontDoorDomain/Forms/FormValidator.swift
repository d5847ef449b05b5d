import Foundation

extension FormDefinition {
    /// Checks a submission against this definition. Questions whose condition is not met are
    /// skipped and any answer to them dropped, so hidden questions never block or leak in.
    public func check(_ submission: FormSubmission) -> CheckedAnswers {
        var answers: [String: AnswerValue] = [:]
        var problems: [AnswerProblem] = []
        for field in fields {
            if let condition = field.condition, !Self.isMet(condition, by: answers[condition.fieldID]) { continue }
            switch Self.check(field, submission) {
            case .answered(let value): answers[field.id] = value
            case .blank: if field.isRequired { problems.append(AnswerProblem(fieldID: field.id, message: Self.missingMessage(field))) }
            case .wrong(let message): problems.append(AnswerProblem(fieldID: field.id, message: message))
            case .wrongInput(let message, let input): problems.append(AnswerProblem(fieldID: field.id, message: message, inputName: input))
            }
        }
        return CheckedAnswers(answers: answers, problems: problems)
    }

    static func isMet(_ condition: FieldDefinition.Condition, by answer: AnswerValue?) -> Bool {
        switch answer {
        case .choice(let value), .text(let value): value == condition.equals
        case .choices(let values): values.contains(condition.equals)
        case .yesNo(let yes): (yes ? "yes" : "no") == condition.equals
        default: false
        }
    }

    enum Outcome {
        case answered(AnswerValue)
        case blank
        case wrong(String)
        case wrongInput(String, input: String)
    }

    static func missingMessage(_ field: FieldDefinition) -> String {
        switch field.kind {
        case .singleChoice, .multipleChoice, .yesNo: "Select \(field.errorName)"
        case .fileUpload: "Choose \(field.errorName) to upload"
        case .mapLocation: "Show where on the map, or describe the location"
        default: "Enter \(field.errorName)"
        }
    }

    static func check(_ field: FieldDefinition, _ submission: FormSubmission) -> Outcome {
        let id = field.id
        switch field.kind {
        case .shortText, .longText:
            let text = submission.first(id)
            if text.isEmpty { return .blank }
            return checkText(field, text)
        case .number:
            let text = submission.first(id).replacingOccurrences(of: ",", with: "")
            if text.isEmpty { return .blank }
            guard let number = Double(text), number.isFinite else { return .wrong("\(capitalised(field.errorName)) must be a number") }
            if let minimum = field.minimum, number < minimum { return .wrong("\(capitalised(field.errorName)) must be \(format(minimum)) or more") }
            if let maximum = field.maximum, number > maximum { return .wrong("\(capitalised(field.errorName)) must be \(format(maximum)) or less") }
            return .answered(.number(number))
        case .email:
            let text = submission.first(id)
            if text.isEmpty { return .blank }
            guard EmailAddressRule.isPlausible(text) else { return .wrong("Enter an email address in the correct format, like name@example.com") }
            return .answered(.text(text.lowercased()))
        case .ukPhone:
            let text = submission.first(id)
            if text.isEmpty { return .blank }
            guard PhoneNumberRule.isPlausible(text) else { return .wrong("Enter a telephone number, like 01632 960 001 or 07700 900 982") }
            return .answered(.text(text))
        case .ukPostcode:
            let text = submission.first(id)
            if text.isEmpty { return .blank }
            guard let postcode = Postcode(text) else { return .wrong("Enter a real postcode, like KM1 1AA") }
            return .answered(.text(postcode.value))
        case .date:
            return checkDate(field, day: submission.first(id + "-day"), month: submission.first(id + "-month"), year: submission.first(id + "-year"))
        case .singleChoice:
            let value = submission.first(id)
            if value.isEmpty { return .blank }
            guard field.options.contains(where: { $0.value == value }) else { return .wrong(missingMessage(field)) }
            return .answered(.choice(value))
        case .multipleChoice:
            let values = submission.all(id)
            if values.isEmpty { return .blank }
            let known = Set(field.options.map(\.value))
            guard values.allSatisfy(known.contains) else { return .wrong(missingMessage(field)) }
            // Kept in the form's order, whatever order they arrived in.
            return .answered(.choices(field.options.map(\.value).filter(values.contains)))
        case .yesNo:
            switch submission.first(id) {
            case "": return .blank
            case "yes": return .answered(.yesNo(true))
            case "no": return .answered(.yesNo(false))
            default: return .wrong(missingMessage(field))
            }
        case .address:
            return checkAddress(field, submission)
        case .mapLocation:
            let latitude = submission.first(id + "-latitude"), longitude = submission.first(id + "-longitude")
            if let lat = Double(latitude), let long = Double(longitude), (-90...90).contains(lat), (-180...180).contains(long) {
                return .answered(.location(latitude: lat, longitude: long))
            }
            let description = submission.first(id + "-description")
            if description.isEmpty { return .blank }
            guard description.count <= 500 else { return .wrong("The description of the location must be 500 characters or fewer") }
            return .answered(.locationDescription(description))
        case .fileUpload:
            let name = submission.first(id + "-name")
            if name.isEmpty { return .blank }
            let type = submission.first(id + "-type").lowercased()
            let bytes = Int(submission.first(id + "-size")) ?? 0
            let allowed = field.allowedContentTypes.isEmpty ? FieldDefinition.defaultContentTypes : field.allowedContentTypes
            guard allowed.contains(type) else { return .wrong("The selected file must be a \(listing(allowed.map(FileSignature.displayName)))") }
            let limit = field.maximumFileBytes ?? FieldDefinition.defaultMaximumFileBytes
            guard bytes <= limit else { return .wrong("The selected file must be smaller than \(limit / (1024 * 1024)) MB") }
            guard bytes > 0 else { return .wrong("The selected file is empty") }
            return .answered(.file(name: name, bytes: bytes, contentType: type))
        case .hidden:
            return field.fixedValue.map { .answered(.text($0)) } ?? .blank
        }
    }

    static func checkText(_ field: FieldDefinition, _ text: String) -> Outcome {
        let limit = field.maximumLength ?? (field.kind == .longText ? 5000 : 500)
        if text.count > limit { return .wrong("\(capitalised(field.errorName)) must be \(limit) characters or fewer") }
        if let minimum = field.minimumLength, text.count < minimum {
            return .wrong("\(capitalised(field.errorName)) must be \(minimum) characters or more")
        }
        if let pattern = field.pattern, let expression = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") {
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) == nil {
                return .wrong(field.patternMessage ?? "Enter \(field.errorName) in the correct format")
            }
        }
        return .answered(.text(text))
    }

    static func checkDate(_ field: FieldDefinition, day: String, month: String, year: String) -> Outcome {
        if day.isEmpty, month.isEmpty, year.isEmpty { return .blank }
        let name = capitalised(field.errorName)
        for (part, text) in [("day", day), ("month", month), ("year", year)] where text.isEmpty {
            return .wrongInput("\(name) must include a \(part)", input: field.id + "-" + part)
        }
        guard let d = Int(day), let m = Int(month), let y = Int(year), year.count == 4 else { return .wrong("\(name) must be a real date") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let components = DateComponents(year: y, month: m, day: d)
        guard components.isValidDate(in: calendar) else { return .wrong("\(name) must be a real date") }
        return .answered(.date(year: y, month: m, day: d))
    }

    static func checkAddress(_ field: FieldDefinition, _ submission: FormSubmission) -> Outcome {
        let id = field.id
        let line1 = submission.first(id + "-line1"), line2 = submission.first(id + "-line2")
        let town = submission.first(id + "-town"), postcodeText = submission.first(id + "-postcode")
        if [line1, line2, town, postcodeText].allSatisfy(\.isEmpty) { return .blank }
        if line1.isEmpty { return .wrongInput("Enter address line 1, typically the building and street", input: id + "-line1") }
        if town.isEmpty { return .wrongInput("Enter town or city", input: id + "-town") }
        guard let postcode = Postcode(postcodeText) else {
            return .wrongInput(postcodeText.isEmpty ? "Enter postcode" : "Enter a real postcode, like KM1 1AA", input: id + "-postcode")
        }
        return .answered(.address(PostalAddress(line1: line1, line2: line2, town: town, postcode: postcode,
                                                uprn: UPRN(submission.first(id + "-uprn")))))
    }

    /// "JPG, PNG or PDF".
    static func listing(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
