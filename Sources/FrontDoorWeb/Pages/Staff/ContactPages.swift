import Foundation
import FrontDoorDomain

/// "Log a contact": the one form for every channel, on a customer's record or for an unknown caller.
public struct ContactForm: Sendable {
    public var action: String
    public var csrfToken: String
    public var channel: Radios
    public var service: Select
    public var outcome: Radios
    public var demand: Radios
    public var duration: TextInput
    public var notes: Textarea
    public var save: Button

    init(action: String, csrfToken: String, services: [CouncilService], typed: FormInput? = nil, problems: [FieldProblem] = []) {
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: (T) -> String) -> [(value: String, text: String, hint: String?)]
            where T.RawValue == String { T.allCases.map { (value: $0.rawValue, text: name($0), hint: String?.none) } }
        self.action = action
        self.csrfToken = csrfToken
        self.channel = Radios(ChoiceGroup(idPrefix: "contact-channel", fieldset: Fieldset(legend: "How did they get in touch?"),
                                          error: error("contact-channel"), options: choices(Contact.Channel.self, \.displayName),
                                          selected: [typed?["contact-channel"] ?? Contact.Channel.phone.rawValue], isInline: true))
        self.service = Select(id: "contact-service", label: Label("What was it about?"),
                              options: [(value: "", text: "Not about one service")] + services.map { (value: $0.id.uuidString, text: $0.name) },
                              selected: typed?["contact-service"])
        self.outcome = Radios(ChoiceGroup(idPrefix: "contact-outcome", fieldset: Fieldset(legend: "How did it end?"),
                                          error: error("contact-outcome"), options: choices(Contact.Outcome.self, \.displayName),
                                          selected: typed.map { [$0["contact-outcome"]] } ?? []))
        self.demand = Radios(ChoiceGroup(idPrefix: "contact-demand", fieldset: Fieldset(legend: "What kind of demand was it?"),
                                         error: error("contact-demand"), options: choices(Contact.Demand.self, \.displayName),
                                         selected: typed.map { [$0["contact-demand"]] } ?? []))
        self.duration = TextInput(id: "contact-duration", label: Label("How long did it take, in minutes? (optional)"),
                                  error: error("contact-duration"), value: typed?["contact-duration"], inputmode: "numeric",
                                  spellcheck: false, widthClass: "fd-input--width-4")
        self.notes = Textarea(id: "contact-notes", label: Label("Notes (optional)"), hint: "What they asked and what you did, so nobody asks again.",
                              error: error("contact-notes"), value: typed?["contact-notes"], rows: 4)
        self.save = Button("Log the contact")
    }
}

/// A customer's callbacks as a table, newest window first.
enum CallbackTable {
    static func make(_ callbacks: [Callback], caption: String, now: Date) -> Table? {
        callbacks.isEmpty ? nil : Table(
            caption: caption, head: ["When", "Number", "About", "State", "Booked by"],
            rows: callbacks.map { callback in
                [CallbackWindowText.describe(callback.window), callback.phone, callback.reason,
                 callback.state(at: now).displayName + (callback.completedBy.map { " (\($0))" } ?? ""), callback.bookedBy]
            })
    }
}

/// A callback window as people say it: "Thursday 26 November 2026, 14:00 to 16:00".
enum CallbackWindowText {
    static func describe(_ window: DateInterval) -> String {
        let day = DateFormatter(), time = DateFormatter()
        for formatter in [day, time] {
            formatter.locale = Locale(identifier: "en_GB")
            formatter.timeZone = .london
        }
        day.dateFormat = "EEEE d MMMM yyyy"
        time.dateFormat = "HH:mm"
        return day.string(from: window.start) + ", " + time.string(from: window.start) + " to " + time.string(from: window.end)
    }
}

/// A customer's contacts as a table, newest first.
enum ContactTable {
    static func make(_ contacts: [Contact], services: [UUID: String], caption: String) -> Table? {
        contacts.isEmpty ? nil : Table(
            caption: caption, head: ["When", "Channel", "About", "Outcome", "Demand", "By", "Notes"],
            rows: contacts.map { contact in
                [UKDateFormat.dateAndTime(contact.recordedAt), contact.channel.displayName,
                 contact.serviceID.flatMap { services[$0] } ?? "—", contact.outcome.displayName,
                 contact.demand.displayName.components(separatedBy: " (").first ?? "", contact.staffName,
                 contact.notes.isEmpty ? "—" : contact.notes]
            })
    }
}

/// An unknown caller's contact (no customer yet), and the list of those waiting to be linked.
public struct UnknownCallerPage: PageModel {
    public static let template = "staff-unknown-callers"

    public struct Waiting: Sendable {
        public var when: String
        public var summary: String
        public var notes: String
        public var action: String
        public var csrfToken: String
        public var query: TextInput
        public var link: Button
    }

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var heading: String
    public var form: ContactForm
    public var waiting: [Waiting]
    public var hasWaiting: Bool
}
