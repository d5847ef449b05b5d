import Foundation
import FrontDoorPersistence

/// What the call screen shows for each call put through to an advisor: the same words on the
/// pushed panel and on the "Your calls" page, built once here.
struct CallScreenEntry: Encodable, Equatable, Sendable {
    var state: String
    var heading: String
    var detail: String
    var href: String
    var linkText: String

    init(_ pop: CallRepository.ScreenPop, basePath: String) {
        state = pop.state.rawValue
        heading = switch pop.state {
        case .ringing: "Incoming call"
        case .answered: "On a call"
        case .ended: "Call ended"
        }
        let from = pop.caller.isEmpty ? "Number withheld" : "From " + pop.caller
        detail = [from, pop.queue.isEmpty ? nil : "queue: " + pop.queue, "rang " + UKDateFormat.dateAndTime(pop.offeredAt)]
            .compactMap { $0 }.joined(separator: ", ")
        if let customerID = pop.customerID, let name = pop.customerName {
            href = basePath + StaffPaths.customers + "/" + customerID.uuidString
            linkText = "Open \(name)’s record"
        } else {
            var search = URLComponents()
            search.queryItems = [URLQueryItem(name: "q", value: pop.caller)]
            href = basePath + StaffPaths.customers + (pop.caller.isEmpty ? "" : "?" + (search.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
            linkText = pop.caller.isEmpty ? "Find the customer" : "No record matches this number: find the customer"
        }
    }

    /// The message pushed to the browser: every call on the screen, so a lost message costs nothing.
    static func message(_ entries: [CallScreenEntry]) -> String {
        struct Message: Encodable { var calls: [CallScreenEntry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(Message(calls: entries))) ?? Data(#"{"calls":[]}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
