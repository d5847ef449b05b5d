import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// "Download your data": what the council holds about the resident through their account, as
/// JSON they can keep or take elsewhere (the right of access and data portability, UK GDPR
/// articles 15 and 20). Internal notes are the council's working papers and are left out here;
/// a formal subject access request covers them.
struct ResidentDataExport: Encodable {
    struct Details: Encodable {
        var name: String
        var email: String?
        var phone: String
        var address: [String]?
        var contactBy: String
        var language: String
        var communicationNeeds: [String]
        var accountCreated: Date
    }

    struct Agreement: Encodable {
        var purpose: String
        var wording: String
        var agreedAt: Date
    }

    struct Request: Encodable {
        struct Answer: Encodable {
            var question: String
            var answer: [String]
        }
        struct Update: Encodable {
            var at: Date
            var by: String
            var status: String?
            var message: String
        }
        struct Rating: Encodable {
            var score: Int
            var comment: String
            var ratedAt: Date
        }
        var reference: String
        var service: String
        var channel: String
        var status: String
        var received: Date
        var finished: Date?
        var answers: [Answer]
        var timeline: [Update]
        var rating: Rating?
    }

    var council: String
    var exportedAt: Date
    var details: Details
    var consents: [Agreement]
    var requests: [Request]
    var reportsFollowed: [String]

    /// The file: pretty, with keys in a stable order and dates in ISO 8601.
    func json() throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return ByteBuffer(data: try encoder.encode(self))
    }
}

extension ResidentRequestRoutes {
    func export(for customer: Customer, consents: [Consent], council: Council, at now: Date) async throws -> ResidentDataExport {
        let catalogue = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
        var requests: [ResidentDataExport.Request] = []
        for item in try await cases.all(customerID: customer.id) {
            var answers: [ResidentDataExport.Request.Answer] = []
            if let submissionID = item.submissionID, let sent = try await submissions.find(id: submissionID, councilID: council.id),
               let form = try await forms.version(sent.formVersion, of: sent.serviceID) {
                answers = form.fields.filter { $0.kind != .hidden }.compactMap { field in
                    sent.answers[field.id].map { .init(question: field.label, answer: AnswerText.lines($0, field: field)) }
                }
            }
            let timeline = try await cases.events(caseID: item.id, includingInternal: false).map {
                ResidentDataExport.Request.Update(at: $0.occurredAt, by: $0.actorID == customer.id ? "You" : council.name,
                                                  status: $0.toStatus?.displayName, message: $0.text)
            }
            let rating = try await cases.rating(caseID: item.id).map { ResidentDataExport.Request.Rating(score: $0.score, comment: $0.comment, ratedAt: $0.ratedAt) }
            requests.append(.init(reference: item.reference.description, service: catalogue[item.serviceID] ?? "Request",
                                  channel: item.channel.displayName, status: item.status.displayName, received: item.receivedAt,
                                  finished: item.status.isOpen ? nil : item.closedAt ?? item.resolvedAt,
                                  answers: answers, timeline: timeline, rating: rating))
        }
        return ResidentDataExport(
            council: council.name, exportedAt: now,
            details: .init(name: customer.name, email: customer.email, phone: customer.phone, address: customer.address?.lines,
                           contactBy: customer.preferredChannel.displayName, language: customer.language,
                           communicationNeeds: customer.needs.descriptions, accountCreated: customer.createdAt),
            consents: consents.map { .init(purpose: $0.purpose.rawValue, wording: $0.purpose.current.text, agreedAt: $0.agreedAt) },
            requests: requests,
            reportsFollowed: try await cases.followed(customerID: customer.id).map(\.reference.description))
    }
}
