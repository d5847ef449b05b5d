import Foundation
import FrontDoorApp
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@Suite("Request ids in logs")
struct RequestLoggingTests {
    final class CapturedLines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        func metadata(ofMessage message: String) -> [[String: Any]] {
            lines.withLock { $0 }
                .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .filter { $0["message"] as? String == message }
                .compactMap { $0["metadata"] as? [String: Any] }
        }
    }

    @Test("Every line logged while a request is served, database queries included, carries the request's id")
    func queryLinesCarryRequestID() async throws {
        let captured = CapturedLines()
        var logger = Logger(label: "frontdoor") { label in
            JSONLogHandler(label: label, metadataProvider: RequestLogContext.metadataProvider, write: captured.append)
        }
        logger.logLevel = .debug
        try await withTestApplication(database: .sqlite, logger: logger) { client in
            let response = try await client.execute(uri: "/", method: .get)
            let requestID = try #require(response.headers[.requestID])
            let queries = captured.metadata(ofMessage: "Executing query")
            let duringRequest = queries.filter { $0["hb.request.id"] as? String == requestID }
            #expect(!duringRequest.isEmpty, "no query line carried \(requestID)")
            #expect(duringRequest.allSatisfy { ($0["sql"] as? String)?.isEmpty == false })
        }
    }
}
