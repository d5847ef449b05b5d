import Foundation
import FrontDoorDomain

/// The GOV.UK component that asks a field's question, shaped from its definition: the one
/// mapping from field kinds to components, used for residents and advisors alike.
struct QuestionComponents {
    var textInput: TextInput?
    var textarea: Textarea?
    var dateInput: DateInput?
    var radios: Radios?
    var checkboxes: Checkboxes?
    var fileUpload: FileUpload?
    var address: AddressQuestion?
    var location: LocationQuestion?

    /// Where an address question is in its lookup.
    enum AddressStep {
        case findByPostcode(postcode: String, error: String?)
        case choose(postcode: Postcode, addresses: [GazetteerAddress], selectedUPRN: String?, error: String?)
        case typeIn
    }

    /// `values` are what to show (the draft's answers, or what was just sent); `problem` the
    /// error to show with it. `pageHref` is this question's page, for the address step links.
    init(field: FieldDefinition, values: FormSubmission, problem: AnswerProblem?, addressStep: AddressStep = .typeIn,
         currentFileName: String? = nil, pageHref: String, language: SiteLanguage = .english) {
        let id = field.id, error = problem?.message
        func value(_ name: String) -> String { values.values[name]?.first ?? "" }
        let heading = Label(field.label, isPageHeading: true)
        switch field.kind {
        case .shortText, .email, .ukPhone, .ukPostcode, .number:
            let shape = Self.inputShape(field.kind)
            textInput = TextInput(id: id, label: heading, type: shape.type, hint: field.hint, error: error, value: value(id),
                                  autocomplete: shape.autocomplete, inputmode: shape.inputmode, spellcheck: shape.spellcheck,
                                  widthClass: shape.widthClass)
        case .longText:
            textarea = Textarea(id: id, label: heading, hint: field.hint, error: error, value: value(id))
        case .date:
            let part = problem?.inputName.flatMap { name in DateInput.Part.allCases.first { name == id + "-" + $0.rawValue } }
            dateInput = DateInput(id: id, fieldset: Fieldset(legend: field.label, isPageHeading: true), hint: field.hint, error: error,
                                  day: value(id + "-day"), month: value(id + "-month"), year: value(id + "-year"),
                                  erroneousParts: part.map { [$0] } ?? [])
        case .singleChoice, .yesNo:
            let options = field.kind == .yesNo
                ? [(value: "yes", text: "Yes", hint: String?.none), (value: "no", text: "No", hint: String?.none)]
                : field.options.map { (value: $0.value, text: $0.label, hint: String?.none) }
            radios = Radios(ChoiceGroup(idPrefix: id, fieldset: Fieldset(legend: field.label, isPageHeading: true), hint: field.hint,
                                        error: error, options: options, selected: [value(id)], isInline: field.kind == .yesNo))
        case .multipleChoice:
            checkboxes = Checkboxes(ChoiceGroup(idPrefix: id, fieldset: Fieldset(legend: field.label, isPageHeading: true),
                                                hint: field.hint, error: error,
                                                options: field.options.map { (value: $0.value, text: $0.label, hint: String?.none) },
                                                selected: Set(values.values[id] ?? [])))
        case .fileUpload:
            let allowed = field.allowedContentTypes.isEmpty ? FieldDefinition.defaultContentTypes : field.allowedContentTypes
            fileUpload = FileUpload(id: id, label: heading, hint: field.hint, error: error, accept: allowed, currentFile: currentFileName)
        case .address:
            address = Self.address(field, values: values, problem: problem, step: addressStep, pageHref: pageHref, language: language)
        case .mapLocation:
            let description = FieldDescription(id: id, hint: field.hint, error: error)
            let latitude = value(id + "-latitude"), longitude = value(id + "-longitude")
            location = LocationQuestion(
                fieldset: Fieldset(legend: field.label, isPageHeading: true), hint: description.hint,
                errorMessage: description.errorMessage, describedBy: description.describedBy,
                latitudeID: id + "-latitude", latitude: latitude, longitudeID: id + "-longitude", longitude: longitude,
                foundText: latitude.isEmpty ? nil : "We have the location from your device (\(latitude), \(longitude)).",
                description: Textarea(id: id + "-description", label: Label("Describe where it is"),
                                      hint: "Give an address, or describe the place, for example: outside 14 Mill Lane, by the bus stop.",
                                      value: value(id + "-description"), rows: 3))
        case .hidden:
            break
        }
    }

    /// The element an error summary link should land on: the box at fault, or the question's first.
    static func anchor(for problem: AnswerProblem, field: FieldDefinition, addressStep: AddressStep = .typeIn) -> String {
        if let input = problem.inputName { return input }
        switch field.kind {
        case .address:
            switch addressStep {
            case .findByPostcode: return field.id + "-lookup"
            case .choose: return field.id + "-uprn"
            case .typeIn: return field.id + "-line1"
            }
        case .mapLocation: return field.id + "-description"
        default: return field.id
        }
    }

    struct InputShape {
        var type = "text"
        var autocomplete: String?
        var inputmode: String?
        var spellcheck: Bool?
        var widthClass = ""
    }

    /// GOV.UK's advice per kind: `type=email` and `tel` for the right keyboards, numbers as text
    /// with a numeric inputmode, spellcheck off where it only gets in the way.
    static func inputShape(_ kind: FieldDefinition.Kind) -> InputShape {
        switch kind {
        case .email: InputShape(type: "email", autocomplete: "email", spellcheck: false)
        case .ukPhone: InputShape(type: "tel", autocomplete: "tel", widthClass: "fd-input--width-20")
        case .ukPostcode: InputShape(autocomplete: "postal-code", spellcheck: false, widthClass: "fd-input--width-10")
        case .number: InputShape(inputmode: "decimal", spellcheck: false, widthClass: "fd-input--width-10")
        default: InputShape()
        }
    }

    static func address(_ field: FieldDefinition, values: FormSubmission, problem: AnswerProblem?, step: AddressStep,
                        pageHref: String, language: SiteLanguage = .english) -> AddressQuestion {
        let id = field.id
        func value(_ name: String) -> String { values.values[name]?.first ?? "" }
        var question = AddressQuestion(heading: field.label, hint: field.hint.map { Hint(id: id + "-hint", text: $0) })
        let manualHref = pageHref + (pageHref.contains("?") ? "&" : "?") + "address=manual"
        switch step {
        case .findByPostcode(let postcode, let error):
            question.lookup = .init(
                postcode: TextInput(id: id + "-lookup", label: Label(L("address_postcode", language)), error: error, value: postcode,
                                    autocomplete: "postal-code", spellcheck: false, widthClass: "fd-input--width-10"),
                find: Button(L("address_find", language), name: "action", value: "find"), manualHref: manualHref)
        case .choose(let postcode, let addresses, let selected, let error):
            let options = [(value: "", text: L(addresses.count == 1 ? "address_count_one" : "address_count_many", language, ["count": String(addresses.count)]))]
                + addresses.map { (value: $0.uprn.value, text: $0.address.lines.dropLast().joined(separator: ", ")) }
            question.choose = .init(
                postcodeName: id + "-lookup", postcode: postcode.value, found: L("address_found_at", language, ["postcode": postcode.value]),
                changeHref: pageHref, select: Select(id: id + "-uprn", label: Label(L("address_select", language)), error: error, options: options,
                                                     selected: selected),
                use: Button(L("address_use", language), name: "action", value: "choose"), manualHref: manualHref)
        case .typeIn:
            // The message goes beside the box at fault (the first, when the whole address is).
            let at = problem.map { $0.inputName ?? id + "-line1" }
            func marked(_ name: String) -> String? { at == name ? problem?.message : nil }
            question.manual = .init(
                line1: TextInput(id: id + "-line1", label: Label(L("address_line1", language)), error: marked(id + "-line1"), value: value(id + "-line1"),
                                 autocomplete: "address-line1"),
                line2: TextInput(id: id + "-line2", label: Label(L("address_line2", language)), value: value(id + "-line2"),
                                 autocomplete: "address-line2"),
                town: TextInput(id: id + "-town", label: Label(L("address_town", language)), error: marked(id + "-town"), value: value(id + "-town"),
                                autocomplete: "address-level2", widthClass: "fd-input--width-20"),
                postcode: TextInput(id: id + "-postcode", label: Label(L("address_postcode", language)), error: marked(id + "-postcode"),
                                    value: value(id + "-postcode"), autocomplete: "postal-code", spellcheck: false,
                                    widthClass: "fd-input--width-10"),
                lookupHref: pageHref)
        }
        return question
    }
}
