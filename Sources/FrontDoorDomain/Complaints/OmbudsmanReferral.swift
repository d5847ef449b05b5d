import Foundation

/// A complaint the resident took to an Ombudsman after the council's last stage: which one,
/// its reference, and what it decided.
public struct OmbudsmanReferral: Sendable, Equatable {
    public enum Ombudsman: String, CaseIterable, Sendable, Codable {
        case housing
        case localGovernment = "local-government"

        public var displayName: String {
            switch self {
            case .housing: "Housing Ombudsman"
            case .localGovernment: "Local Government and Social Care Ombudsman"
            }
        }
    }

    public enum Decision: String, CaseIterable, Sendable, Codable {
        case maladministration
        case partialMaladministration = "partial-maladministration"
        case noMaladministration = "no-maladministration"
        case notInvestigated = "not-investigated"
        case settled

        public var displayName: String {
            switch self {
            case .maladministration: "Fault or maladministration found"
            case .partialMaladministration: "Fault found in part"
            case .noMaladministration: "No fault found"
            case .notInvestigated: "Not investigated"
            case .settled: "Settled before a decision"
            }
        }
    }

    public var ombudsman: Ombudsman
    public var reference: String
    public var referredOn: LocalDate
    public var decision: Decision?
    public var decidedOn: LocalDate?
    public var remedyRequired: String

    public init(ombudsman: Ombudsman, reference: String, referredOn: LocalDate, decision: Decision? = nil, decidedOn: LocalDate? = nil,
                remedyRequired: String = "") {
        self.ombudsman = ombudsman
        self.reference = reference
        self.referredOn = referredOn
        self.decision = decision
        self.decidedOn = decidedOn
        self.remedyRequired = remedyRequired
    }

    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        let reference = reference.trimmingCharacters(in: .whitespaces)
        if reference.isEmpty || reference.count > 50 {
            problems.append(.init(field: "ombudsman-reference", message: "Enter the Ombudsman's reference, up to 50 characters"))
        }
        if (decision == nil) != (decidedOn == nil) {
            problems.append(.init(field: "ombudsman-decision", message: "Enter the decision and the date it was made together"))
        }
        if let decidedOn, decidedOn < referredOn {
            problems.append(.init(field: "ombudsman-decision", message: "The decision cannot come before the referral"))
        }
        return problems
    }
}
