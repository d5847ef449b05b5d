/// The information request part of an FOI, EIR or subject access case page: where its legal
/// clock stands, and the forms that move it (identity check, clarification, fees notice,
/// extension, what was withheld, the response, the disclosure log). A form is nil when it does
/// not apply now or the member of staff may not use it.
public struct InformationRequestPanel: Sendable {
    /// A form's common parts: where it posts, and the version of the case it was built from.
    public struct Target: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
    }

    /// A form of one field (a date, a question, an amount) and its button.
    public struct DateStep: Sendable {
        public var target: Target
        public var date: DateInput
        public var save: Button
    }

    public struct Clarify: Sendable {
        public var target: Target
        public var question: Textarea
        public var save: Button
        public var isOpen: Bool
    }

    public struct Fees: Sendable {
        public var target: Target
        public var amount: TextInput
        public var save: Button
        public var isOpen: Bool
    }

    public struct Extend: Sendable {
        public var target: Target
        /// FOI and EIR: the new date; subject access: one or two months.
        public var until: DateInput?
        public var months: Radios?
        public var reason: TextInput
        public var save: Button
        public var isOpen: Bool
    }

    public struct WithheldRow: Sendable {
        public var details: SummaryList
        public var remove: Unpublish?
    }

    public struct AddWithheld: Sendable {
        public var target: Target
        public var description: TextInput
        public var exemption: Select
        public var publicInterest: Textarea
        public var save: Button
        public var isOpen: Bool
    }

    public struct Respond: Sendable {
        public var target: Target
        public var text: Textarea
        public var save: Button
    }

    public struct Publish: Sendable {
        public var target: Target
        public var request: Textarea
        public var response: Textarea
        public var confirm: Checkboxes
        public var save: Button
        public var isOpen: Bool
    }

    /// A form that is only its button (remove an item, stop publishing).
    public struct Unpublish: Sendable {
        public var target: Target
        public var save: Button
    }

    public var heading: String
    public var summary: SummaryList
    /// FOI and EIR record what was withheld; a subject access request does not here.
    public var recordsWithheld: Bool
    public var withheld: [WithheldRow]
    public var hasWithheld: Bool
    public var identity: DateStep?
    public var clarify: Clarify?
    public var clarified: DateStep?
    public var fees: Fees?
    public var feePaid: DateStep?
    public var extend: Extend?
    public var addWithheld: AddWithheld?
    public var respond: Respond?
    public var publish: Publish?
    public var unpublish: Unpublish?
}
