import FrontDoorPersistence

/// The audit trail for administrators: who did what, when and from where, newest first.
public struct AuditTrailPage: PageModel {
    public static let template = "audit-trail"

    public var chrome: PageChrome
    public var action: String
    public var eventSelect: Select
    public var actorInput: TextInput
    public var filterButton: Button
    public var table: Table
    public var isEmpty: Bool
    public var downloadHref: String

    public init(chrome: PageChrome, basePath: String, filter: AuditTrail.Filter, events: [AuditEvent], queryString: String) {
        self.chrome = chrome
        self.action = basePath + StaffPaths.auditTrail
        self.eventSelect = Select(id: "event", label: Label("What happened"),
                                  options: [("", "Anything")] + AuditEvent.Kind.allCases.map { ($0.rawValue, $0.description) },
                                  selected: filter.kind?.rawValue ?? "")
        self.actorInput = TextInput(id: "actor", label: Label("Who (part of an email address)"), value: filter.actorContains,
                                    spellcheck: false, widthClass: "fd-input--width-20")
        self.filterButton = Button("Filter", variant: .secondary)
        self.table = Table(caption: "Events, newest first", captionClasses: "fd-table__caption--m",
                           head: ["When", "Who", "What happened", "To what", "From address"],
                           rows: events.map { [UKDateFormat.dateAndTime($0.occurredAt), $0.actor, $0.kind.description, $0.subject, $0.address] })
        self.isEmpty = events.isEmpty
        self.downloadHref = basePath + StaffPaths.auditTrailCSV + (queryString.isEmpty ? "" : "?" + queryString)
    }
}
