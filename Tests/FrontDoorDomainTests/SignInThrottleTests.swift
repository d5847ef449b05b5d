import Foundation
import FrontDoorDomain
import Testing

@Suite("Locking out repeated failed sign-ins")
struct SignInThrottleTests {
    let throttle = SignInThrottle()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func minutesAgo(_ minutes: Double...) -> [Date] { minutes.map { now.addingTimeInterval(-$0 * 60) } }

    @Test("Fewer than five recent failures on an account: allowed")
    func underLimit() {
        #expect(throttle.decide(accountFailures: minutesAgo(1, 2, 3, 4), addressFailures: [], now: now) == .allowed)
    }

    @Test("The fifth failure within 15 minutes locks the account for 15 minutes from that failure")
    func accountLocked() {
        let decision = throttle.decide(accountFailures: minutesAgo(10, 8, 6, 4, 2), addressFailures: [], now: now)
        #expect(decision == .locked(until: now.addingTimeInterval(13 * 60)))
    }

    @Test("Failures older than the window do not count")
    func oldFailuresIgnored() {
        #expect(throttle.decide(accountFailures: minutesAgo(16, 17, 18, 19, 1), addressFailures: [], now: now) == .allowed)
    }

    @Test("The lock ends 15 minutes after the latest failure")
    func lockEnds() {
        #expect(throttle.decide(accountFailures: minutesAgo(14.9, 14.9, 14.9, 14.9, 14.9), addressFailures: [], now: now) != .allowed)
        let later = SignInThrottle(window: 60 * 60)
        #expect(later.decide(accountFailures: minutesAgo(20, 20, 20, 20, 16), addressFailures: [], now: now) == .allowed)
    }

    @Test("Twenty failures from one address lock it, whichever accounts were tried")
    func addressLocked() {
        let failures = (1...20).map { now.addingTimeInterval(-Double($0) * 20) }
        #expect(throttle.decide(accountFailures: [], addressFailures: Array(failures.prefix(19)), now: now) == .allowed)
        #expect(throttle.decide(accountFailures: [], addressFailures: failures, now: now) == .locked(until: failures[0].addingTimeInterval(15 * 60)))
    }

    @Test("The wait is described in whole minutes, rounded up", arguments: [(30.0, "1 minute"), (60, "1 minute"), (61, "2 minutes"), (900, "15 minutes")])
    func waitDescription(seconds: Double, text: String) {
        #expect(SignInThrottle.waitDescription(until: now.addingTimeInterval(seconds), now: now) == text)
    }
}

@Suite("Session timeouts")
struct SessionPolicyTests {
    let created = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A staff session ends after 30 idle minutes", arguments: [(29.0, false), (30, true)])
    func idle(minutes: Double, expired: Bool) {
        let lastSeen = created.addingTimeInterval(3600)
        #expect(SessionPolicy.staff.isExpired(createdAt: created, lastSeenAt: lastSeen, now: lastSeen.addingTimeInterval(minutes * 60)) == expired)
    }

    @Test("However busy, a staff session ends after 10 hours")
    func absolute() {
        let now = created.addingTimeInterval(10 * 3600)
        #expect(SessionPolicy.staff.isExpired(createdAt: created, lastSeenAt: now.addingTimeInterval(-1), now: now))
    }

    @Test("Kiosk sessions are much shorter than staff ones")
    func kioskShorter() {
        #expect(SessionPolicy.kiosk.idleTimeout < SessionPolicy.staff.idleTimeout)
        #expect(SessionPolicy.kiosk.absoluteTimeout < SessionPolicy.staff.absoluteTimeout)
    }

    @Test("Activity is written at most about once a minute")
    func activityThrottled() {
        #expect(!SessionPolicy.staff.shouldRecordActivity(lastSeenAt: created, now: created.addingTimeInterval(30)))
        #expect(SessionPolicy.staff.shouldRecordActivity(lastSeenAt: created, now: created.addingTimeInterval(60)))
    }
}
