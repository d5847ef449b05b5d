import FrontDoorDomain

/// A case for staff: what it is, where it stands against its standard, what was asked (read
/// with its form version), one timeline of everything that happened, and what can be done next.
public struct CasePage: PageModel {
    public static let template = "staff-case"

    public struct TimelineEntry: Sendable {
        public var when: String
        public var who: String
        public var text: String
        public var isInternal: Bool
        public var statusChange: String?
    }

    public struct Change: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
        public var next: Radios
        public var message: Textarea
        public var save: Button
    }

    public struct Note: Sendable {
        public var action: String
        public var csrfToken: String
        public var text: Textarea
        public var visibility: Radios
        public var save: Button
    }

    public struct Nearby: Sendable {
        public var href: String
        public var reference: String
        public var text: String
    }

    public struct Merge: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
        public var into: Select
        public var save: Button
    }

    public struct Extend: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
        public var days: TextInput
        public var reason: TextInput
        public var save: Button
        /// Open when it holds an error, so the error is seen.
        public var isOpen: Bool
    }

    /// Priority and officer, for those who may assign.
    public struct Details: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
        public var priority: Select
        public var officer: Select
        public var save: Button
    }

    public struct Relate: Sendable {
        public var action: String
        public var csrfToken: String
        public var reference: TextInput
        public var save: Button
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var extend: Extend?
    public var caseDetails: Details?
    public var linked: [Nearby]
    public var hasLinked: Bool
    public var relate: Relate?
    /// Open reports of the same service within 50 metres: perhaps the same problem.
    public var nearby: [Nearby]
    public var hasNearby: Bool
    public var merge: Merge?
    /// For a duplicate: the case it was joined to.
    public var mergedInto: Nearby?
    public var errorSummary: ErrorSummary?
    public var caption: String
    public var heading: String
    public var details: SummaryList
    public var answers: SummaryList
    public var files: [SubmittedFormPage.Link]
    public var hasFiles: Bool
    public var timeline: [TimelineEntry]
    public var change: Change?
    public var note: Note?
    /// For a complaint: its stages and what may be done at this one.
    public var complaint: ComplaintPanel?
    /// For an FOI, EIR or subject access request: its clock and what may be done now.
    public var informationRequest: InformationRequestPanel?
    /// For a compliment or a comment: the service it is about and the team it is with.
    public var feedback: FeedbackPanel?

    init(chrome: PageChrome, banner: NotificationBanner?, errorSummary: ErrorSummary?, item: Case, serviceName: String,
         details: SummaryList, answers: SummaryList, files: [SubmittedFormPage.Link], timeline: [TimelineEntry], change: Change?, note: Note?,
         nearby: [Nearby] = [], merge: Merge? = nil, mergedInto: Nearby? = nil, extend: Extend? = nil,
         caseDetails: Details? = nil, linked: [Nearby] = [], relate: Relate? = nil, complaint: ComplaintPanel? = nil,
         informationRequest: InformationRequestPanel? = nil, feedback: FeedbackPanel? = nil) {
        self.complaint = complaint
        self.feedback = feedback
        self.informationRequest = informationRequest
        self.chrome = chrome
        self.caseDetails = caseDetails
        self.linked = linked
        self.hasLinked = !linked.isEmpty
        self.relate = relate
        self.extend = extend
        self.nearby = nearby
        self.hasNearby = !nearby.isEmpty
        self.merge = merge
        self.mergedInto = mergedInto
        self.banner = banner
        self.errorSummary = errorSummary
        self.caption = item.reference.description
        self.heading = serviceName
        self.details = details
        self.answers = answers
        self.files = files
        self.hasFiles = !files.isEmpty
        self.timeline = timeline
        self.change = change
        self.note = note
    }
}
