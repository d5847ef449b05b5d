import Foundation
import FrontDoorDomain

/// The page an answer is about, as stored: the path only (never the query, which can carry a
/// token), with every part that could identify someone or open something replaced by what it
/// is: `/forms/{draft}/address`, `/account/requests/{reference}`, `/services/missed-bin/guest/{link}`.
/// Answers about the same page then count together, and the table holds nothing personal.
enum PageFeedbackPath {
    static func normalise(_ path: String) -> String? {
        let path = String(path.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/"), path.count <= 300, path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for index in segments.indices {
            let previous = index > 0 ? segments[index - 1] : ""
            let segment = segments[index]
            if previous == "forms" { segments[index] = "{draft}" }
            else if previous == "guest" { segments[index] = "{link}" }
            else if UUID(uuidString: segment) != nil { segments[index] = "{id}" }
            else if CaseReference(segment) != nil { segments[index] = "{reference}" }
            else if segment.count >= 20 { segments[index] = "{token}" }
        }
        return "/" + segments.joined(separator: "/")
    }
}
