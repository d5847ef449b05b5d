import FrontDoorDomain
import Testing

@Suite("Logging a contact: what an advisor types, checked")
struct ContactEntryTests {
    @Test("A complete entry is accepted, notes trimmed, duration optional")
    func accepted() throws {
        let entry = try ContactEntry.check(channel: "phone", outcome: "resolved-first-time", demand: "value", duration: "", notes: "  Told them the date.  ").get()
        #expect(entry == ContactEntry(channel: .phone, outcome: .resolvedFirstTime, demand: .value, durationMinutes: nil, notes: "Told them the date."))
        #expect(try ContactEntry.check(channel: "web-chat", outcome: "signposted", demand: "failure", duration: "12", notes: "").get().durationMinutes == 12)
    }

    @Test("Every problem is named at once, against its field")
    func problems() {
        guard case .failure(let problems) = ContactEntry.check(channel: "pigeon", outcome: "", demand: "", duration: "ten", notes: String(repeating: "x", count: 5001)) else {
            Issue.record("a bad entry was accepted")
            return
        }
        #expect(problems.all.map(\.field) == ["contact-channel", "contact-outcome", "contact-demand", "contact-duration", "contact-notes"])
    }

    @Test("A duration outside 0 to 240 minutes is refused", arguments: ["-1", "241", "1.5"])
    func duration(typed: String) {
        if case .success = ContactEntry.check(channel: "phone", outcome: "case-raised", demand: "value", duration: typed, notes: "") {
            Issue.record("\(typed) minutes was accepted")
        }
    }
}
