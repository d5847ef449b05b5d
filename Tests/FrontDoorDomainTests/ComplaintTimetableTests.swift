import FrontDoorDomain
import Testing

/// Complaint deadlines under each policy, worked out by hand on an English council's calendar
/// (England and Wales bank holidays from GOV.UK's file).
@Suite("Complaint timetables: acknowledge by and respond by, under each policy")
struct ComplaintTimetableTests {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
    }

    /// A council's own three-stage policy: acknowledged in 3 working days; 15, 20 and 25 working
    /// days to respond, extendable by 5, 10 and 10; any officer may handle any stage.
    static let threeStage = ComplaintPolicy(
        acknowledgementWorkingDays: 3, countsFromAcknowledgement: true,
        stages: [.init(name: "Stage 1", responseWorkingDays: 15, longestExtensionWorkingDays: 5),
                 .init(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 10),
                 .init(name: "Stage 3", responseWorkingDays: 25, longestExtensionWorkingDays: 10)],
        differentOfficerEachStage: false)

    enum PolicyName: String, Sendable {
        case code, children, threeStage

        var policy: ComplaintPolicy {
            switch self {
            case .code: .complaintHandlingCode
            case .children: .childrensSocialCare
            case .threeStage: ComplaintTimetableTests.threeStage
            }
        }
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var policy: PolicyName
        var stage: Int
        var requested: String
        var acknowledged: String?
        var extensionDays: Int?
        var acknowledgeBy: String
        var respondByUnextended: String
        var respondBy: String
        var reason: String

        init(_ policy: PolicyName, stage: Int, requested: String, acknowledged: String? = nil, extended extensionDays: Int? = nil,
             ackBy acknowledgeBy: String, respondBy respondByUnextended: String, extendedTo respondBy: String? = nil, _ reason: String) {
            (self.policy, self.stage, self.requested, self.acknowledged, self.extensionDays) = (policy, stage, requested, acknowledged, extensionDays)
            (self.acknowledgeBy, self.respondByUnextended, self.respondBy, self.reason) = (acknowledgeBy, respondByUnextended, respondBy ?? respondByUnextended, reason)
        }

        var testDescription: String {
            "\(policy.rawValue) stage \(stage) requested \(requested)\(acknowledged.map { ", acknowledged \($0)" } ?? "")"
                + "\(extensionDays.map { ", extended \($0)" } ?? "") → ack by \(acknowledgeBy), respond by \(respondBy) (\(reason))"
        }
    }

    static let vectors: [Vector] = [
        // The Ombudsmen's code: 5 working days to acknowledge; stage 1 10 working days from acknowledgement, stage 2 20.
        .init(.code, stage: 1, requested: "2026-06-01", ackBy: "2026-06-08", respondBy: "2026-06-22",
              "Mon 1 Jun: ack by Mon 8 (5 working days); unacknowledged, so 10 working days from Mon 8: Mon 22"),
        .init(.code, stage: 1, requested: "2026-06-01", acknowledged: "2026-06-02", ackBy: "2026-06-08", respondBy: "2026-06-16",
              "acknowledged Tue 2: 10 working days from it, Tue 16"),
        .init(.code, stage: 1, requested: "2026-06-01", acknowledged: "2026-06-10", ackBy: "2026-06-08", respondBy: "2026-06-24",
              "acknowledged late on Wed 10: 10 working days from the actual acknowledgement, Wed 24"),
        .init(.code, stage: 1, requested: "2026-06-03", acknowledged: "2026-06-01", ackBy: "2026-06-10", respondBy: "2026-06-17",
              "an acknowledgement dated before the request counts from the request: Wed 3 + 10 = Wed 17"),
        .init(.code, stage: 1, requested: "2026-06-06", ackBy: "2026-06-12", respondBy: "2026-06-26",
              "requested on a Saturday: Mon 8 is day 1, ack by Fri 12; respond by Fri 26"),
        .init(.code, stage: 1, requested: "2026-04-01", ackBy: "2026-04-10", respondBy: "2026-04-24",
              "Easter: Thu 2 = 1; Good Friday 3 and Easter Monday 6 out; 7–10 = 2–5; 13–17, 20–24 = 10"),
        .init(.code, stage: 1, requested: "2026-12-21", ackBy: "2026-12-30", respondBy: "2027-01-14",
              "Christmas: 22–24 = 1–3; 25, 28 out; 29, 30 = 4, 5; then 31 = 1, 1 Jan out, 4–8 = 2–6, 11–14 = 7–10 "
                  + "(Mon 4 Jan is a working day in England: Scotland's 2 January holiday does not apply)"),
        .init(.code, stage: 1, requested: "2026-06-01", acknowledged: "2026-06-02", extended: 10, ackBy: "2026-06-08",
              respondBy: "2026-06-16", extendedTo: "2026-06-30", "extended by 10 working days: Tue 16 + 10 = Tue 30"),
        .init(.code, stage: 2, requested: "2026-07-01", acknowledged: "2026-07-03", ackBy: "2026-07-08", respondBy: "2026-07-31",
              "stage 2: 20 working days from Fri 3 Jul: four weeks, Fri 31"),
        .init(.code, stage: 2, requested: "2026-07-01", ackBy: "2026-07-08", respondBy: "2026-08-05",
              "stage 2 unacknowledged: 20 working days from the ack-by date Wed 8 Jul: Wed 5 Aug"),
        .init(.code, stage: 2, requested: "2026-07-01", acknowledged: "2026-07-03", extended: 20, ackBy: "2026-07-08",
              respondBy: "2026-07-31", extendedTo: "2026-08-28",
              "stage 2 extended by 20: 3 Aug–28 Aug, four weeks (the summer bank holiday is Mon 31 Aug, after it)"),
        .init(.code, stage: 2, requested: "2026-08-21", acknowledged: "2026-08-24", ackBy: "2026-08-28", respondBy: "2026-09-22",
              "stage 2 acknowledged Mon 24 Aug: 25–28 = 1–4; Mon 31 out; 1–4 Sep = 5–8, 7–11 = 9–13, 14–18 = 14–18, 21, 22 = 19, 20"),
        // A council's three-stage policy: 3 working days to acknowledge; 15/20/25.
        .init(.threeStage, stage: 1, requested: "2026-09-01", acknowledged: "2026-09-02", ackBy: "2026-09-04", respondBy: "2026-09-23",
              "3 working days: Fri 4 Sep; 15 from Wed 2: three weeks, Wed 23"),
        .init(.threeStage, stage: 1, requested: "2026-12-14", ackBy: "2026-12-17", respondBy: "2027-01-12",
              "unacknowledged: 15 from Thu 17 Dec: 18 = 1, 21–24 = 2–5, 25, 28 out, 29–31 = 6–8, 1 Jan out, 4–8 = 9–13, 11, 12 = 14, 15"),
        .init(.threeStage, stage: 3, requested: "2026-09-01", acknowledged: "2026-09-02", ackBy: "2026-09-04", respondBy: "2026-10-07",
              "stage 3: 25 working days from Wed 2 Sep: five weeks, Wed 7 Oct"),
        .init(.threeStage, stage: 3, requested: "2026-09-01", acknowledged: "2026-09-02", extended: 10, ackBy: "2026-09-04",
              respondBy: "2026-10-07", extendedTo: "2026-10-21", "stage 3 extended by 10: Wed 21 Oct"),
        // The statutory children's procedure: 3 working days to acknowledge; each stage counts from its request.
        .init(.children, stage: 1, requested: "2026-06-01", ackBy: "2026-06-04", respondBy: "2026-06-15",
              "children's: ack by Thu 4; 10 working days from the request Mon 1: Mon 15"),
        .init(.children, stage: 1, requested: "2026-06-01", acknowledged: "2026-06-05", ackBy: "2026-06-04", respondBy: "2026-06-15",
              "children's: the acknowledgement date does not move the response date (from it would be Fri 19)"),
        .init(.children, stage: 1, requested: "2026-06-01", acknowledged: "2026-06-02", extended: 10, ackBy: "2026-06-04",
              respondBy: "2026-06-15", extendedTo: "2026-06-29", "children's stage 1 extended to 20 working days: Mon 29"),
        .init(.children, stage: 2, requested: "2026-11-02", acknowledged: "2026-11-03", ackBy: "2026-11-05", respondBy: "2026-12-07",
              "investigation: 25 working days from Mon 2 Nov: 3–6 = 1–4 ... Mon 30 Nov = 20 (not a holiday in England), 1–4 Dec = 21–24, Mon 7 = 25"),
        .init(.children, stage: 2, requested: "2026-11-02", acknowledged: "2026-11-03", extended: 40, ackBy: "2026-11-05",
              respondBy: "2026-12-07", extendedTo: "2027-02-04",
              "investigation at its longest, 65 working days: 8–11 Dec = 1–4, 14–18 = 5–9, 21–24 = 10–13, 25, 28 out, 29–31 = 14–16, "
                  + "1 Jan out, 4 Jan–29 Jan = 17–36, 1–4 Feb = 37–40"),
        .init(.children, stage: 3, requested: "2027-03-01", ackBy: "2027-03-04", respondBy: "2027-04-14",
              "review panel within 30 working days of Mon 1 Mar 2027: 2–5 = 1–4, 8–12, 15–19 = 5–14, 22–25 = 15–18, "
                  + "Good Friday 26 and Easter Monday 29 out, 30 Mar–2 Apr = 19–22, 5–9 = 23–27, 12–14 = 28–30"),
    ]

    @Test("Each vector's dates", arguments: vectors)
    func vector(_ vector: Vector) throws {
        let stage = ComplaintStage(number: vector.stage, requestedOn: Self.date(vector.requested), acknowledgedOn: vector.acknowledged.map(Self.date),
                                   extended: vector.extensionDays.map { .init(workingDays: $0, reason: "Awaiting a site visit", residentToldOn: Self.date(vector.requested)) })
        let timetable = ComplaintTimetable(stage: stage, policy: vector.policy.policy, calendar: try Self.calendar())
        #expect(timetable.acknowledgeBy == Self.date(vector.acknowledgeBy))
        #expect(timetable.respondByUnextended == Self.date(vector.respondByUnextended))
        #expect(timetable.respondBy == Self.date(vector.respondBy))
    }

    static func answered(_ on: String) -> ComplaintStage.Response {
        .init(respondedOn: date(on), outcome: .notUpheld, remedies: [], rootCause: "Nothing went wrong", text: "Our response")
    }

    @Test("A stage answered on its due date is on time; a day later is late")
    func onTime() throws {
        let calendar = try Self.calendar()
        // Acknowledged Tue 2 Jun 2026: due Tue 16 Jun.
        var stage = ComplaintStage(number: 1, requestedOn: Self.date("2026-06-01"), acknowledgedOn: Self.date("2026-06-02"))
        let timetable = ComplaintTimetable(stage: stage, policy: .complaintHandlingCode, calendar: calendar)
        #expect(timetable.isOnTime(stage, today: Self.date("2026-06-16")), "unanswered on the due date: not late yet")
        #expect(!timetable.isOnTime(stage, today: Self.date("2026-06-17")), "unanswered the day after: late")
        stage.response = Self.answered("2026-06-16")
        #expect(timetable.isOnTime(stage, today: Self.date("2026-09-01")), "answered on the due date")
        stage.response = Self.answered("2026-06-17")
        #expect(!timetable.isOnTime(stage, today: Self.date("2026-06-17")), "answered a day late")
        stage.response = Self.answered("2026-06-03")
        #expect(timetable.isOnTime(stage, today: Self.date("2026-06-20")), "answered early")
    }

    @Test("An extended stage answered after its original date but by the extended one is on time")
    func onTimeWithExtension() throws {
        let stage = ComplaintStage(number: 1, requestedOn: Self.date("2026-06-01"), acknowledgedOn: Self.date("2026-06-02"),
                                   extended: .init(workingDays: 10, reason: "Site visit", residentToldOn: Self.date("2026-06-12")),
                                   response: Self.answered("2026-06-30"))
        let timetable = ComplaintTimetable(stage: stage, policy: .complaintHandlingCode, calendar: try Self.calendar())
        #expect(timetable.isOnTime(stage, today: Self.date("2026-07-01")))
    }
}
