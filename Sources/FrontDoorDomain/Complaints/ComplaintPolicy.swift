/// How a council handles complaints of one type: how soon each is acknowledged, how many
/// stages there are, how long each stage's response may take and be extended by, and whether a
/// later stage must go to an officer who has not handled the complaint before.
///
/// The defaults follow the Housing Ombudsman's and the Local Government and Social Care
/// Ombudsman's complaint handling codes (`.complaintHandlingCode`) and, for statutory children's
/// social care complaints, the Children Act 1989 representations procedure (`.childrensSocialCare`).
/// A council whose policy differs sets its own numbers.
public struct ComplaintPolicy: Sendable, Equatable, Codable {
    public struct Stage: Sendable, Equatable, Codable {
        public var name: String
        public var responseWorkingDays: Int
        /// The most further working days an extension may add (0: none).
        public var longestExtensionWorkingDays: Int

        public init(name: String, responseWorkingDays: Int, longestExtensionWorkingDays: Int) {
            self.name = name
            self.responseWorkingDays = responseWorkingDays
            self.longestExtensionWorkingDays = longestExtensionWorkingDays
        }
    }

    public var acknowledgementWorkingDays: Int
    /// The codes count a stage's response time from its acknowledgement; the statutory
    /// children's procedure counts from the request.
    public var countsFromAcknowledgement: Bool
    public var stages: [Stage]
    public var differentOfficerEachStage: Bool

    public init(acknowledgementWorkingDays: Int, countsFromAcknowledgement: Bool, stages: [Stage], differentOfficerEachStage: Bool) {
        self.acknowledgementWorkingDays = acknowledgementWorkingDays
        self.countsFromAcknowledgement = countsFromAcknowledgement
        self.stages = stages
        self.differentOfficerEachStage = differentOfficerEachStage
    }

    /// The Ombudsmen's codes: acknowledged within 5 working days; stage 1 answered within 10
    /// working days of acknowledgement (extendable by up to 10), stage 2 within 20 (by up to
    /// 20); exactly two stages, stage 2 handled by someone other than stage 1's officer.
    public static let complaintHandlingCode = ComplaintPolicy(
        acknowledgementWorkingDays: 5, countsFromAcknowledgement: true,
        stages: [Stage(name: "Stage 1", responseWorkingDays: 10, longestExtensionWorkingDays: 10),
                 Stage(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 20)],
        differentOfficerEachStage: true)

    /// Statutory children's social care complaints: stage 1 (local resolution) in 10 working
    /// days, extendable to 20; stage 2 (investigation) in 25, extendable to 65; stage 3 (review
    /// panel) convened within 30. Acknowledged within 3 working days; each stage counts from its
    /// request; the investigation is independent of stage 1.
    public static let childrensSocialCare = ComplaintPolicy(
        acknowledgementWorkingDays: 3, countsFromAcknowledgement: false,
        stages: [Stage(name: "Stage 1: local resolution", responseWorkingDays: 10, longestExtensionWorkingDays: 10),
                 Stage(name: "Stage 2: investigation", responseWorkingDays: 25, longestExtensionWorkingDays: 40),
                 Stage(name: "Stage 3: review panel", responseWorkingDays: 30, longestExtensionWorkingDays: 0)],
        differentOfficerEachStage: true)

    public static func standard(for type: ComplaintType) -> ComplaintPolicy {
        switch type {
        case .corporate: .complaintHandlingCode
        case .childrensSocialCare: .childrensSocialCare
        }
    }

    /// Whether this policy keeps to the codes' limits (two stages, the codes' days): councils
    /// are told when theirs does not, since the Ombudsmen expect it to.
    public var keepsToTheCode: Bool {
        stages.count == 2 && acknowledgementWorkingDays <= 5 && differentOfficerEachStage
            && stages[0].responseWorkingDays <= 10 && stages[1].responseWorkingDays <= 20
            && stages[0].longestExtensionWorkingDays <= 10 && stages[1].longestExtensionWorkingDays <= 20
    }

    /// The part of a policy a problem is with, so a form can show it beside the right box.
    public enum Part: Sendable, Equatable {
        case stageCount
        case acknowledgement
        /// Stage numbers count from 1.
        case stageName(Int)
        case responseDays(Int)
        case extensionDays(Int)
    }

    /// What is wrong with the policy as a council typed it, each with the part it is about; empty when it may be saved.
    public var problemsByPart: [(part: Part, message: String)] {
        var problems: [(part: Part, message: String)] = []
        if !(1...5).contains(stages.count) { problems.append((.stageCount, "A complaints process has from 1 to 5 stages")) }
        if !(1...20).contains(acknowledgementWorkingDays) { problems.append((.acknowledgement, "Acknowledgement must be due within 1 to 20 working days")) }
        for (index, stage) in stages.enumerated() {
            let number = index + 1
            if stage.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append((.stageName(number), "Enter a name for stage \(number)")) }
            if !(1...100).contains(stage.responseWorkingDays) {
                problems.append((.responseDays(number), "Stage \(number)'s response must be due within 1 to 100 working days"))
            }
            if !(0...100).contains(stage.longestExtensionWorkingDays) {
                problems.append((.extensionDays(number), "Stage \(number)'s extension must be from 0 to 100 working days"))
            }
        }
        return problems
    }

    /// What is wrong with the policy as a council typed it; empty when it may be saved.
    public var problems: [String] { problemsByPart.map(\.message) }
}

/// Complaints about the council's services in general, handled under the Ombudsmen's codes;
/// statutory children's social care complaints have their own procedure.
public enum ComplaintType: String, CaseIterable, Sendable, Codable {
    case corporate
    case childrensSocialCare = "childrens-social-care"

    public var displayName: String {
        switch self {
        case .corporate: "Complaint"
        case .childrensSocialCare: "Children's social care complaint (statutory)"
        }
    }
}
