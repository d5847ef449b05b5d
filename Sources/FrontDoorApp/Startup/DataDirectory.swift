import Foundation

/// The data folder: created on first run, and proved writable before anything else is written.
public enum DataDirectory {
    public static func prepare(_ path: String) throws(ConfigurationError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let probe = URL(fileURLWithPath: path).appendingPathComponent(".write-check-\(UUID().uuidString)")
            try Data("ok".utf8).write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw ConfigurationError(variable: "DATA_DIR", problem: "names a folder that cannot be created or written to (\(path)): \(Self.reason(error))")
        }
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let message = underlying.localizedFailureReason ?? Optional(underlying.localizedDescription) {
            return message
        }
        return nsError.localizedDescription
    }
}
