import Foundation
import FrontDoorDomain
import Testing

@Suite("The service catalogue's rules")
struct ServiceCatalogueTests {
    static let codes: [(String, Bool)] = [
        ("missed-bin", true), ("fly-tipping", true), ("foi", true), ("blue-badge-2", true),
        ("Missed-bin", false), ("-bin", false), ("bin-", false), ("missed--bin", false), ("2bins", false), ("a", false),
        ("missed bin", false), ("café", false), (String(repeating: "a", count: 51), false),
    ]

    @Test("Codes are lower-case words joined by single hyphens, starting with a letter", arguments: codes)
    func serviceCodes(text: String, valid: Bool) {
        #expect((ServiceCode(text) != nil) == valid)
    }

    func service(_ change: (inout CouncilService) -> Void = { _ in }) -> CouncilService {
        var service = CouncilService(councilID: UUID(), code: ServiceCode("missed-bin")!, name: "Report a missed bin collection",
                              description: "Tell us if we missed your bin.", group: .waste, contactType: .interaction,
                              channels: [.online, .phone],
                              standard: ServiceStandard(target: .workingDays(2), statement: "We aim to collect missed bins within 2 working days"))
        change(&service)
        return service
    }

    @Test("A complete definition has no problems")
    func complete() {
        #expect(service().problems.isEmpty)
    }

    static let broken: [(String, @Sendable (inout CouncilService) -> Void, ServiceProblem)] = [
        ("no name", { $0.name = "  " }, .missingName),
        ("long name", { $0.name = String(repeating: "x", count: 121) }, .nameTooLong),
        ("no description", { $0.description = "" }, .missingDescription),
        ("no channels", { $0.channels = [] }, .noChannels),
        ("digital only, not online", { $0.isDigitalOnly = true; $0.channels = [.phone] }, .digitalOnlyWithoutOnline),
        ("zero days", { $0.standard.target = .workingDays(0) }, .targetOutOfRange),
        ("too many hours", { $0.standard.target = .hours(9000) }, .targetOutOfRange),
        ("no statement", { $0.standard.statement = "" }, .missingStandardStatement),
        ("negative fee", { $0.feePence = -1 }, .negativeFee),
        ("rank zero", { $0.topTaskRank = 0 }, .topTaskRankBelowOne),
    ]

    @Test("Each broken rule is named, with wording an administrator can act on", arguments: broken)
    func problems(what: String, change: @Sendable (inout CouncilService) -> Void, problem: ServiceProblem) {
        #expect(service(change).problems == [problem], "\(what)")
        #expect(!problem.description.isEmpty)
    }

    @Test("Standards read as residents would say them")
    func standardWording() {
        #expect(ServiceStandard.Target.workingDays(1).description == "1 working day")
        #expect(ServiceStandard.Target.workingDays(10).description == "10 working days")
        #expect(ServiceStandard.Target.hours(24).description == "24 hours")
    }

    @Test("Every group and channel has a name to show")
    func names() {
        #expect(ServiceGroup.allCases.count == 12)
        #expect(Set(ServiceGroup.allCases.map(\.displayName)).count == 12)
        #expect(ServiceChannel.allCases.allSatisfy { !$0.displayName.isEmpty })
        #expect(ContactType.allCases.allSatisfy { !$0.displayName.isEmpty })
    }
}
