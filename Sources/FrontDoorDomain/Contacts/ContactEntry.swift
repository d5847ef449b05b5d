/// A contact as an advisor types it, checked: every problem at once, each against its field
/// (the names are the form's), or the values to record.
public struct ContactEntry: Sendable, Equatable {
    public var channel: Contact.Channel
    public var outcome: Contact.Outcome
    public var demand: Contact.Demand
    public var durationMinutes: Int?
    public var notes: String

    public init(channel: Contact.Channel, outcome: Contact.Outcome, demand: Contact.Demand, durationMinutes: Int?, notes: String) {
        self.channel = channel
        self.outcome = outcome
        self.demand = demand
        self.durationMinutes = durationMinutes
        self.notes = notes
    }

    public typealias Problem = FieldProblem
    public typealias Problems = FieldProblems

    public static func check(channel: String, outcome: String, demand: String, duration: String, notes: String) -> Result<ContactEntry, Problems> {
        var problems: [Problem] = []
        let channel = Contact.Channel(rawValue: channel)
        if channel == nil { problems.append(.init(field: "contact-channel", message: "Select how they got in touch")) }
        let outcome = Contact.Outcome(rawValue: outcome)
        if outcome == nil { problems.append(.init(field: "contact-outcome", message: "Select how the contact ended")) }
        let demand = Contact.Demand(rawValue: demand)
        if demand == nil { problems.append(.init(field: "contact-demand", message: "Select what kind of demand it was")) }
        var minutes: Int?
        let typed = duration.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty {
            minutes = Int(typed)
            if minutes == nil || !(0...Contact.longestMinutes).contains(minutes!) {
                problems.append(.init(field: "contact-duration", message: "Enter how long it took in minutes, from 0 to \(Contact.longestMinutes)"))
            }
        }
        if notes.count > Contact.notesLimit {
            problems.append(.init(field: "contact-notes", message: "Notes must be 5,000 characters or fewer"))
        }
        guard problems.isEmpty, let channel, let outcome, let demand else { return .failure(Problems(all: problems)) }
        return .success(ContactEntry(channel: channel, outcome: outcome, demand: demand, durationMinutes: minutes,
                                     notes: notes.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
