#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// Proves the port is free before anything is migrated or seeded, so "port in use" is one
/// clear line and not a half-started server.
public enum PortCheck {
    public static func ensureAvailable(host: String, port: Int) async throws(ConfigurationError) {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ConfigurationError(variable: "PORT", problem: "\(port) is already in use on \(host): stop the other program or choose another PORT")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw ConfigurationError(variable: "PORT", problem: "\(port) needs privileges this process does not have: choose a PORT above 1023")
        } catch {
            throw ConfigurationError(variable: "HOST", problem: "\(host) cannot be listened on: \(error)")
        }
    }
}
