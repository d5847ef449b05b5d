/// The complaint part of a complaint's case page: its stages so far, and the forms for the
/// current stage (acknowledge with its officer, extend, respond, escalate), the service it is
/// about, learning actions and any Ombudsman referral. A form is nil when it does not apply now
/// or the member of staff may not use it.
public struct ComplaintPanel: Sendable {
    /// A form's common parts: where it posts, and the version of the case it was built from.
    public struct Target: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
    }

    public struct StageSummary: Sendable {
        public var heading: String
        public var details: SummaryList
    }

    public struct Subject: Sendable {
        public var target: Target
        public var service: Select
        public var save: Button
    }

    public struct Acknowledge: Sendable {
        public var target: Target
        public var officer: Select
        public var save: Button
    }

    public struct Extend: Sendable {
        public var target: Target
        public var days: TextInput
        public var reason: TextInput
        public var save: Button
        public var isOpen: Bool
    }

    public struct Respond: Sendable {
        public var target: Target
        public var outcome: Radios
        public var remedies: Checkboxes
        public var amount: TextInput
        public var rootCause: Textarea
        public var text: Textarea
        public var save: Button
    }

    public struct Escalate: Sendable {
        public var target: Target
        public var reason: Textarea
        public var save: Button
        public var isOpen: Bool
    }

    public struct LearningRow: Sendable {
        public var details: SummaryList
        /// "Mark as done" or "Publish"/"Stop publishing", when allowed now.
        public var next: LearningStep?
    }

    public struct LearningStep: Sendable {
        public var target: Target
        public var step: String
        public var save: Button
    }

    public struct AddLearning: Sendable {
        public var target: Target
        public var youSaid: Textarea
        public var weDid: Textarea
        public var owner: Select
        public var due: DateInput
        public var save: Button
        public var isOpen: Bool
    }

    public struct Referral: Sendable {
        public var target: Target
        public var ombudsman: Select
        public var reference: TextInput
        public var referredOn: DateInput
        public var decision: Select
        public var decidedOn: DateInput
        public var remedy: Textarea
        public var save: Button
        public var isOpen: Bool
    }

    public var heading: String
    public var summary: SummaryList
    public var stages: [StageSummary]
    public var subject: Subject?
    public var acknowledge: Acknowledge?
    public var extend: Extend?
    public var respond: Respond?
    public var escalate: Escalate?
    public var learning: [LearningRow]
    public var hasLearning: Bool
    public var addLearning: AddLearning?
    public var referral: SummaryList?
    public var recordReferral: Referral?
}
