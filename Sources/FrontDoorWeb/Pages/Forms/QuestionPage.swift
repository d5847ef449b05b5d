import FrontDoorDomain

/// One question of a service's form on a page of its own (GOV.UK "one thing per page"). The
/// resident's pages and the advisor's are this same page: only the chrome and the links differ.
public struct QuestionPage: PageModel {
    public static let template = "form-question"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    /// The service's name, above the question.
    public var caption: String
    public var action: String
    public var csrfToken: String
    public var isMultipart: Bool
    public var textInput: TextInput?
    public var textarea: Textarea?
    public var dateInput: DateInput?
    public var radios: Radios?
    public var checkboxes: Checkboxes?
    public var fileUpload: FileUpload?
    public var address: AddressQuestion?
    public var location: LocationQuestion?
    public var continueButton: Button?

    init(chrome: PageChrome, backHref: String, caption: String, action: String, csrfToken: String,
         question: QuestionComponents, errors: [FieldError], language: SiteLanguage = .english) {
        self.chrome = chrome
        self.backLink = BackLink(href: backHref, text: L("back", language))
        self.errorSummary = errors.isEmpty ? nil : ErrorSummary(errors: errors)
        self.caption = caption
        self.action = action
        self.csrfToken = csrfToken
        self.isMultipart = question.fileUpload != nil
        self.textInput = question.textInput
        self.textarea = question.textarea
        self.dateInput = question.dateInput
        self.radios = question.radios
        self.checkboxes = question.checkboxes
        self.fileUpload = question.fileUpload
        self.address = question.address
        self.location = question.location
        self.continueButton = question.address == nil || question.address?.manual != nil ? Button(L("question_continue", language)) : nil
    }
}

/// An address question in one of its three states: find by postcode, choose from the
/// gazetteer's addresses there, or type it in (GOV.UK's address lookup, working without JavaScript).
public struct AddressQuestion: Sendable {
    public struct Lookup: Sendable {
        public var postcode: TextInput
        public var find: Button
        public var manualHref: String
    }

    public struct Choose: Sendable {
        public var postcodeName: String
        public var postcode: String
        public var found: String
        public var changeHref: String
        public var select: Select
        public var use: Button
        public var manualHref: String
    }

    public struct Manual: Sendable {
        public var line1: TextInput
        public var line2: TextInput
        public var town: TextInput
        public var postcode: TextInput
        public var lookupHref: String?
    }

    public var heading: String
    public var hint: Hint?
    public var lookup: Lookup?
    public var choose: Choose?
    public var manual: Manual?
}

/// A location question: the device's location where JavaScript runs (filling the hidden
/// latitude and longitude), and always a description of the place, which works everywhere.
public struct LocationQuestion: Sendable {
    public var fieldset: Fieldset
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var latitudeID: String
    public var latitude: String
    public var longitudeID: String
    public var longitude: String
    public var foundText: String?
    public var description: Textarea
}
