import FrontDoorDomain
import Testing

@Suite("Notification events: default messages and checking a council's own")
struct NotificationEventTests {
    static let caseReceivedAllowed = "You can use ((name)), ((reference)), ((service)), ((council)), ((link)), ((due_date))"

    static func email(_ subject: String, _ body: String) -> MessageTemplate { MessageTemplate(subject: subject, body: body) }

    // MARK: Default messages

    @Test("Every default message uses only its event's placeholders and renders with the examples",
          arguments: NotificationEvent.allCases, NotificationChannel.allCases)
    func defaultsRender(event: NotificationEvent, channel: NotificationChannel) throws {
        let template = event.defaultTemplate(for: channel)
        #expect(!template.placeholders.isEmpty)
        #expect(Set(template.placeholders).isSubset(of: event.placeholders), "\(template.placeholders) vs \(event.placeholders)")
        let rendered = try template.render(NotificationEvent.examples).get()
        #expect(!rendered.body.contains("((") && !rendered.body.contains("))"))
        #expect(!rendered.subject.contains("((") && !rendered.subject.contains("))"))
        #expect(event.check(template, channel: channel) == [])
    }

    @Test("Default emails and letters have a subject; default text messages do not",
          arguments: NotificationEvent.allCases, NotificationChannel.allCases)
    func defaultSubjects(event: NotificationEvent, channel: NotificationChannel) {
        let subject = event.defaultTemplate(for: channel).subject
        #expect(subject.isEmpty == !channel.hasSubject)
    }

    @Test("Every default text message fits in one or two texts with the examples", arguments: NotificationEvent.allCases)
    func defaultTextsFit(event: NotificationEvent) throws {
        let rendered = try event.defaultTemplate(for: .sms).render(NotificationEvent.examples).get()
        let length = TextMessageLength(rendered.body)
        #expect((1...2).contains(length.fragments), "\(length.summary)")
        #expect(!length.isUnicode)
    }

    @Test("There is an example for every placeholder any event offers", arguments: NotificationEvent.allCases)
    func examplesCoverPlaceholders(event: NotificationEvent) {
        for name in event.placeholders {
            #expect(!(NotificationEvent.examples[name] ?? "").isEmpty, "no example for \(name)")
        }
    }

    @Test("Only text messages lack a subject line")
    func channelSubjects() {
        #expect(NotificationChannel.email.hasSubject)
        #expect(NotificationChannel.letter.hasSubject)
        #expect(!NotificationChannel.sms.hasSubject)
    }

    // MARK: Subject and body must be given

    @Test("An email needs a subject line and a letter a heading",
          arguments: [(NotificationChannel.email, "Enter the subject line"), (.letter, "Enter the letter's heading")], ["", "  ", "\n \t"])
    func emptySubject(expected: (NotificationChannel, String), subject: String) {
        let (channel, message) = expected
        #expect(NotificationEvent.caseReceived.check(Self.email(subject, "Dear ((name))"), channel: channel)
                == [FieldProblem(field: "subject", message: message)])
    }

    @Test("Every message needs a body", arguments: NotificationChannel.allCases, ["", "   ", "\n\n"])
    func emptyBody(channel: NotificationChannel, body: String) {
        #expect(NotificationEvent.caseUpdated.check(Self.email("Update", body), channel: channel)
                == [FieldProblem(field: "body", message: "Enter the message")])
    }

    @Test("An empty subject and body are both reported")
    func emptyBoth() {
        #expect(NotificationEvent.caseResolved.check(Self.email("", ""), channel: .email)
                == [FieldProblem(field: "subject", message: "Enter the subject line"), FieldProblem(field: "body", message: "Enter the message")])
    }

    @Test("A text message's subject is not checked", arguments: ["", "   ", String(repeating: "s", count: 201)])
    func smsIgnoresSubject(subject: String) {
        #expect(NotificationEvent.caseReceived.check(Self.email(subject, "((council)): we have ((reference))"), channel: .sms) == [])
    }

    // Text messages have no subject, so whatever is passed as one is not checked (it once was,
    // and its placeholders were reported against the body).
    @Test("A placeholder in a text message's (unused) subject is not reported")
    func smsIgnoresSubjectPlaceholders() {
        #expect(NotificationEvent.caseReceived.check(Self.email("((bogus))", "((council)): we have ((reference))"), channel: .sms) == [])
    }

    // MARK: Placeholders the event does not offer

    @Test("An unknown placeholder in the subject is named, listing what may be used", arguments: [NotificationChannel.email, .letter])
    func unknownInSubject(channel: NotificationChannel) {
        #expect(NotificationEvent.caseReceived.check(Self.email("About ((bogus))", "Dear ((name))"), channel: channel)
                == [FieldProblem(field: "subject", message: "((bogus)) is not available in this message. " + Self.caseReceivedAllowed)])
    }

    @Test("An unknown placeholder in the body is named, listing what may be used", arguments: NotificationChannel.allCases)
    func unknownInBody(channel: NotificationChannel) {
        #expect(NotificationEvent.caseReceived.check(Self.email("About ((reference))", "Dear ((name)), ((bogus))"), channel: channel)
                == [FieldProblem(field: "body", message: "((bogus)) is not available in this message. " + Self.caseReceivedAllowed)])
    }

    @Test("Several unknown placeholders are named together, once each, in order")
    func severalUnknown() {
        let problems = NotificationEvent.caseReceived.check(Self.email("Hi", "((first)) ((reference)) ((second)) ((first))"), channel: .email)
        #expect(problems == [FieldProblem(field: "body", message: "((first)), ((second)) are not available in this message. "
                                            + Self.caseReceivedAllowed)])
    }

    @Test("Another event's placeholder is not available", arguments: [
        (NotificationEvent.caseReceived, "status"), (.caseReceived, "message"), (.caseUpdated, "due_date"),
        (.complaintAcknowledged, "message"), (.informationRequested, "status"), (.replyReminder, "due_date"),
    ])
    func otherEventsPlaceholder(event: NotificationEvent, name: String) {
        let problems = event.check(Self.email("Hi", "Dear ((name)), ((\(name)))"), channel: .email)
        #expect(problems.map(\.field) == ["body"])
        #expect(problems.first?.message.hasPrefix("((\(name))) is not available") == true)
    }

    @Test("Every placeholder an event offers may be used", arguments: NotificationEvent.allCases, NotificationChannel.allCases)
    func allOfferedAccepted(event: NotificationEvent, channel: NotificationChannel) {
        let body = event.placeholders.map { "((\($0)))" }.joined(separator: " ")
        #expect(event.check(Self.email("Re ((name))", body), channel: channel) == [])
    }

    @Test("Placeholders match the event's whatever their case or spacing, and may be optional",
          arguments: ["((Name))", "(( NAME ))", "((reference ))", "((name??Thank you.))"])
    func offeredMatchLoosely(placeholder: String) {
        #expect(NotificationEvent.caseReceived.check(Self.email("Hi \(placeholder)", "Dear \(placeholder)"), channel: .email) == [])
    }

    // MARK: Text message length

    @Test("A text message too long with the example values is refused, though it is short as typed")
    func smsTooLongWithExamples() {
        // ((link)) is 8 characters typed and 56 with the example; 17 of them are under 918 typed but over it filled in.
        let body = Array(repeating: "((link))", count: 17).joined(separator: " ")
        #expect(body.count < TextMessageLength.longestCharacters)
        #expect(NotificationEvent.caseReceived.check(Self.email("", body), channel: .sms)
                == [FieldProblem(field: "body", message: "The text message is too long: with the example values it is over 918 characters")])
    }

    @Test("A text message of 918 characters with the examples is accepted; 919 is not")
    func smsLengthBoundary() throws {
        let council = try #require(NotificationEvent.examples["council"])
        let fits = "((council))" + String(repeating: "a", count: 918 - council.count)
        #expect(NotificationEvent.caseReceived.check(Self.email("", fits), channel: .sms) == [])
        #expect(NotificationEvent.caseReceived.check(Self.email("", fits + "a"), channel: .sms).map(\.field) == ["body"])
    }

    @Test("Emails and letters are not held to the text message limit", arguments: [NotificationChannel.email, .letter])
    func longEmailFine(channel: NotificationChannel) {
        #expect(NotificationEvent.caseReceived.check(Self.email("Hi", String(repeating: "a", count: 2_000)), channel: channel) == [])
    }

    // MARK: Field lengths

    @Test("A subject may be 200 characters but no more", arguments: [NotificationChannel.email, .letter])
    func subjectLimit(channel: NotificationChannel) {
        #expect(NotificationEvent.subjectLimit == 200)
        #expect(NotificationEvent.caseReceived.check(Self.email(String(repeating: "s", count: 200), "Hi"), channel: channel) == [])
        #expect(NotificationEvent.caseReceived.check(Self.email(String(repeating: "s", count: 201), "Hi"), channel: channel)
                == [FieldProblem(field: "subject", message: "The subject must be 200 characters or fewer")])
    }

    @Test("A body may be 10,000 characters but no more", arguments: [NotificationChannel.email, .letter])
    func bodyLimit(channel: NotificationChannel) {
        #expect(NotificationEvent.bodyLimit == 10_000)
        #expect(NotificationEvent.caseReceived.check(Self.email("Hi", String(repeating: "b", count: 10_000)), channel: channel) == [])
        #expect(NotificationEvent.caseReceived.check(Self.email("Hi", String(repeating: "b", count: 10_001)), channel: channel)
                == [FieldProblem(field: "body", message: "The message must be 10,000 characters or fewer")])
    }

    @Test("An over-long text message body is reported for its length as well")
    func smsOverBodyLimit() {
        #expect(NotificationEvent.caseReceived.check(Self.email("", String(repeating: "b", count: 10_001)), channel: .sms).map(\.message)
                == ["The message must be 10,000 characters or fewer",
                    "The text message is too long: with the example values it is over 918 characters"])
    }

    @Test("Every problem is reported at once")
    func everyProblem() {
        let problems = NotificationEvent.caseUpdated.check(Self.email(String(repeating: "s", count: 201), "Dear ((nom))"), channel: .email)
        #expect(problems.map(\.field) == ["subject", "body"])
        #expect(problems.map(\.message).first == "The subject must be 200 characters or fewer")
    }
}
