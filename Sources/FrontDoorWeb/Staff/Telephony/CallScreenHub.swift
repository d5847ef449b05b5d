import Foundation

/// Wakes the open call screens (an advisor's browser tabs) of one member of staff when a call
/// event concerns them, so a ringing call pops at once. Only this process's screens hear it:
/// each screen also looks again every few seconds, which is how a call reported to another
/// server process reaches it (see the operator guide on scaling out).
public actor CallScreenHub {
    private var screens: [UUID: [UUID: AsyncStream<Void>.Continuation]] = [:]

    public init() {}

    /// A new screen for `staffID`: the stream yields whenever it should look again.
    func open(staffID: UUID) -> (screen: UUID, wakes: AsyncStream<Void>) {
        let screen = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        screens[staffID, default: [:]][screen] = continuation
        continuation.yield()
        return (screen, stream)
    }

    func close(staffID: UUID, screen: UUID) {
        screens[staffID]?.removeValue(forKey: screen)?.finish()
        if screens[staffID]?.isEmpty == true { screens[staffID] = nil }
    }

    /// Wakes every screen of `staffID`.
    public func wake(staffID: UUID) {
        screens[staffID]?.values.forEach { $0.yield() }
    }

    func wake(staffID: UUID, screen: UUID) {
        screens[staffID]?[screen]?.yield()
    }

    /// How many screens are open, for the tests and the metrics.
    public var openScreens: Int { screens.values.reduce(0) { $0 + $1.count } }
}
