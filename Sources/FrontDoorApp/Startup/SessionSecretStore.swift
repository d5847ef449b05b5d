import FrontDoorPersistence
import Foundation

/// Provides the secret that signs session cookies. In development it is generated on first
/// run and kept in the data folder so sign-ins survive restarts; production must set it.
public enum SessionSecretStore {
    static let fileName = "session-secret"

    public static func resolve(_ setting: AppConfiguration.SessionSecret, dataDirectory: String) throws(ConfigurationError) -> String {
        switch setting {
        case .provided(let secret):
            return secret
        case .keptInDataDirectory:
            let url = URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName)
            if let existing = try? String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
               existing.count >= AppConfiguration.minimumSessionSecretLength {
                return existing
            }
            let secret = RandomToken.make()
            do {
                try Data((secret + "\n").utf8).write(to: url, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            } catch {
                throw ConfigurationError(variable: "DATA_DIR", problem: "names a folder where the session secret cannot be saved (\(url.path)): \(DataDirectory.reason(error))")
            }
            return secret
        }
    }
}
