import Foundation

/// Councils of one deployment that run a service together (a shared contact centre, a
/// revenues partnership) and so look at their performance together as well as apart.
/// A council may belong to several; each council's records stay its own.
public struct SharedService: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var councilIDs: [UUID]

    public init(id: UUID = UUID(), name: String, councilIDs: [UUID]) throws(SharedServiceValidationError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingName }
        guard trimmed.count <= Self.longestName else { throw .nameTooLong(trimmed.count) }
        var seen = Set<UUID>()
        let distinct = councilIDs.filter { seen.insert($0).inserted }
        // One council alone is not shared: its own dashboard already shows it.
        guard distinct.count >= 2 else { throw .tooFewCouncils }
        self.id = id
        self.name = trimmed
        self.councilIDs = distinct
    }

    public static let longestName = 120

    public func includes(_ councilID: UUID) -> Bool { councilIDs.contains(councilID) }
}

public enum SharedServiceValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingName
    case nameTooLong(Int)
    case tooFewCouncils

    public var description: String {
        switch self {
        case .missingName: "the shared service needs a name"
        case .nameTooLong(let count): "the shared service's name is \(count) characters long: use \(SharedService.longestName) or fewer"
        case .tooFewCouncils: "a shared service needs at least two different councils"
        }
    }
}
