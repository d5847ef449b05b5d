import FrontDoorDomain

/// The council's complaint handling policy, one form for each type of complaint: how soon a
/// complaint is acknowledged, its stages with their response times and longest extensions, and
/// whether each stage needs a fresh officer. Complaints already made keep the policy they began under.
public struct ComplaintPolicyPage: PageModel {
    public static let template = "staff-complaint-policy"

    public struct StageRow: Sendable {
        public var legend: String
        public var name: TextInput
        public var days: TextInput
        public var longestExtension: TextInput
    }

    public struct TypeForm: Sendable {
        public var heading: String
        /// Whether it keeps to the Ombudsmen's code, or how it differs.
        public var standing: String
        public var isWarning: Bool
        public var action: String
        public var resetAction: String
        public var acknowledge: TextInput
        public var stages: [StageRow]
        public var differentOfficer: Checkboxes
        public var save: Button
        public var reset: Button
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    public var csrfToken: String
    public var types: [TypeForm]
}
