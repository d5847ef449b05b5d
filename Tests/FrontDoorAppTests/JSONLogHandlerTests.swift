import Foundation
import FrontDoorApp
import Logging
import Synchronization
import Testing

@Suite("JSON logs")
struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let captured = Mutex<[String]>([])
        func append(_ line: String) { captured.withLock { $0.append(line) } }
        var all: [String] { captured.withLock { $0 } }
    }

    @Test("Each entry is one line of JSON with level, label, message and metadata")
    func oneObjectPerLine() throws {
        let lines = Lines()
        var logger = Logger(label: "frontdoor") { label in JSONLogHandler(label: label, write: lines.append) }
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.info("Request", metadata: ["path": "/components", "quote": "she said \"hi\"\nthen left"])
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "frontdoor")
        #expect(object["message"] as? String == "Request")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["hb.request.id"] as? String == "abc123")
        #expect(metadata["quote"] as? String == "she said \"hi\"\nthen left")
        #expect(object["timestamp"] is String)
    }

    @Test("Entries below the level are not written")
    func respectsLevel() {
        let lines = Lines()
        var logger = Logger(label: "frontdoor") { label in JSONLogHandler(label: label, write: lines.append) }
        logger.logLevel = .warning
        logger.info("quiet")
        logger.error("loud")
        #expect(lines.all.count == 1)
    }
}
