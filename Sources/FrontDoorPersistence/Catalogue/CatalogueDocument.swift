import Foundation
import FrontDoorDomain

/// A council's whole service catalogue as a file (YAML or JSON), to carry between environments:
/// every service with its current form. Teams are named, not numbered, because ids differ
/// between environments. Enumerations are plain text here so a mistyped value gets a message
/// naming it, not a decoding failure.
public struct CatalogueDocument: Codable, Equatable, Sendable {
    public static let formatName = "frontdoor-catalogue"
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    public var services: [Entry]

    public init(services: [Entry]) {
        self.format = Self.formatName
        self.formatVersion = Self.currentFormatVersion
        self.services = services
    }

    public struct Standard: Codable, Equatable, Sendable {
        public var workingDays: Int?
        public var hours: Int?
        public var statement: String
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var code: String
        public var name: String
        public var description: String
        public var group: String
        public var keywords: [String]?
        public var team: String?
        public var contactType: String
        public var channels: [String]
        public var digitalOnly: Bool?
        public var standard: Standard
        public var needsLocation: Bool?
        public var needsAccount: Bool?
        public var feePence: Int?
        public var active: Bool?
        public var topTaskRank: Int?
        /// The service's current form; absent for services with no online form.
        public var form: [FieldDefinition]?

        /// The entry for a service as stored (every value written, so exports compare line by line).
        init(_ service: CouncilService, teamName: String?, form: [FieldDefinition]?) {
            code = service.code.value
            name = service.name
            description = service.description
            group = service.group.rawValue
            keywords = service.keywords
            team = teamName
            contactType = service.contactType.rawValue
            channels = ServiceChannel.allCases.filter(service.channels.contains).map(\.rawValue)
            digitalOnly = service.isDigitalOnly
            switch service.standard.target {
            case .workingDays(let days): standard = Standard(workingDays: days, hours: nil, statement: service.standard.statement)
            case .hours(let hours): standard = Standard(workingDays: nil, hours: hours, statement: service.standard.statement)
            }
            needsLocation = service.needsLocation
            needsAccount = service.needsAccount
            feePence = service.feePence
            active = service.isActive
            topTaskRank = service.topTaskRank
            self.form = form
        }

        /// The service this entry describes, or what is wrong with it (every problem, in words).
        func service(id: UUID, councilID: UUID, teamID: UUID?) -> Result<CouncilService, CatalogueProblems> {
            var problems: [String] = []
            let code = ServiceCode(code)
            if code == nil { problems.append("the code \"\(self.code)\" must be lower-case letters, digits and single hyphens") }
            let group = ServiceGroup(rawValue: group)
            if group == nil { problems.append("group \"\(self.group)\" is not one of \(Self.listing(ServiceGroup.allCases.map(\.rawValue)))") }
            let contactType = ContactType(rawValue: contactType)
            if contactType == nil {
                problems.append("contactType \"\(self.contactType)\" is not one of \(Self.listing(ContactType.allCases.map(\.rawValue)))")
            }
            var channelSet: Set<ServiceChannel> = []
            for raw in channels {
                if let channel = ServiceChannel(rawValue: raw) { channelSet.insert(channel) } else {
                    problems.append("channel \"\(raw)\" is not one of \(Self.listing(ServiceChannel.allCases.map(\.rawValue)))")
                }
            }
            var target: ServiceStandard.Target?
            switch (standard.workingDays, standard.hours) {
            case (let days?, nil): target = .workingDays(days)
            case (nil, let hours?): target = .hours(hours)
            default: problems.append("the standard needs either workingDays or hours (one of them)")
            }
            if let form { problems += FormDefinition(version: 1, fields: form).problems.map { "form: \($0)" } }
            guard let code, let group, let contactType, let target else { return .failure(CatalogueProblems(problems)) }
            let service = CouncilService(
                id: id, councilID: councilID, code: code, name: name, description: description, group: group, keywords: keywords ?? [],
                owningTeamID: teamID, contactType: contactType, channels: channelSet, isDigitalOnly: digitalOnly ?? false,
                standard: ServiceStandard(target: target, statement: standard.statement), needsLocation: needsLocation ?? false,
                needsAccount: needsAccount ?? false, feePence: feePence, isActive: active ?? true, topTaskRank: topTaskRank)
            problems += service.problems.map(\.description)
            return problems.isEmpty ? .success(service) : .failure(CatalogueProblems(problems))
        }

        static func listing(_ values: [String]) -> String {
            values.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

/// Why a catalogue cannot be imported: every problem, each naming the service it is in.
public struct CatalogueProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
