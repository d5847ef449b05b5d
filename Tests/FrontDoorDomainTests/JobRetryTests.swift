import Foundation
import FrontDoorDomain
import Testing

@Suite("Retrying failed background jobs")
struct JobRetryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func delay(after attempts: Int, maximumAttempts: Int = JobRetry.defaultMaximumAttempts, permanent: Bool = false) -> TimeInterval? {
        JobRetry.nextRun(after: attempts, maximumAttempts: maximumAttempts, permanent: permanent, now: now)?.timeIntervalSince(now)
    }

    @Test("A job may be tried eight times by default")
    func defaultAttempts() {
        #expect(JobRetry.defaultMaximumAttempts == 8)
    }

    @Test("The wait starts at 10 seconds and doubles with each failure",
          arguments: [(1, 10.0), (2, 20), (3, 40), (4, 80), (5, 160), (6, 320), (7, 640)])
    func backoff(attempts: Int, seconds: TimeInterval) {
        #expect(Self.delay(after: attempts) == seconds)
    }

    @Test("The wait is never more than an hour",
          arguments: [(9, 2560.0), (10, 3600), (11, 3600), (20, 3600), (99, 3600), (5000, 3600)])
    func capped(attempts: Int, seconds: TimeInterval) {
        #expect(Self.delay(after: attempts, maximumAttempts: 10_000) == seconds)
    }

    @Test("A job with its attempts used up is dead", arguments: [1, 3, 8, 100])
    func deadAtMaximum(maximum: Int) {
        #expect(Self.delay(after: maximum, maximumAttempts: maximum) == nil)
        #expect(Self.delay(after: maximum + 1, maximumAttempts: maximum) == nil)
        if maximum > 1 {
            #expect(Self.delay(after: maximum - 1, maximumAttempts: maximum) != nil)
        }
    }

    @Test("With the default, the seventh failure is retried and the eighth is not")
    func defaultLastRetry() {
        #expect(Self.delay(after: 7) == 640)
        #expect(Self.delay(after: 8) == nil)
    }

    @Test("A permanent failure is dead at once, however many attempts are left", arguments: [1, 2, 7])
    func permanent(attempts: Int) {
        #expect(Self.delay(after: attempts, permanent: true) == nil)
        #expect(Self.delay(after: attempts, maximumAttempts: 1_000, permanent: true) == nil)
    }

    @Test("The next run is counted from now")
    func fromNow() {
        let later = Self.now.addingTimeInterval(12_345)
        #expect(JobRetry.nextRun(after: 1, maximumAttempts: 8, permanent: false, now: later) == later.addingTimeInterval(10))
    }
}
