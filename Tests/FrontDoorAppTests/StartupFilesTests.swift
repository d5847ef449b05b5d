import Foundation
import FrontDoorApp
import Testing

@Suite("Files FrontDoor keeps in its data folder")
struct StartupFilesTests {
    func scratchFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fd-startup-\(UUID().uuidString)").path
    }

    @Test("In development the session secret is generated once, kept private, and reused")
    func sessionSecretKept() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DataDirectory.prepare(folder)
        let first = try SessionSecretStore.resolve(.keptInDataDirectory, dataDirectory: folder)
        let second = try SessionSecretStore.resolve(.keptInDataDirectory, dataDirectory: folder)
        #expect(first == second)
        #expect(first.count >= AppConfiguration.minimumSessionSecretLength)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/session-secret")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("A provided secret is used as given and nothing is written")
    func providedSecret() throws {
        let folder = scratchFolder()
        #expect(try SessionSecretStore.resolve(.provided("given"), dataDirectory: folder) == "given")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("A data folder that cannot be created is reported against DATA_DIR")
    func unwritableDataFolder() throws {
        let file = scratchFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: ConfigurationError.self) { try DataDirectory.prepare(file + "/data") }
        do {
            try DataDirectory.prepare(file + "/data")
        } catch {
            #expect(error.variable == "DATA_DIR")
            #expect(error.description.contains(file + "/data"))
        }
    }

    @Test("A port already in use is reported against PORT before anything starts")
    func portInUse() async throws {
        let holder = try await PortHolder.listen()
        defer { holder.close() }
        do {
            try await PortCheck.ensureAvailable(host: "127.0.0.1", port: holder.port)
            Issue.record("the busy port was reported free")
        } catch {
            #expect(error.variable == "PORT")
            #expect(error.description.contains("\(holder.port)"))
        }
    }

    @Test("A free port passes the check")
    func freePort() async throws {
        let holder = try await PortHolder.listen()
        let port = holder.port
        holder.close()
        try await Task.sleep(for: .milliseconds(50))
        try await PortCheck.ensureAvailable(host: "127.0.0.1", port: port)
    }
}
