import Foundation
import FrontDoorDomain
import Testing

/// What may be done to a complaint: escalating it, choosing its officer, extending a stage,
/// recording a response; a council's policy; learning actions and Ombudsman referrals.
@Suite("Complaint rules: escalation, officers, extensions, responses, policies, learning and referrals")
struct ComplaintRulesTests {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
    }

    static let threeStage = ComplaintTimetableTests.threeStage
    static let officerA = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let officerB = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!
    static let officerC = UUID(uuidString: "00000000-0000-0000-0000-00000000000C")!

    static func response(_ on: String = "2026-06-10", outcome: ComplaintStage.Outcome = .upheld, remedies: Set<ComplaintStage.Remedy> = [.apology],
                         pence: Int? = nil, rootCause: String = "The collection round was missed", text: String = "We are sorry") -> ComplaintStage.Response {
        .init(respondedOn: date(on), outcome: outcome, remedies: remedies, financialRemedyPence: pence, rootCause: rootCause, text: text)
    }

    /// Stage 1 requested Mon 1 Jun 2026, acknowledged Tue 2: due Tue 16 Jun under the code.
    static func stageOne(answered: String? = nil, extended: ComplaintStage.Extension? = nil, officer: UUID? = officerA) -> ComplaintStage {
        ComplaintStage(number: 1, requestedOn: date("2026-06-01"), acknowledgedOn: date("2026-06-02"), officerID: officer,
                       extended: extended, response: answered.map { response($0) })
    }

    // MARK: Escalation

    struct EscalationVector: Sendable, CustomTestStringConvertible {
        var policy: ComplaintTimetableTests.PolicyName
        var stages: [ComplaintStage]
        var today: String
        var problem: String?
        var reason: String

        init(_ policy: ComplaintTimetableTests.PolicyName, _ stages: [ComplaintStage], today: String, _ problem: String?, _ reason: String) {
            (self.policy, self.stages, self.today, self.problem, self.reason) = (policy, stages, today, problem, reason)
        }

        var testDescription: String { "\(policy.rawValue), \(stages.count) stage(s), on \(today) → \(problem == nil ? "may escalate" : "refused") (\(reason))" }
    }

    static let escalationVectors: [EscalationVector] = [
        .init(.code, [stageOne(answered: "2026-06-10")], today: "2026-06-11", nil, "stage 1 answered: the resident may go to stage 2"),
        .init(.code, [stageOne(answered: "2026-06-10")], today: "2026-06-10", nil, "on the day of the answer"),
        .init(.code, [stageOne()], today: "2026-06-10", "Stage 1 has not been answered yet and is not overdue (due 2026-06-16)",
              "unanswered and not yet due"),
        .init(.code, [stageOne()], today: "2026-06-16", "Stage 1 has not been answered yet and is not overdue (due 2026-06-16)",
              "unanswered on the due date itself: not yet overdue"),
        .init(.code, [stageOne()], today: "2026-06-17", nil, "unanswered the day after the due date: overdue, so the resident may escalate"),
        .init(.code, [stageOne(extended: .init(workingDays: 10, reason: "Site visit", residentToldOn: date("2026-06-12")))], today: "2026-06-17",
              "Stage 1 has not been answered yet and is not overdue (due 2026-06-30)", "extended to Tue 30 Jun: not overdue on 17 Jun"),
        .init(.code, [stageOne(extended: .init(workingDays: 10, reason: "Site visit", residentToldOn: date("2026-06-12")))], today: "2026-07-01",
              nil, "extended, and overdue after 30 Jun"),
        .init(.code, [ComplaintStage(number: 1, requestedOn: date("2026-06-01"))], today: "2026-06-22",
              "Stage 1 has not been answered yet and is not overdue (due 2026-06-22)", "never acknowledged: due 10 working days from the ack-by date, Mon 22"),
        .init(.code, [ComplaintStage(number: 1, requestedOn: date("2026-06-01"))], today: "2026-06-23", nil, "never acknowledged and overdue"),
        .init(.code, [stageOne(answered: "2026-06-10"), ComplaintStage(number: 2, requestedOn: date("2026-06-12"), response: response("2026-07-01"))],
              today: "2026-07-02", "Stage 2 is the last stage: the resident may go to the Ombudsman", "the code has two stages: none after stage 2"),
        .init(.code, [stageOne(answered: "2026-06-10"), ComplaintStage(number: 2, requestedOn: date("2026-06-12"))],
              today: "2026-12-01", "Stage 2 is the last stage: the resident may go to the Ombudsman", "an overdue last stage goes nowhere either"),
        .init(.code, [], today: "2026-06-01", "The complaint has no stage to escalate from", "no stages"),
        .init(.threeStage, [stageOne(answered: "2026-06-10"), ComplaintStage(number: 2, requestedOn: date("2026-06-12"), response: response("2026-07-01"))],
              today: "2026-07-02", nil, "a three-stage policy: stage 2 answered may go to stage 3"),
        .init(.threeStage, [stageOne(answered: "2026-06-10"), ComplaintStage(number: 2, requestedOn: date("2026-06-12"), response: response("2026-07-01")),
                            ComplaintStage(number: 3, requestedOn: date("2026-07-03"), response: response("2026-08-01"))],
              today: "2026-08-02", "Stage 3 is the last stage: the resident may go to the Ombudsman", "a three-stage policy ends at stage 3"),
        .init(.children, [ComplaintStage(number: 1, requestedOn: date("2026-06-01"), acknowledgedOn: date("2026-06-05"))], today: "2026-06-16", nil,
              "children's: due 10 working days from the request (Mon 15), so overdue on Tue 16 however late the acknowledgement"),
        .init(.children, [ComplaintStage(number: 1, requestedOn: date("2026-06-01"), response: response()),
                          ComplaintStage(number: 2, requestedOn: date("2026-06-12"), response: response("2026-07-10")),
                          ComplaintStage(number: 3, requestedOn: date("2026-07-13"))],
              today: "2026-12-01", "Stage 3: review panel is the last stage: the resident may go to the Ombudsman", "children's review panel is the last stage"),
    ]

    @Test("A complaint escalates once its stage is answered or overdue, and not past the last stage", arguments: escalationVectors)
    func escalation(_ vector: EscalationVector) throws {
        let problem = ComplaintRules.escalationProblem(vector.stages, policy: vector.policy.policy, calendar: try Self.calendar(),
                                                       today: Self.date(vector.today))
        #expect(problem == vector.problem)
    }

    // MARK: Officers

    static let freshEyes = "An officer who handled an earlier stage cannot handle stage 2: choose someone else"

    @Test("Under the code, whoever handled stage 1 cannot handle stage 2")
    func differentOfficer() {
        let stages = [Self.stageOne(answered: "2026-06-10", officer: Self.officerA)]
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 2, stages: stages, policy: .complaintHandlingCode) == Self.freshEyes)
        #expect(ComplaintRules.officerProblem(Self.officerB, forStage: 2, stages: stages, policy: .complaintHandlingCode) == nil)
        // Reassigning stage 1 to the officer already on it is fine: only earlier stages count.
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 1, stages: stages, policy: .complaintHandlingCode) == nil)
        // Stage 2's own officer may stay on stage 2.
        let both = stages + [ComplaintStage(number: 2, requestedOn: Self.date("2026-06-12"), officerID: Self.officerB)]
        #expect(ComplaintRules.officerProblem(Self.officerB, forStage: 2, stages: both, policy: .complaintHandlingCode) == nil)
        // An unassigned stage 1 rules nobody out.
        let unassigned = [Self.stageOne(answered: "2026-06-10", officer: nil)]
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 2, stages: unassigned, policy: .complaintHandlingCode) == nil)
    }

    @Test("Under the children's procedure nobody from any earlier stage may take the review")
    func childrensOfficers() {
        let stages = [ComplaintStage(number: 1, requestedOn: Self.date("2026-06-01"), officerID: Self.officerA),
                      ComplaintStage(number: 2, requestedOn: Self.date("2026-06-20"), officerID: Self.officerB)]
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 3, stages: stages, policy: .childrensSocialCare)
            == "An officer who handled an earlier stage cannot handle stage 3: choose someone else")
        #expect(ComplaintRules.officerProblem(Self.officerB, forStage: 3, stages: stages, policy: .childrensSocialCare) != nil)
        #expect(ComplaintRules.officerProblem(Self.officerC, forStage: 3, stages: stages, policy: .childrensSocialCare) == nil)
    }

    @Test("A policy that does not ask for a fresh pair of eyes lets the same officer carry on")
    func sameOfficerAllowed() {
        let stages = [Self.stageOne(answered: "2026-06-10", officer: Self.officerA),
                      ComplaintStage(number: 2, requestedOn: Self.date("2026-06-12"), officerID: Self.officerA)]
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 2, stages: stages, policy: Self.threeStage) == nil)
        #expect(ComplaintRules.officerProblem(Self.officerA, forStage: 3, stages: stages, policy: Self.threeStage) == nil)
    }

    // MARK: Extensions

    struct ExtensionVector: Sendable, CustomTestStringConvertible {
        var policy: ComplaintTimetableTests.PolicyName
        var stage: ComplaintStage
        var days: Int
        var reason: String
        var told: String
        var problems: [String]
        var why: String

        init(_ policy: ComplaintTimetableTests.PolicyName, _ stage: ComplaintStage, days: Int, reason: String = "Waiting for a contractor's report",
             told: String, _ problems: [String], _ why: String) {
            (self.policy, self.stage, self.days, self.reason, self.told, self.problems, self.why) = (policy, stage, days, reason, told, problems, why)
        }

        var testDescription: String { "\(policy.rawValue) stage \(stage.number) +\(days), told \(told) → \(problems.count) problem(s) (\(why))" }
    }

    static let tellStageOne = "The resident must be told before the response is due (2026-06-16)"
    static let stageTwo = ComplaintStage(number: 2, requestedOn: date("2026-07-01"), acknowledgedOn: date("2026-07-03"))
    static let childrensTwo = ComplaintStage(number: 2, requestedOn: date("2026-11-02"), acknowledgedOn: date("2026-11-03"))
    static let childrensThree = ComplaintStage(number: 3, requestedOn: date("2027-03-01"))

    static let extensionVectors: [ExtensionVector] = [
        .init(.code, stageOne(), days: 10, told: "2026-06-12", [], "stage 1: the longest, 10, told in good time"),
        .init(.code, stageOne(), days: 1, told: "2026-06-16", [], "stage 1: one day, told on the original due date"),
        .init(.code, stageOne(), days: 11, told: "2026-06-12", ["Extend by 1 to 10 working days"], "stage 1: 11 is one too many"),
        .init(.code, stageOne(), days: 0, told: "2026-06-12", ["Extend by 1 to 10 working days"], "no days is no extension"),
        .init(.code, stageOne(), days: -3, told: "2026-06-12", ["Extend by 1 to 10 working days"], "negative days"),
        .init(.code, stageOne(), days: 5, told: "2026-06-17", [tellStageOne], "told the day after the response was due"),
        .init(.code, stageOne(), days: 5, reason: " \n\t", told: "2026-06-12", ["Enter the reason for the extension"], "a blank reason"),
        .init(.code, stageOne(answered: "2026-06-10"), days: 5, told: "2026-06-09", ["This stage has been answered"], "already answered"),
        .init(.code, stageOne(extended: .init(workingDays: 5, reason: "Site visit", residentToldOn: date("2026-06-10"))), days: 5, told: "2026-06-12",
              ["This stage has been extended already"], "a second extension"),
        .init(.code, ComplaintStage(number: 1, requestedOn: date("2026-06-01")), days: 5, told: "2026-06-22", [],
              "unacknowledged: due Mon 22 Jun, counted from the ack-by date, so told on 22 Jun is in time"),
        .init(.code, ComplaintStage(number: 1, requestedOn: date("2026-06-01")), days: 5, told: "2026-06-23",
              ["The resident must be told before the response is due (2026-06-22)"], "unacknowledged: told on 23 Jun is too late"),
        .init(.code, stageTwo, days: 20, told: "2026-07-31", [], "stage 2: the longest, 20, told on the due date Fri 31 Jul"),
        .init(.code, stageTwo, days: 21, told: "2026-07-20", ["Extend by 1 to 20 working days"], "stage 2: 21 is one too many"),
        .init(.code, ComplaintStage(number: 3, requestedOn: date("2026-09-01")), days: 5, told: "2026-09-02", ["This stage cannot be extended"],
              "the code has no stage 3 to extend"),
        .init(.children, childrensTwo, days: 40, told: "2026-11-20", [], "investigation: up to 40 further (65 in all)"),
        .init(.children, childrensTwo, days: 41, told: "2026-11-20", ["Extend by 1 to 40 working days"], "investigation: 41 further is too many"),
        .init(.children, childrensTwo, days: 10, told: "2026-12-08", ["The resident must be told before the response is due (2026-12-07)"],
              "investigation due Mon 7 Dec: told Tue 8 is too late"),
        .init(.children, childrensThree, days: 5, told: "2027-03-02", ["This stage cannot be extended"], "the review panel has no extension"),
        .init(.threeStage, ComplaintStage(number: 1, requestedOn: date("2026-09-01"), acknowledgedOn: date("2026-09-02")), days: 6, told: "2026-09-10",
              ["Extend by 1 to 5 working days"], "a council's own limit: 5 at stage 1"),
        .init(.code, ComplaintStage(number: 1, requestedOn: date("2026-06-01"), acknowledgedOn: date("2026-06-02"),
                                    extended: .init(workingDays: 5, reason: "x", residentToldOn: date("2026-06-10")), response: response()),
              days: 11, reason: "", told: "2026-06-17",
              ["This stage has been answered", "This stage has been extended already", "Extend by 1 to 10 working days", "Enter the reason for the extension",
               tellStageOne], "everything wrong at once (the told-by date is the unextended one)"),
    ]

    @Test("An extension is checked against the stage's limit, its reason and when the resident was told", arguments: extensionVectors)
    func extensionProblems(_ vector: ExtensionVector) throws {
        let proposed = ComplaintStage.Extension(workingDays: vector.days, reason: vector.reason, residentToldOn: Self.date(vector.told))
        #expect(ComplaintRules.extensionProblems(proposed, stage: vector.stage, policy: vector.policy.policy, calendar: try Self.calendar())
            == vector.problems)
    }

    // MARK: Responses

    struct ResponseVector: Sendable, CustomTestStringConvertible {
        var response: ComplaintStage.Response
        var stage: ComplaintStage
        var fields: [String]
        var why: String

        init(_ response: ComplaintStage.Response, stage: ComplaintStage = ComplaintRulesTests.stageOne(), _ fields: [String], _ why: String) {
            (self.response, self.stage, self.fields, self.why) = (response, stage, fields, why)
        }

        var testDescription: String { "\(fields.isEmpty ? "accepted" : fields.joined(separator: ", ")) (\(why))" }
    }

    static let responseVectors: [ResponseVector] = [
        .init(response(), [], "upheld with an apology, a root cause and the text sent"),
        .init(response(outcome: .notUpheld, remedies: [], rootCause: "The bin was collected on the day; no fault found"), [],
              "not upheld needs no remedy"),
        .init(response(outcome: .partlyUpheld, remedies: []), ["remedies"], "partly upheld needs a remedy"),
        .init(response(outcome: .upheld, remedies: []), ["remedies"], "upheld needs a remedy"),
        .init(response(remedies: [.apology, .financial], pence: 5_000), [], "a financial remedy of £50"),
        .init(response(remedies: [.financial], pence: nil), ["financial-amount"], "a financial remedy without an amount"),
        .init(response(remedies: [.financial], pence: 0), ["financial-amount"], "a financial remedy of nothing"),
        .init(response(remedies: [.financial], pence: -100), ["financial-amount"], "a negative amount"),
        .init(response(remedies: [.apology], pence: 2_500), ["financial-amount"], "an amount without a financial remedy"),
        .init(response(outcome: .notUpheld, remedies: [], pence: 2_500, rootCause: "No fault"), ["financial-amount"],
              "an amount on a complaint not upheld, without a financial remedy"),
        .init(response(outcome: .notUpheld, remedies: [.financial], pence: 1_000, rootCause: "No fault; a goodwill payment"), [],
              "a goodwill payment on a complaint not upheld"),
        .init(response(text: "  \n"), ["response-text"], "no response text"),
        .init(response(rootCause: "\t"), ["root-cause"], "no root cause"),
        .init(response(), stage: ComplaintStage(number: 1, requestedOn: date("2026-06-01")), ["response"], "not yet acknowledged"),
        .init(response(), stage: stageOne(answered: "2026-06-09"), ["response"], "answered already"),
        .init(response(outcome: .partlyUpheld, remedies: [], pence: 100, rootCause: "", text: ""), stage: ComplaintStage(number: 1, requestedOn: date("2026-06-01")),
              ["response", "response-text", "root-cause", "remedies", "financial-amount"], "everything missing"),
    ]

    @Test("A response needs its text, root cause, remedy and any amount, after an acknowledgement", arguments: responseVectors)
    func responseProblems(_ vector: ResponseVector) {
        #expect(ComplaintRules.responseProblems(vector.response, stage: vector.stage).map(\.field) == vector.fields)
    }

    @Test("Response problems say what to do")
    func responseMessages() {
        let unacknowledged = ComplaintStage(number: 1, requestedOn: Self.date("2026-06-01"))
        #expect(ComplaintRules.responseProblems(Self.response(), stage: unacknowledged).map(\.message)
            == ["Acknowledge the complaint before answering it"])
        #expect(ComplaintRules.responseProblems(Self.response(), stage: Self.stageOne(answered: "2026-06-09")).map(\.message)
            == ["This stage has been answered already"])
        #expect(ComplaintRules.responseProblems(Self.response(remedies: [.financial]), stage: Self.stageOne()).map(\.message)
            == ["Enter the amount offered, in pounds"])
    }

    // MARK: Policies

    @Test("The standard policies: the code keeps to itself; the children's procedure has three stages")
    func standardPolicies() {
        let code = ComplaintPolicy.complaintHandlingCode
        #expect(code.acknowledgementWorkingDays == 5 && code.countsFromAcknowledgement && code.differentOfficerEachStage)
        #expect(code.stages.map(\.responseWorkingDays) == [10, 20] && code.stages.map(\.longestExtensionWorkingDays) == [10, 20])
        #expect(code.problems.isEmpty && code.keepsToTheCode)
        let children = ComplaintPolicy.childrensSocialCare
        #expect(children.acknowledgementWorkingDays == 3 && !children.countsFromAcknowledgement && children.differentOfficerEachStage)
        #expect(children.stages.map(\.responseWorkingDays) == [10, 25, 30] && children.stages.map(\.longestExtensionWorkingDays) == [10, 40, 0])
        #expect(children.problems.isEmpty && !children.keepsToTheCode)
        #expect(ComplaintPolicy.standard(for: .corporate) == code)
        #expect(ComplaintPolicy.standard(for: .childrensSocialCare) == children)
    }

    static func twoStage(ack: Int = 5, days: (Int, Int) = (10, 20), extensions: (Int, Int) = (10, 20), differentOfficer: Bool = true) -> ComplaintPolicy {
        ComplaintPolicy(acknowledgementWorkingDays: ack, countsFromAcknowledgement: true,
                        stages: [.init(name: "Stage 1", responseWorkingDays: days.0, longestExtensionWorkingDays: extensions.0),
                                 .init(name: "Stage 2", responseWorkingDays: days.1, longestExtensionWorkingDays: extensions.1)],
                        differentOfficerEachStage: differentOfficer)
    }

    struct CodeVector: Sendable, CustomTestStringConvertible {
        var policy: ComplaintPolicy
        var keeps: Bool
        var why: String

        init(_ policy: ComplaintPolicy, _ keeps: Bool, _ why: String) {
            (self.policy, self.keeps, self.why) = (policy, keeps, why)
        }

        var testDescription: String { "\(keeps ? "keeps" : "breaks") the code (\(why))" }
    }

    static let codeVectors: [CodeVector] = [
        .init(twoStage(), true, "exactly the code's numbers"),
        .init(twoStage(ack: 3, days: (5, 15), extensions: (5, 10)), true, "quicker than the code everywhere"),
        .init(twoStage(ack: 6), false, "acknowledgement in 6 working days"),
        .init(twoStage(days: (11, 20)), false, "stage 1 in 11 working days"),
        .init(twoStage(days: (10, 21)), false, "stage 2 in 21 working days"),
        .init(twoStage(extensions: (11, 20)), false, "stage 1 extendable by 11"),
        .init(twoStage(extensions: (10, 21)), false, "stage 2 extendable by 21"),
        .init(twoStage(differentOfficer: false), false, "the same officer may handle stage 2"),
        .init(threeStage, false, "a council's three stages (15, 20, 25 working days)"),
        .init(ComplaintPolicy(acknowledgementWorkingDays: 5, countsFromAcknowledgement: true,
                              stages: [.init(name: "Stage 1", responseWorkingDays: 10, longestExtensionWorkingDays: 10),
                                       .init(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 20),
                                       .init(name: "Stage 3", responseWorkingDays: 20, longestExtensionWorkingDays: 0)],
                              differentOfficerEachStage: true), false, "a third stage, though each of the first two keeps the code's days"),
        .init(ComplaintPolicy(acknowledgementWorkingDays: 5, countsFromAcknowledgement: true,
                              stages: [.init(name: "Only stage", responseWorkingDays: 10, longestExtensionWorkingDays: 10)],
                              differentOfficerEachStage: true), false, "a single stage"),
    ]

    @Test("Whether a policy keeps to the Ombudsmen's code", arguments: codeVectors)
    func keepsToTheCode(_ vector: CodeVector) {
        #expect(vector.policy.keepsToTheCode == vector.keeps)
        #expect(vector.policy.problems.isEmpty, "every one of these may be saved")
    }

    struct PolicyProblemVector: Sendable, CustomTestStringConvertible {
        var policy: ComplaintPolicy
        var problems: [String]
        var why: String

        init(_ policy: ComplaintPolicy, _ problems: [String], _ why: String) {
            (self.policy, self.problems, self.why) = (policy, problems, why)
        }

        var testDescription: String { "\(problems.count) problem(s) (\(why))" }
    }

    static func stages(_ count: Int) -> [ComplaintPolicy.Stage] {
        (0..<count).map { .init(name: "Stage \($0 + 1)", responseWorkingDays: 10, longestExtensionWorkingDays: 5) }
    }

    static func policy(ack: Int = 5, stages: [ComplaintPolicy.Stage]) -> ComplaintPolicy {
        ComplaintPolicy(acknowledgementWorkingDays: ack, countsFromAcknowledgement: true, stages: stages, differentOfficerEachStage: true)
    }

    static let policyProblemVectors: [PolicyProblemVector] = [
        .init(policy(stages: stages(1)), [], "one stage"),
        .init(policy(stages: stages(5)), [], "five stages"),
        .init(policy(stages: []), ["A complaints process has from 1 to 5 stages"], "no stages"),
        .init(policy(stages: stages(6)), ["A complaints process has from 1 to 5 stages"], "six stages"),
        .init(policy(ack: 1, stages: stages(2)), [], "acknowledged within a day"),
        .init(policy(ack: 20, stages: stages(2)), [], "acknowledged within 20 working days"),
        .init(policy(ack: 0, stages: stages(2)), ["Acknowledgement must be due within 1 to 20 working days"], "no days to acknowledge"),
        .init(policy(ack: 21, stages: stages(2)), ["Acknowledgement must be due within 1 to 20 working days"], "21 days to acknowledge"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 10, longestExtensionWorkingDays: 0),
                              .init(name: "  ", responseWorkingDays: 20, longestExtensionWorkingDays: 0)]),
              ["Enter a name for stage 2"], "a blank name"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 1, longestExtensionWorkingDays: 0),
                              .init(name: "Stage 2", responseWorkingDays: 100, longestExtensionWorkingDays: 100)]), [], "the bounds: 1 and 100 days, 0 and 100 further"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 0, longestExtensionWorkingDays: 0)]),
              ["Stage 1's response must be due within 1 to 100 working days"], "no days to respond"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 101, longestExtensionWorkingDays: 0)]),
              ["Stage 1's response must be due within 1 to 100 working days"], "101 days to respond"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 10, longestExtensionWorkingDays: -1)]),
              ["Stage 1's extension must be from 0 to 100 working days"], "a negative extension"),
        .init(policy(stages: [.init(name: "Stage 1", responseWorkingDays: 10, longestExtensionWorkingDays: 101)]),
              ["Stage 1's extension must be from 0 to 100 working days"], "101 further days"),
        .init(policy(ack: 0, stages: [.init(name: "", responseWorkingDays: 0, longestExtensionWorkingDays: 101)]),
              ["Acknowledgement must be due within 1 to 20 working days", "Enter a name for stage 1",
               "Stage 1's response must be due within 1 to 100 working days", "Stage 1's extension must be from 0 to 100 working days"],
              "everything wrong"),
    ]

    @Test("A council's policy is checked before it is saved", arguments: policyProblemVectors)
    func policyProblems(_ vector: PolicyProblemVector) {
        #expect(vector.policy.problems == vector.problems)
    }

    // MARK: Learning actions

    static func action(youSaid: String = "Bins were missed on our street three weeks running",
                       weDid: String = "We changed the round so your street is collected first",
                       due: String = "2026-09-30", completed: String? = nil, published: Bool = false) -> LearningAction {
        LearningAction(caseID: UUID(), youSaid: youSaid, weDid: weDid, ownerID: officerA, dueOn: date(due), completedOn: completed.map(date),
                       published: published)
    }

    struct ActionVector: Sendable, CustomTestStringConvertible {
        var action: LearningAction
        var fields: [String]
        var why: String

        init(_ action: LearningAction, _ fields: [String], _ why: String) {
            (self.action, self.fields, self.why) = (action, fields, why)
        }

        var testDescription: String { "\(fields.isEmpty ? "accepted" : fields.joined(separator: ", ")) (\(why))" }
    }

    static let actionVectors: [ActionVector] = [
        .init(action(), [], "both sides written, not published"),
        .init(action(completed: "2026-09-01", published: true), [], "published once done"),
        .init(action(published: true), ["published"], "published before it is done"),
        .init(action(youSaid: ""), ["you-said"], "nothing the resident said"),
        .init(action(weDid: " \n "), ["we-did"], "nothing the council did"),
        .init(action(youSaid: String(repeating: "a", count: 1_000)), [], "exactly 1,000 characters"),
        .init(action(youSaid: "  " + String(repeating: "a", count: 1_000) + "\n"), [], "1,000 characters once the spaces around are trimmed"),
        .init(action(weDid: String(repeating: "b", count: 1_001)), ["we-did"], "1,001 characters"),
        .init(action(youSaid: "", weDid: String(repeating: "b", count: 1_001), published: true), ["you-said", "we-did", "published"], "everything wrong"),
    ]

    @Test("A learning action needs both sides, kept short, and is published only when done", arguments: actionVectors)
    func learningActionProblems(_ vector: ActionVector) {
        #expect(vector.action.problems.map(\.field) == vector.fields)
    }

    @Test("A long learning action is told its limit")
    func learningActionMessage() {
        #expect(Self.action(weDid: String(repeating: "b", count: 1_001)).problems.map(\.message) == ["Keep it to 1,000 characters or fewer"])
        #expect(Self.action(published: true).problems.map(\.message) == ["Publish an action once it is done"])
    }

    @Test("A learning action is overdue only after its due date, and never once done")
    func learningActionOverdue() {
        let open = Self.action(due: "2026-09-30")
        #expect(!open.isOverdue(today: Self.date("2026-09-29")))
        #expect(!open.isOverdue(today: Self.date("2026-09-30")), "due today is not overdue")
        #expect(open.isOverdue(today: Self.date("2026-10-01")))
        #expect(!Self.action(due: "2026-09-30", completed: "2026-10-05").isOverdue(today: Self.date("2026-12-01")), "done late is done")
        #expect(!Self.action(due: "2026-09-30", completed: "2026-09-01").isOverdue(today: Self.date("2026-12-01")))
    }

    // MARK: Ombudsman referrals

    struct ReferralVector: Sendable, CustomTestStringConvertible {
        var referral: OmbudsmanReferral
        var fields: [String]
        var why: String

        init(_ referral: OmbudsmanReferral, _ fields: [String], _ why: String) {
            (self.referral, self.fields, self.why) = (referral, fields, why)
        }

        var testDescription: String { "\(fields.isEmpty ? "accepted" : fields.joined(separator: ", ")) (\(why))" }
    }

    static func referral(_ reference: String = "24 012 345", referred: String = "2026-08-01", decision: OmbudsmanReferral.Decision? = nil,
                         decided: String? = nil) -> OmbudsmanReferral {
        OmbudsmanReferral(ombudsman: .localGovernment, reference: reference, referredOn: date(referred), decision: decision,
                          decidedOn: decided.map(date))
    }

    static let referralVectors: [ReferralVector] = [
        .init(referral(), [], "referred, no decision yet"),
        .init(referral(decision: .maladministration, decided: "2026-11-20"), [], "decided after the referral"),
        .init(referral(decision: .settled, decided: "2026-08-01"), [], "decided the day it was referred"),
        .init(referral(""), ["ombudsman-reference"], "no reference"),
        .init(referral("   "), ["ombudsman-reference"], "a blank reference"),
        .init(referral(String(repeating: "9", count: 50)), [], "a 50-character reference"),
        .init(referral(" " + String(repeating: "9", count: 50) + " "), [], "50 characters once trimmed"),
        .init(referral(String(repeating: "9", count: 51)), ["ombudsman-reference"], "a 51-character reference"),
        .init(referral(decision: .noMaladministration), ["ombudsman-decision"], "a decision without its date"),
        .init(referral(decided: "2026-11-20"), ["ombudsman-decision"], "a date without its decision"),
        .init(referral(decision: .notInvestigated, decided: "2026-07-31"), ["ombudsman-decision"], "decided the day before the referral"),
        .init(referral("", decided: "2026-07-01"), ["ombudsman-reference", "ombudsman-decision", "ombudsman-decision"], "everything wrong"),
    ]

    @Test("An Ombudsman referral needs its reference, and a decision with its date, not before the referral", arguments: referralVectors)
    func referralProblems(_ vector: ReferralVector) {
        #expect(vector.referral.problems.map(\.field) == vector.fields)
    }
}
