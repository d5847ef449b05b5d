import Foundation
import FrontDoorDomain
import Testing

@Suite("The case lifecycle, as a table")
struct CaseLifecycleTests {
    typealias S = CaseStatus

    /// Every allowed (status, action) and where it leads; every other pair is refused.
    static let allowed: [S: [CaseAction: S]] = [
        .submitted: [.acknowledge: .acknowledged, .startWork: .inProgress, .askCustomer: .awaitingCustomer, .resolve: .resolved,
                     .withdraw: .withdrawn, .markDuplicate: .duplicate],
        .acknowledged: [.startWork: .inProgress, .askCustomer: .awaitingCustomer, .resolve: .resolved, .withdraw: .withdrawn,
                        .markDuplicate: .duplicate],
        .inProgress: [.askCustomer: .awaitingCustomer, .resolve: .resolved, .withdraw: .withdrawn, .markDuplicate: .duplicate],
        .awaitingCustomer: [.customerReplied: .inProgress, .resolve: .resolved, .withdraw: .withdrawn, .markDuplicate: .duplicate],
        .resolved: [.close: .closed, .reopen: .inProgress],
        .closed: [.reopen: .inProgress],
        .withdrawn: [:],
        .duplicate: [:],
    ]

    struct Pair: Sendable, CustomTestStringConvertible {
        var status: S
        var action: CaseAction
        var testDescription: String { "\(status.rawValue) + \(action.rawValue)" }
    }

    static let everyPair = S.allCases.flatMap { status in CaseAction.allCases.map { Pair(status: status, action: $0) } }

    @Test("Each status and action: the next status, or a refusal that says why", arguments: everyPair)
    func transition(_ pair: Pair) {
        let now = Date()
        let result = CaseLifecycle().apply(pair.action, to: pair.status, resolvedAt: now.addingTimeInterval(-86_400), now: now)
        if let expected = Self.allowed[pair.status]?[pair.action] {
            #expect(result == .success(expected))
        } else {
            guard case .failure(let refusal) = result else {
                Issue.record("\(pair.testDescription) should be refused, got \(result)")
                return
            }
            #expect(refusal.from == pair.status && refusal.action == pair.action)
            #expect(refusal.description.hasPrefix("A case that is") || refusal.description.hasPrefix("This case is"))
        }
    }

    @Test("The table covers every status")
    func complete() {
        #expect(Set(Self.allowed.keys) == Set(S.allCases))
        for status in S.allCases {
            #expect(CaseLifecycle().actions(from: status) == CaseAction.allCases.filter { Self.allowed[status]?[$0] != nil })
        }
    }

    @Test("Reopening is allowed within the council's window and refused after it")
    func reopenWindow() {
        let now = Date()
        let lifecycle = CaseLifecycle(reopenWindowDays: 14)
        #expect(lifecycle.apply(.reopen, to: .resolved, resolvedAt: now.addingTimeInterval(-13 * 86_400), now: now) == .success(.inProgress))
        let late = lifecycle.apply(.reopen, to: .closed, resolvedAt: now.addingTimeInterval(-15 * 86_400), now: now)
        #expect(late == .failure(.init(from: .closed, action: .reopen,
                                       description: "This case was resolved more than 14 days ago, so it cannot be reopened. Make a new request instead")))
    }

    @Test("Refusals read as sentences a person can act on")
    func wording() {
        let now = Date()
        #expect(CaseLifecycle().apply(.resolve, to: .withdrawn, now: now) == .failure(.init(
            from: .withdrawn, action: .resolve, description: "A case that is withdrawn cannot be resolved")))
        #expect(CaseLifecycle().apply(.askCustomer, to: .closed, now: now) == .failure(.init(
            from: .closed, action: .askCustomer, description: "This case is closed. Reopen it first if more needs doing")))
        #expect(CaseLifecycle().apply(.customerReplied, to: .inProgress, now: now) == .failure(.init(
            from: .inProgress, action: .customerReplied, description: "A case that is in progress cannot be given a customer's reply")))
    }
}

@Suite("Distances between reports")
struct DistanceTests {
    @Test("Metres between points, and a box that holds the circle")
    func metres() {
        let library = (latitude: 52.2119, longitude: -0.9913)
        // 0.00045 degrees of latitude is about 50 metres anywhere.
        let north = (latitude: 52.21235, longitude: -0.9913)
        #expect(abs(Distance.metres(from: library, to: north) - 50) < 0.5)
        #expect(Distance.metres(from: library, to: library) == 0)
        let box = Distance.box(around: library, metres: 50)
        let east = (latitude: 52.2119, longitude: box.maxLongitude)
        #expect(abs(Distance.metres(from: library, to: east) - 50) < 0.5, "the box's edge is 50 metres away due east")
        let justInside = (latitude: 52.21234, longitude: -0.9913)
        #expect(Distance.metres(from: library, to: justInside) < 50 && justInside.latitude <= box.maxLatitude)
    }
}
