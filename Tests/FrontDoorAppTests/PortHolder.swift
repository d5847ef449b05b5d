import NIOCore
import NIOPosix

/// Keeps a loopback port busy, as another program would.
struct PortHolder {
    let channel: any Channel
    var port: Int { channel.localAddress!.port! }

    static func listen() async throws -> PortHolder {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        return PortHolder(channel: channel)
    }

    func close() {
        try? channel.close().wait()
    }
}
