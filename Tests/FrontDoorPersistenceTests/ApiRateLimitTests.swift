import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("API keys' rate limits: a count per key per clock minute")
struct ApiRateLimitTests {
    @Test("Past the limit a key waits until the minute ends; the next minute starts afresh; each key counts alone", arguments: TestDatabase.available)
    func windows(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil(slug: "ratelimit")
            try await CouncilRepository(database: database).create(council)
            let keys = ApiKeyRepository(database: database)
            let slowToken = try await keys.issue(councilID: council.id, label: "slow", scopes: [.servicesRead], requestsPerMinute: 2)
            let otherToken = try await keys.issue(councilID: council.id, label: "other", scopes: [.servicesRead], requestsPerMinute: 2)
            let slow = try unwrap(try await keys.holder(of: slowToken))
            let other = try unwrap(try await keys.holder(of: otherToken))

            // 10:00:15 on some day: the minute's window began 15 seconds before.
            let minute = Date(timeIntervalSince1970: 1_790_000_040)
            #expect(Int(minute.timeIntervalSince1970) % 60 == 0)
            let fifteenIn = minute.addingTimeInterval(15)
            #expect(try await keys.spend(slow, at: fifteenIn) == nil)
            #expect(try await keys.spend(slow, at: fifteenIn) == nil)
            #expect(try await keys.spend(slow, at: fifteenIn) == 45, "the third in a minute waits for the 45 seconds left")
            #expect(try await keys.spend(slow, at: minute.addingTimeInterval(59)) == 1)
            #expect(try await keys.spend(other, at: fifteenIn) == nil, "another key has its own count")
            #expect(try await keys.spend(slow, at: minute.addingTimeInterval(60)) == nil, "a new minute starts afresh")
        }
    }
}
