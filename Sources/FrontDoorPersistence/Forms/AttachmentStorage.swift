import Foundation

/// Where uploaded files' bytes live, apart from the database (which keeps what each file is).
/// A local folder by default; a deployment of several servers points them all at one shared
/// folder, and another store (object storage, say) is one more type with these three methods.
public protocol AttachmentStorage: Sendable {
    func write(_ data: Data, key: String) async throws
    func read(key: String) async throws -> Data?
    func delete(key: String) async throws
}

/// Files in a folder, two levels of subfolders by the key's first characters so no folder grows
/// huge. Written to a temporary name and renamed, so a reader never sees half a file.
public struct LocalFolderStorage: AttachmentStorage {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public struct UnsafeKey: Error, CustomStringConvertible {
        public var description: String { "an attachment key may only hold letters, digits and hyphens" }
    }

    func path(_ key: String) throws -> String {
        // Keys are ours (UUIDs), but never let one walk out of the folder.
        guard key.count >= 4, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { throw UnsafeKey() }
        let lower = key.lowercased()
        return "\(folder)/\(lower.prefix(2))/\(lower.dropFirst(2).prefix(2))/\(lower)"
    }

    public func write(_ data: Data, key: String) async throws {
        let path = try path(key)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/." + UUID().uuidString + ".partial"
        try data.write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }

    public func read(key: String) async throws -> Data? {
        let path = try path(key)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func delete(key: String) async throws {
        let path = try path(key)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
}
