import Foundation

/// A group of staff who own services together (waste, highways, revenues). Back-office officers
/// and team leads work on the cases of their own teams' services.
public struct Team: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var name: String

    public init(id: UUID = UUID(), councilID: UUID, name: String) {
        self.id = id
        self.councilID = councilID
        self.name = name
    }
}
