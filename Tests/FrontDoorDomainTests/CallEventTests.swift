import Foundation
import FrontDoorDomain
import Testing

@Suite("Call events: reading the telephony platform's webhook body")
struct CallEventTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    /// 2026-11-24T09:30:00Z, the documented example's time.
    static let documentedTime = Date(timeIntervalSince1970: 1_795_512_600)

    static func parse(_ json: String) -> Result<CallEvent, FieldProblems> {
        CallEvent.parse(Data(json.utf8), now: now)
    }

    static func problems(_ json: String) -> [FieldProblem] {
        switch parse(json) {
        case .success: []
        case .failure(let problems): problems.all
        }
    }

    static func fields(_ json: String) -> [String] { problems(json).map(\.field) }

    // MARK: Bodies that are read

    @Test("The documented body is read field by field")
    func documentedBody() throws {
        let event = try Self.parse("""
            {"call_id": "CA123", "event": "ringing", "occurred_at": "2026-11-24T09:30:00Z",
             "caller": "+441632960417", "queue": "council-tax", "wait_seconds": 42,
             "agent": "sam.patel@kingsmere.example"}
            """).get()
        #expect(event == CallEvent(callID: "CA123", kind: .ringing, occurredAt: Self.documentedTime, caller: "+441632960417",
                                   queue: "council-tax", waitSeconds: 42, agent: "sam.patel@kingsmere.example"))
    }

    @Test("Every documented event is understood", arguments: CallEvent.Kind.allCases)
    func everyKind(kind: CallEvent.Kind) throws {
        #expect(try Self.parse(#"{"call_id": "CA1", "event": "\#(kind.rawValue)"}"#).get().kind == kind)
    }

    // The platform may leave the time out; the moment the webhook arrives is the best stand-in.
    @Test("A body with only call_id and event is read, timed now, with nothing else set")
    func minimalBody() throws {
        let event = try Self.parse(#"{"call_id": "CA123", "event": "answered"}"#).get()
        #expect(event == CallEvent(callID: "CA123", kind: .answered, occurredAt: Self.now))
        #expect(event.caller == "" && event.queue == "" && event.waitSeconds == nil && event.agent == nil)
    }

    @Test("null is treated as if the field were absent")
    func nullIsAbsent() throws {
        let event = try Self.parse("""
            {"call_id": "CA123", "event": "ended", "occurred_at": null, "caller": null, "queue": null,
             "wait_seconds": null, "agent": null}
            """).get()
        #expect(event == CallEvent(callID: "CA123", kind: .ended, occurredAt: Self.now))
    }

    @Test("Timestamps may carry fractions of a second")
    func fractionalSeconds() throws {
        let event = try Self.parse(#"{"call_id": "CA1", "event": "ringing", "occurred_at": "2026-11-24T09:30:00.250Z"}"#).get()
        #expect(event.occurredAt == Self.documentedTime.addingTimeInterval(0.25))
    }

    @Test("Timestamps may carry a UTC offset")
    func offsetTimestamp() throws {
        let event = try Self.parse(#"{"call_id": "CA1", "event": "ringing", "occurred_at": "2026-11-24T10:30:00+01:00"}"#).get()
        #expect(event.occurredAt == Self.documentedTime)
    }

    // FrontDoor stores staff email addresses lower-cased; the platform may not.
    @Test("The agent's address is lower-cased so it matches the staff record")
    func agentLowercased() throws {
        let event = try Self.parse(#"{"call_id": "CA1", "event": "answered", "agent": " Sam.Patel@Kingsmere.EXAMPLE "}"#).get()
        #expect(event.agent == "sam.patel@kingsmere.example")
    }

    @Test("An empty agent means no agent", arguments: [#""""#, #""   ""#])
    func emptyAgent(agent: String) throws {
        #expect(try Self.parse(#"{"call_id": "CA1", "event": "ringing", "agent": \#(agent)}"#).get().agent == nil)
    }

    // A withheld number arrives empty; it must not be refused.
    @Test("An empty caller is a withheld number, not a problem")
    func withheldCaller() throws {
        #expect(try Self.parse(#"{"call_id": "CA1", "event": "ringing", "caller": ""}"#).get().caller == "")
    }

    @Test("Text fields are trimmed")
    func textTrimmed() throws {
        let event = try Self.parse(#"{"call_id": " CA1 ", "event": " ringing ", "queue": " council-tax "}"#).get()
        #expect(event.callID == "CA1" && event.kind == .ringing && event.queue == "council-tax")
    }

    @Test("A wait from 0 seconds to a day is accepted", arguments: [("0", 0), ("42", 42), ("42.0", 42), ("86400", 86_400)])
    func goodWait(typed: String, expected: Int) throws {
        #expect(try Self.parse(#"{"call_id": "CA1", "event": "answered", "wait_seconds": \#(typed)}"#).get().waitSeconds == expected)
    }

    @Test("Fields it does not know are ignored")
    func unknownFieldsIgnored() throws {
        #expect(try Self.parse(#"{"call_id": "CA1", "event": "ended", "recording_url": "https://example.com/r/1", "x": [1, 2]}"#)
            .get().callID == "CA1")
    }

    // MARK: Problems

    @Test("A body that is not a JSON object is refused", arguments: ["", "{", "[]", #"[{"call_id": "CA1"}]"#, #""CA1""#, "42", "null", "true"])
    func notAnObject(body: String) {
        #expect(Self.problems(body) == [FieldProblem(field: "body", message: "The body must be a JSON object")])
    }

    @Test("call_id is required")
    func missingCallID() {
        #expect(Self.problems(#"{"event": "ringing"}"#) == [FieldProblem(field: "call_id", message: "call_id is required")])
        #expect(Self.problems(#"{"call_id": null, "event": "ringing"}"#) == [FieldProblem(field: "call_id", message: "call_id is required")])
    }

    @Test("call_id must not be empty", arguments: [#""""#, #""   ""#])
    func emptyCallID(callID: String) {
        #expect(Self.problems(#"{"call_id": \#(callID), "event": "ringing"}"#) ==
                [FieldProblem(field: "call_id", message: "call_id must not be empty")])
    }

    @Test("event is required")
    func missingEvent() {
        #expect(Self.problems(#"{"call_id": "CA1"}"#) == [FieldProblem(field: "event", message: "event is required")])
    }

    @Test("An event it does not know is refused, listing the ones it does", arguments: ["hangup", "Ringing", "queued"])
    func unknownEvent(event: String) {
        #expect(Self.problems(#"{"call_id": "CA1", "event": "\#(event)"}"#) ==
                [FieldProblem(field: "event", message: "event must be one of ringing, answered, ended")])
    }

    @Test("Text fields must be strings", arguments: ["call_id", "event", "occurred_at", "caller", "queue", "agent"],
          [#"123"#, "true", "{}", #"["CA1"]"#])
    func textMustBeString(field: String, value: String) {
        var body = ["call_id": #""CA1""#, "event": #""ringing""#]
        body[field] = value
        let json = "{" + body.map { #""\#($0.key)": \#($0.value)"# }.joined(separator: ", ") + "}"
        #expect(Self.problems(json) == [FieldProblem(field: field, message: "\(field) must be a string")])
    }

    @Test("wait_seconds must be a number", arguments: [#""42""#, "true", "false", "[42]", "{}"])
    func waitMustBeNumber(value: String) {
        #expect(Self.problems(#"{"call_id": "CA1", "event": "answered", "wait_seconds": \#(value)}"#) ==
                [FieldProblem(field: "wait_seconds", message: "wait_seconds must be a number")])
    }

    @Test("wait_seconds must be a whole number from 0 to a day", arguments: ["1.5", "-1", "86401", "1e20", "-0.5"])
    func waitOutOfRange(value: String) {
        #expect(Self.problems(#"{"call_id": "CA1", "event": "answered", "wait_seconds": \#(value)}"#) ==
                [FieldProblem(field: "wait_seconds", message: "wait_seconds must be a whole number from 0 to 86400")])
    }

    @Test("occurred_at must be an ISO 8601 date and time",
          arguments: ["24/11/2026 09:30", "2026-11-24", "2026-11-24 09:30:00", "yesterday"])
    func badTimestamp(value: String) {
        #expect(Self.problems(#"{"call_id": "CA1", "event": "ringing", "occurred_at": "\#(value)"}"#) ==
                [FieldProblem(field: "occurred_at", message: "occurred_at must be an ISO 8601 date and time, like 2026-11-24T09:30:00Z")])
    }

    @Test("Text may be 200 characters but no more", arguments: ["call_id", "caller", "queue", "agent"])
    func textLimit(field: String) throws {
        let longest = String(repeating: "a", count: CallEvent.longestText)
        var body = ["call_id": #""CA1""#, "event": #""ringing""#]
        body[field] = "\"\(longest)\""
        func json() -> String { "{" + body.map { #""\#($0.key)": \#($0.value)"# }.joined(separator: ", ") + "}" }
        #expect(try Self.parse(json()).get().kind == .ringing)
        body[field] = "\"\(longest)a\""
        #expect(Self.problems(json()) == [FieldProblem(field: field, message: "\(field) must be 200 characters or fewer")])
    }

    @Test("Every problem is named at once, by JSON field")
    func everyProblem() {
        let tooLong = String(repeating: "q", count: 201)
        let fields = Self.fields("""
            {"call_id": 123, "event": "hangup", "occurred_at": "yesterday", "caller": false,
             "queue": "\(tooLong)", "agent": 7, "wait_seconds": -1}
            """)
        #expect(fields == ["call_id", "event", "occurred_at", "caller", "queue", "agent", "wait_seconds"])
    }
}
