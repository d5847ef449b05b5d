import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FrontDoorDomain
import FrontDoorPersistence
import SQLKit

/// Posts one event to one endpoint, signed, and records how it went. A 2xx answer is delivered;
/// anything else (an error status, no answer within 10 seconds) is retried with the queue's
/// backoff, each attempt written to the delivery log; after the last it is failed, and the job
/// waits in Background jobs. An endpoint disabled since is not sent to.
public struct DeliverWebhookJob: JobHandler {
    public var kind: String { WebhookRepository.deliverJobKind }
    let webhooks: WebhookRepository
    let session: URLSession

    public init(database: Database, sealed: SealedSecrets, session: URLSession? = nil) {
        self.webhooks = WebhookRepository(database: database, sealed: sealed)
        self.session = session ?? URLSession(configuration: .ephemeral, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    struct Refused: Error, CustomStringConvertible {
        var statusCode: Int
        var description: String { "the endpoint answered \(statusCode)" }
    }

    public func perform(_ job: ClaimedJob, commit: JobCommit) async throws {
        struct Payload: Decodable { var delivery: UUID }
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)),
              let delivery = try await webhooks.delivery(id: payload.delivery) else {
            throw PermanentJobFailure("The webhook delivery this job sends does not exist")
        }
        guard delivery.status == .pending else { return }
        guard let (endpoint, secret) = try await webhooks.endpointForSending(id: delivery.endpointID), endpoint.disabledAt == nil,
              let url = URL(string: endpoint.url) else {
            try await webhooks.recordFailure(delivery.id, statusCode: nil, error: "The endpoint has been disabled", final: true)
            throw PermanentJobFailure("The endpoint has been disabled")
        }
        let body = Data(delivery.payload.utf8)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 10
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("FrontDoor-Webhooks/1", forHTTPHeaderField: "User-Agent")
        request.setValue(delivery.event, forHTTPHeaderField: "FrontDoor-Event")
        request.setValue(delivery.id.uuidString.lowercased(), forHTTPHeaderField: "FrontDoor-Delivery")
        request.setValue(WebhookSignature.sign(body: body, secret: secret, at: Date()), forHTTPHeaderField: WebhookSignature.header)
        request.httpBody = body
        let status: Int
        do {
            let (_, response) = try await session.data(for: request)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status) else { throw Refused(statusCode: status) }
        } catch {
            let code = (error as? Refused)?.statusCode
            try await webhooks.recordFailure(delivery.id, statusCode: code, error: String(describing: error),
                                             final: job.attempt >= job.maximumAttempts)
            throw error
        }
        try await commit { [webhooks] db in
            try await webhooks.markDelivered(delivery.id, statusCode: status, on: db)
        }
    }
}

/// A redirect is an answer, not a delivery: following it would post the event somewhere the
/// administrator did not register (perhaps inside the network), or lose its body on the way.
/// The 3xx is returned as it is, and retried like any other refusal.
final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
