import Foundation
import FrontDoorDomain

/// The flags on a customer's record, the ones this member of staff may see, and the form to
/// raise another.
public struct FlagPanel: Sendable {
    public struct Shown: Sendable {
        public var kind: String
        public var detail: String
        public var raised: String
        public var isSensitive: Bool
        /// Taking the flag off (when the role may edit the record).
        public var removeAction: String?
        public var removeLabel: String
    }

    public var flags: [Shown]
    public var hasFlags: Bool
    /// "1 flag is not shown": the advisor learns to ask before acting, not what it says.
    public var hiddenNotice: String?
    public var csrfToken: String
    public var raise: RaiseForm?

    public struct RaiseForm: Sendable {
        public var action: String
        public var kind: Radios
        public var detail: Textarea
        public var save: Button
    }

    init(flags: [CustomerFlag], member: StaffMember, mayEdit: Bool, recordPath: String, csrfToken: String,
         typed: FormInput?, problems: [FieldProblem]) {
        let visible = flags.filter { $0.isVisible(to: member) }
        let hidden = flags.count - visible.count
        self.flags = visible.map { flag in
            Shown(kind: flag.kind.displayName, detail: flag.detail,
                  raised: "Added by \(flag.raisedBy), \(UKDateFormat.dateAndTime(flag.raisedAt))",
                  isSensitive: flag.kind.sensitivity > .standard,
                  removeAction: mayEdit ? recordPath + "/flags/" + flag.id.uuidString.lowercased() + "/remove" : nil,
                  removeLabel: "Remove the ‘\(flag.kind.displayName.lowercased())’ flag")
        }
        self.hasFlags = !visible.isEmpty
        self.hiddenNotice = hidden == 0 ? nil
            : "\(hidden) \(hidden == 1 ? "flag is" : "flags are") not shown to your role. Before arranging a visit or sharing information, ask a team lead."
        self.csrfToken = csrfToken
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        // Anyone who may edit the record may raise any flag, safeguarding included (advisors hear
        // concerns first), even one their role will then not be shown.
        let kinds = CustomerFlag.Kind.allCases
        self.raise = mayEdit ? RaiseForm(
            action: recordPath + "/flags",
            kind: Radios(ChoiceGroup(idPrefix: "flag-kind", fieldset: Fieldset(legend: "Kind of flag"), error: error("flag-kind"),
                                     options: kinds.map { (value: $0.rawValue, text: $0.displayName, hint: $0.detailHint) },
                                     selected: typed.map { [$0["flag-kind"]] } ?? [])),
            detail: Textarea(id: "flag-detail", label: Label("What does the next person need to know?"), error: error("flag-detail"),
                             value: typed?["flag-detail"], rows: 3),
            save: Button("Add the flag", variant: .secondary)) : nil
    }
}

/// "Book a callback": a day, a window and the number to ring.
public struct CallbackForm: Sendable {
    public var action: String
    public var csrfToken: String
    public var date: DateInput
    public var from: TextInput
    public var to: TextInput
    public var phone: TextInput
    public var reason: Textarea
    public var save: Button

    init(action: String, csrfToken: String, phone: String, typed: FormInput?, problems: [FieldProblem]) {
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        self.action = action
        self.csrfToken = csrfToken
        self.date = DateInput(id: "callback-date", fieldset: Fieldset(legend: "Day"), hint: "For example, 27 11 2026",
                              error: error("callback-date"), day: typed?["callback-date-day"], month: typed?["callback-date-month"],
                              year: typed?["callback-date-year"])
        self.from = TextInput(id: "callback-from", label: Label("Between"), hint: "24-hour clock, for example 14:00", error: error("callback-from"),
                              value: typed?["callback-from"], spellcheck: false, widthClass: "fd-input--width-5")
        self.to = TextInput(id: "callback-to", label: Label("And"), hint: "For example 16:00", error: error("callback-to"),
                            value: typed?["callback-to"], spellcheck: false, widthClass: "fd-input--width-5")
        self.phone = TextInput(id: "callback-phone", label: Label("Number to ring"), error: error("callback-phone"),
                               value: typed.map { $0.has("callback-phone") ? $0["callback-phone"] : phone } ?? phone, autocomplete: "off", inputmode: "tel", spellcheck: false,
                               widthClass: "fd-input--width-20")
        self.reason = Textarea(id: "callback-reason", label: Label("What is it about?"), hint: "So whoever rings knows without asking again.",
                               error: error("callback-reason"), value: typed?["callback-reason"], rows: 3)
        self.save = Button("Book the callback", variant: .secondary)
    }
}

/// "Merge a duplicate record into this one": find the duplicate by one unambiguous detail.
public struct MergeForm: Sendable {
    public var action: String
    public var csrfToken: String
    public var duplicate: TextInput
    public var find: Button

    init(action: String, csrfToken: String, typed: FormInput?, problems: [FieldProblem]) {
        self.action = action
        self.csrfToken = csrfToken
        self.duplicate = TextInput(id: "merge-duplicate", label: Label("The duplicate's email, phone number or name"),
                                   hint: "You will see both records before anything changes.",
                                   error: problems.first { $0.field == "merge-duplicate" }?.message, value: typed?["merge-duplicate"],
                                   autocomplete: "off", spellcheck: false)
        self.find = Button("Find the duplicate", variant: .secondary)
    }
}

/// Prompts, not scripts: the chosen service's guidance for advisors, beside the record. Every
/// service's guidance is on the page (only the chosen one shown), so the script can switch
/// between them without a round trip; without it, the GET form chooses.
public struct GuidancePanel: Sendable {
    public struct Section: Sendable {
        public var id: String
        public var serviceName: String
        public var paragraphs: [String]
        public var isHidden: Bool
    }

    public var action: String
    public var service: Select
    public var show: Button
    public var sections: [Section]
    public var hasChoice: Bool

    init(action: String, services: [CouncilService], guidance: [UUID: String], chosen: UUID?) {
        let offered = services.filter { guidance[$0.id] != nil }.sorted { $0.name < $1.name }
        self.action = action
        self.service = Select(id: "guidance", label: Label("Guidance for"),
                              options: [(value: "", text: "Choose a service")] + offered.map { (value: $0.id.uuidString.lowercased(), text: $0.name) },
                              selected: chosen?.uuidString.lowercased())
        self.show = Button("Show guidance", variant: .secondary)
        self.sections = offered.map { service in
            Section(id: "guidance-" + service.id.uuidString.lowercased(), serviceName: service.name,
                    paragraphs: (guidance[service.id] ?? "").components(separatedBy: "\n\n")
                        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
                    isHidden: service.id != chosen)
        }
        self.hasChoice = !offered.isEmpty
    }
}
