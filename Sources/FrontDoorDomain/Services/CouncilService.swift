import Foundation

/// Something a council does for residents, as its catalogue describes it: one definition for
/// the portal, the advisor desktop and the APIs.
public struct CouncilService: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var code: ServiceCode
    public var name: String
    /// Plain English: what the service is and what happens next.
    public var description: String
    public var group: ServiceGroup
    /// Other words people use for it ("bin", "rubbish", "refuse", "wheelie"), for search.
    public var keywords: [String]
    /// The team whose officers work its cases.
    public var owningTeamID: UUID?
    public var contactType: ContactType
    public var channels: Set<ServiceChannel>
    /// Online only, with assisted digital (an advisor does it online with the person) for those who need it.
    public var isDigitalOnly: Bool
    public var standard: ServiceStandard
    public var needsLocation: Bool
    public var needsAccount: Bool
    /// In pence; nil when free.
    public var feePence: Int?
    public var isActive: Bool
    /// Position among the home page's top tasks (1 first); nil when not a top task.
    public var topTaskRank: Int?

    public init(id: UUID = UUID(), councilID: UUID, code: ServiceCode, name: String, description: String, group: ServiceGroup,
                keywords: [String] = [], owningTeamID: UUID? = nil, contactType: ContactType, channels: Set<ServiceChannel>,
                isDigitalOnly: Bool = false, standard: ServiceStandard, needsLocation: Bool = false, needsAccount: Bool = false,
                feePence: Int? = nil, isActive: Bool = true, topTaskRank: Int? = nil) {
        self.id = id
        self.councilID = councilID
        self.code = code
        self.name = name
        self.description = description
        self.group = group
        self.keywords = keywords
        self.owningTeamID = owningTeamID
        self.contactType = contactType
        self.channels = channels
        self.isDigitalOnly = isDigitalOnly
        self.standard = standard
        self.needsLocation = needsLocation
        self.needsAccount = needsAccount
        self.feePence = feePence
        self.isActive = isActive
        self.topTaskRank = topTaskRank
    }

    /// What is wrong with this definition, each named for the administrator who must fix it;
    /// empty when it can be saved.
    public var problems: [ServiceProblem] {
        var problems: [ServiceProblem] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.missingName) }
        if name.count > 120 { problems.append(.nameTooLong) }
        if description.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.missingDescription) }
        if channels.isEmpty { problems.append(.noChannels) }
        if isDigitalOnly, !channels.contains(.online) { problems.append(.digitalOnlyWithoutOnline) }
        switch standard.target {
        case .workingDays(let days) where !(1...366).contains(days): problems.append(.targetOutOfRange)
        case .hours(let hours) where !(1...8784).contains(hours): problems.append(.targetOutOfRange)
        default: break
        }
        if standard.statement.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.missingStandardStatement) }
        if let fee = feePence, fee < 0 { problems.append(.negativeFee) }
        if let rank = topTaskRank, rank < 1 { problems.append(.topTaskRankBelowOne) }
        return problems
    }
}

/// Why a service definition cannot be saved.
public enum ServiceProblem: String, Error, Sendable, CaseIterable, CustomStringConvertible {
    case missingName
    case nameTooLong
    case missingDescription
    case noChannels
    case digitalOnlyWithoutOnline
    case targetOutOfRange
    case missingStandardStatement
    case negativeFee
    case topTaskRankBelowOne

    public var description: String {
        switch self {
        case .missingName: "Enter the service's name"
        case .nameTooLong: "The service's name must be 120 characters or fewer"
        case .missingDescription: "Enter a description of the service"
        case .noChannels: "Choose at least one channel the service is offered on"
        case .digitalOnlyWithoutOnline: "A digital-only service must be offered online"
        case .targetOutOfRange: "The standard's target must be from 1 to 366 working days, or 1 to 8,784 hours"
        case .missingStandardStatement: "Enter the service standard as residents will read it"
        case .negativeFee: "The fee cannot be less than zero"
        case .topTaskRankBelowOne: "Top task positions start at 1"
        }
    }
}
