import Foundation
import FrontDoorDomain
import Testing

@Suite("Shared services: councils that look at their performance together")
struct SharedServiceTests {
    static let kingsmere = UUID(), westbury = UUID(), elsewhere = UUID()

    @Test("A shared service needs a name and at least two different councils; a council named twice counts once")
    func validation() throws {
        #expect(throws: SharedServiceValidationError.missingName) { try SharedService(name: "  ", councilIDs: [Self.kingsmere, Self.westbury]) }
        #expect(throws: SharedServiceValidationError.tooFewCouncils) { try SharedService(name: "Alone", councilIDs: [Self.kingsmere]) }
        #expect(throws: SharedServiceValidationError.tooFewCouncils) {
            try SharedService(name: "Twice", councilIDs: [Self.kingsmere, Self.kingsmere])
        }
        #expect(throws: SharedServiceValidationError.nameTooLong(121)) {
            try SharedService(name: String(repeating: "a", count: 121), councilIDs: [Self.kingsmere, Self.westbury])
        }
        let service = try SharedService(name: " Kingsmere and Westbury Partnership ", councilIDs: [Self.kingsmere, Self.westbury, Self.kingsmere])
        #expect(service.name == "Kingsmere and Westbury Partnership")
        #expect(service.councilIDs == [Self.kingsmere, Self.westbury])
        #expect(service.includes(Self.westbury) && !service.includes(Self.elsewhere))
    }

    @Test("Managers and administrators of a member council may see a shared service's figures; nobody else may",
          arguments: StaffRole.allCases)
    func whoMaySee(role: StaffRole) throws {
        let service = try SharedService(name: "Partnership", councilIDs: [Self.kingsmere, Self.westbury])
        let member = StaffMember(role: role, councilID: Self.westbury)
        let expected: Permissions.Decision = [.manager, .administrator].contains(role) ? .allowed : .denied(.roleCannot)
        #expect(Permissions.maySee(member, service) == expected)
        let outsider = StaffMember(role: role, councilID: Self.elsewhere)
        #expect(Permissions.maySee(outsider, service) == .denied(.otherCouncil))
    }

    static func counts(_ contacts: [ContactFigures.Count], wards: [PerformanceCounts.Ward] = [], ratings: [Int: Int] = [:],
                       useful: Int = 0, notUseful: Int = 0, calls: CallFigures = CallFigures([])) -> PerformanceCounts {
        PerformanceCounts(contacts: contacts, received: [], resolved: [], wards: wards, calls: calls,
                          satisfaction: SatisfactionFigures(ratings: ratings, pagesUseful: useful, pagesNotUseful: notUseful))
    }

    @Test("Combined counts give every figure that counting both councils' records together gives")
    func combinedCounts() {
        let serviceA = UUID(), serviceB = UUID()
        let a = [ContactFigures.Count(serviceID: serviceA, channel: .online, outcome: .resolvedFirstTime, demand: .value, contacts: 30),
                 ContactFigures.Count(serviceID: serviceA, channel: .phone, outcome: .caseRaised, demand: .failure, contacts: 10)]
        let b = [ContactFigures.Count(serviceID: serviceB, channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 50),
                 ContactFigures.Count(channel: .faceToFace, outcome: .resolvedFirstTime, demand: .avoidable, contacts: 10)]
        let combined = PerformanceCounts(combining: [Self.counts(a, ratings: [5: 2, 2: 1], useful: 3),
                                                     Self.counts(b, ratings: [4: 1], useful: 1, notUseful: 4)])
        #expect(combined.contactFigures == ContactFigures(a + b))
        // 30 online of 100.
        #expect(combined.contactFigures.onlinePercentage == 30)
        // Ratings 5, 5, 2 and 4: three satisfied of four, average 4.0; pages useful 4 of 8.
        #expect(combined.satisfaction.rated == 4 && combined.satisfaction.satisfiedPercentage == 75)
        #expect(combined.satisfaction.averageScore == 4)
        #expect(combined.satisfaction.pagesUsefulPercentage == 50)
    }

    @Test("Two councils' wards of the same name stay apart once renamed; cases with no ward stay without one")
    func wardsRenamed() {
        func ward(_ name: String?, _ cases: Int) -> PerformanceCounts.Ward {
            .init(ward: name, received: .init(cases: cases, throughForms: 0, throughFormsByStaff: 0), standard: .init(resolved: 0, met: 0))
        }
        let kingsmere = Self.counts([], wards: [ward("Abbey", 3), ward(nil, 1)]).renamingWards { "\($0) (Kingsmere)" }
        let westbury = Self.counts([], wards: [ward("Abbey", 5)]).renamingWards { "\($0) (Westbury)" }
        let combined = PerformanceCounts(combining: [kingsmere, westbury])
        let lines = PerformanceBreakdown(.ward, counts: combined, teamOfService: [:]).lines
        #expect(Set(lines.map(\.key)) == ["Abbey (Kingsmere)", "Abbey (Westbury)", nil])
        #expect(lines.first { $0.key == "Abbey (Westbury)" }?.received.cases == 5)
    }

    @Test("Cost to serve of a shared service is each council's contacts at its own costs, and the savings add up")
    func combinedCost() {
        let before = ContactFigures([.init(channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 100)])
        let now = ContactFigures([.init(channel: .phone, outcome: .resolvedFirstTime, demand: .value, contacts: 50),
                                  .init(channel: .online, outcome: .resolvedFirstTime, demand: .value, contacts: 50)])
        let cheap = ChannelCosts(pence: [.phone: 200, .online: 10]), dear = ChannelCosts(pence: [.phone: 400, .online: 10])
        let combined = CostToServe(combining: [CostToServe(now, baseline: before, costs: cheap), CostToServe(now, baseline: before, costs: dear)])
        // Phone: 50 × 2.00 + 50 × 4.00 = £300; online: 100 × 0.10 = £10.
        #expect(combined.byChannel == [.phone: 30_000, .online: 1_000])
        #expect(combined.totalPence == 31_000)
        // Savings: (100 × 2.00 − 105) + (100 × 4.00 − 205) = 95 + 195 = £290.
        #expect(combined.channelShiftSavingPence == 29_000)
        let noBaseline = CostToServe(now, baseline: ContactFigures([]), costs: cheap)
        #expect(CostToServe(combining: [noBaseline, CostToServe(now, baseline: before, costs: dear)]).channelShiftSavingPence == 19_500)
        #expect(CostToServe(combining: [noBaseline, noBaseline]).channelShiftSavingPence == nil)
    }
}
