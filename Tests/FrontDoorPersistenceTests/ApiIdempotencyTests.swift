import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Idempotency keys: one claim per key, kept answers given again for a day, failed requests free their key")
struct ApiIdempotencyTests {
    static func key(_ database: Database) async throws -> UUID {
        try await seedDemoCouncil(database)
        let keys = ApiKeyRepository(database: database)
        let token = try await keys.issue(councilID: DemoCouncil.council.id, label: "crm", scopes: [.customersWrite])
        return try #require(try await keys.holder(of: token)).id
    }

    @Test("The first request proceeds; the same one meanwhile is in flight; once kept it is replayed; another request with the key is caught",
          arguments: TestDatabase.available)
    func claims(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let keyID = try await Self.key(database)
            let store = ApiIdempotency(database: database)
            let now = Date()
            let request = ApiIdempotency.fingerprint(method: "POST", path: "/api/v1/customers", body: Data(#"{"name":"Ada"}"#.utf8))
            #expect(try await store.claim(keyID: keyID, key: "k1", fingerprint: request, at: now) == .proceed)
            #expect(try await store.claim(keyID: keyID, key: "k1", fingerprint: request, at: now) == .inFlight)
            let answer = ApiIdempotency.Answer(status: 201, headers: ["content-type": "application/json", "etag": "\"abc\""], body: #"{"id":"x"}"#)
            try await store.keep(answer, keyID: keyID, key: "k1")
            #expect(try await store.claim(keyID: keyID, key: "k1", fingerprint: request, at: now.addingTimeInterval(60)) == .replay(answer))
            let other = ApiIdempotency.fingerprint(method: "POST", path: "/api/v1/customers", body: Data(#"{"name":"Bob"}"#.utf8))
            #expect(try await store.claim(keyID: keyID, key: "k1", fingerprint: other, at: now) == .reusedForAnotherRequest)
            let elsewhere = ApiIdempotency.fingerprint(method: "POST", path: "/api/v1/contacts", body: Data(#"{"name":"Ada"}"#.utf8))
            #expect(elsewhere != request, "the path is part of the request")
            #expect(try await store.claim(keyID: keyID, key: "k2", fingerprint: request, at: now) == .proceed, "keys are independent")
        }
    }

    @Test("Releasing frees an unanswered key but never a kept answer; after a day a key is new again", arguments: TestDatabase.available)
    func releaseAndExpiry(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let keyID = try await Self.key(database)
            let store = ApiIdempotency(database: database)
            let now = Date()
            #expect(try await store.claim(keyID: keyID, key: "refused", fingerprint: "a", at: now) == .proceed)
            try await store.release(keyID: keyID, key: "refused")
            #expect(try await store.claim(keyID: keyID, key: "refused", fingerprint: "b", at: now) == .proceed, "put right and sent again")

            #expect(try await store.claim(keyID: keyID, key: "kept", fingerprint: "a", at: now) == .proceed)
            let answer = ApiIdempotency.Answer(status: 201, headers: [:], body: "{}")
            try await store.keep(answer, keyID: keyID, key: "kept")
            try await store.release(keyID: keyID, key: "kept")
            #expect(try await store.claim(keyID: keyID, key: "kept", fingerprint: "a", at: now) == .replay(answer))
            let nextDay = now.addingTimeInterval(ApiIdempotency.lifetime + 1)
            #expect(try await store.claim(keyID: keyID, key: "kept", fingerprint: "other", at: nextDay) == .proceed)
        }
    }
}
