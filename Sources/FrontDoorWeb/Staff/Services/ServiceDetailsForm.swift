import Foundation
import FrontDoorDomain

/// The service form in the staff pages: what each box holds (from a stored service, or as just
/// typed), and turning it into a `CouncilService` with every problem found at once.
struct ServiceDetailsForm: Sendable {
    var code = ""
    var name = ""
    var description = ""
    var group = ""
    var keywords = ""
    var team = ""
    var contactType = ""
    var channels: Set<String> = []
    /// digital-only, location, account, active
    var settings: Set<String> = ["active"]
    var standardUnit = "working-days"
    var standardTarget = ""
    var standardStatement = ""
    var fee = ""
    var topTask = ""
    /// The process its cases follow (`CaseProcess`), kept beside the service, not in it; nil
    /// when the form did not say, which leaves a service's process as it was.
    var process: String?

    init() {}

    init(_ service: CouncilService) {
        code = service.code.value
        name = service.name
        description = service.description
        group = service.group.rawValue
        keywords = service.keywords.joined(separator: "\n")
        team = service.owningTeamID?.uuidString ?? ""
        contactType = service.contactType.rawValue
        channels = Set(service.channels.map(\.rawValue))
        settings = Set([service.isDigitalOnly ? "digital-only" : nil, service.needsLocation ? "location" : nil,
                        service.needsAccount ? "account" : nil, service.isActive ? "active" : nil].compactMap { $0 })
        switch service.standard.target {
        case .workingDays(let days): (standardUnit, standardTarget) = ("working-days", String(days))
        case .hours(let hours): (standardUnit, standardTarget) = ("hours", String(hours))
        }
        standardStatement = service.standard.statement
        fee = service.feePence.map(Money.plain) ?? ""
        topTask = service.topTaskRank.map(String.init) ?? ""
    }

    init(_ form: FormInput) {
        code = form["code"].lowercased()
        name = form["name"]
        description = form["description"]
        group = form["group"]
        keywords = form["keywords"]
        team = form["team"]
        contactType = form["contact-type"]
        channels = Set(form.all("channels"))
        settings = Set(form.all("settings"))
        standardUnit = form["standard-unit"]
        standardTarget = form["standard-target"]
        standardStatement = form["standard-statement"]
        fee = form["fee"]
        topTask = form["top-task"]
        process = form["process"].isEmpty ? nil : form["process"]
    }

    /// The process chosen (`current` when the form did not say), or nil with the problem added
    /// when it is not one of the list.
    func caseProcess(current: CaseProcess, validation: inout FormValidation) -> CaseProcess? {
        guard let process else { return current }
        guard let chosen = CaseProcess(rawValue: process) else {
            validation.add("process", "Select how its requests are handled from the list")
            return nil
        }
        return chosen
    }

    /// The service these boxes describe, with `id` and `councilID` kept from the stored one (or
    /// new); nil with `validation` filled when anything is wrong. `teams` are the council's.
    func service(id: UUID, councilID: UUID, existingCode: ServiceCode?, teams: [Team], validation: inout FormValidation) -> CouncilService? {
        let code = existingCode ?? ServiceCode(self.code)
        if existingCode == nil {
            if self.code.isEmpty { validation.add("code", "Enter a code for the service") }
            else if code == nil { validation.add("code", "The code must be 2 to 50 lower-case letters, digits and single hyphens, starting with a letter, like missed-bin") }
        }
        validation.required("name", name, "Enter the service's name")
        validation.required("description", description, "Enter a description of the service")
        let group = ServiceGroup(rawValue: self.group)
        if group == nil { validation.add("group", "Select the service's group") }
        let teamID = UUID(uuidString: team).flatMap { id in teams.first { $0.id == id }?.id }
        if !team.isEmpty, teamID == nil { validation.add("team", "Select a team from the list") }
        let contactType = ContactType(rawValue: self.contactType)
        if contactType == nil { validation.add("contact-type", "Select the kind of contact") }
        let channelSet = Set(channels.compactMap(ServiceChannel.init(rawValue:)))
        let target: ServiceStandard.Target?
        switch (standardUnit, Int(standardTarget)) {
        case (_, nil):
            validation.add("standard-target", standardTarget.isEmpty ? "Enter the standard's target" : "The target must be a whole number")
            target = nil
        case ("hours", let hours?): target = .hours(hours)
        case (_, let days?): target = .workingDays(days)
        }
        var feePence: Int?
        if !fee.isEmpty {
            feePence = Money.pence(fee)
            if feePence == nil { validation.add("fee", "Enter the fee in pounds and pence, like 35.00") }
        }
        var topTaskRank: Int?
        if !topTask.isEmpty {
            topTaskRank = Int(topTask)
            if topTaskRank == nil { validation.add("top-task", "The top task position must be a whole number, like 1") }
        }
        guard let code, let group, let contactType, let target else {
            // Still report the rules the parts that could be read break, so every error shows at once.
            if channelSet.isEmpty { validation.add("channels", ServiceProblem.noChannels.description) }
            if standardStatement.isEmpty { validation.add("standard-statement", ServiceProblem.missingStandardStatement.description) }
            validation.order(byPage: Self.pageOrder)
            return nil
        }
        let service = CouncilService(
            id: id, councilID: councilID, code: code, name: name, description: description, group: group,
            keywords: keywords.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            owningTeamID: teamID, contactType: contactType, channels: channelSet, isDigitalOnly: settings.contains("digital-only"),
            standard: ServiceStandard(target: target, statement: standardStatement), needsLocation: settings.contains("location"),
            needsAccount: settings.contains("account"), feePence: feePence, isActive: settings.contains("active"), topTaskRank: topTaskRank)
        for problem in service.problems { validation.add(Self.fieldID(of: problem), problem.description) }
        validation.order(byPage: Self.pageOrder)
        return validation.isValid ? service : nil
    }

    static let pageOrder = ["code", "name", "description", "group", "keywords", "team", "contact-type", "channels", "settings",
                            "standard-unit", "standard-target", "standard-statement", "fee", "top-task"]

    static func fieldID(of problem: ServiceProblem) -> String {
        switch problem {
        case .missingName, .nameTooLong: "name"
        case .missingDescription: "description"
        case .noChannels, .digitalOnlyWithoutOnline: "channels"
        case .targetOutOfRange: "standard-target"
        case .missingStandardStatement: "standard-statement"
        case .negativeFee: "fee"
        case .topTaskRankBelowOne: "top-task"
        }
    }
}
