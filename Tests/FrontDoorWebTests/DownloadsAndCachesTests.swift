import Foundation
import FrontDoorDomain
@testable import FrontDoorWeb
import Testing

@Suite("Small web rules: emailed files' types, and the live-alert cache")
struct DownloadsAndCachesTests {
    @Test("An emailed file's declared type is passed on only as a plain type/subtype", arguments: [
        ("image/jpeg", "image/jpeg"), ("Application/PDF", "application/pdf"), ("application/vnd.ms-excel", "application/vnd.ms-excel"),
        ("text/html; charset=utf-8", "application/octet-stream"), ("image/jpeg\r\nX-Evil: 1", "application/octet-stream"),
        ("", "application/octet-stream"), ("/jpeg", "application/octet-stream"), ("image/", "application/octet-stream"),
        ("a/b/c", "application/octet-stream"),
    ])
    func safeTypes(declared: String, served: String) {
        #expect(AttachmentDownload.safeType(declared) == served)
    }

    @Test("Live alerts are read again once they are older than the cache keeps them, or at once when forgotten")
    func cacheFreshness() async throws {
        let cache = LiveAlertCache()
        let council = UUID(), start = Date()
        let alert = LiveServiceAlert(title: "Phones down", message: "Use the website", about: "")
        var loads = 0
        func read(at time: Date, answer: [LiveServiceAlert]) async throws -> [LiveServiceAlert] {
            try await cache.alerts(councilID: council, now: time) { loads += 1; return answer }
        }
        #expect(try await read(at: start, answer: [alert]) == [alert])
        #expect(try await read(at: start.addingTimeInterval(LiveAlertCache.freshFor - 1), answer: []) == [alert], "still fresh")
        #expect(try await read(at: start.addingTimeInterval(LiveAlertCache.freshFor + 1), answer: []) == [], "read again")
        cache.forget(councilID: council)
        #expect(try await read(at: start.addingTimeInterval(LiveAlertCache.freshFor + 2), answer: [alert]) == [alert], "forgotten, read again")
        #expect(loads == 3)
    }
}
