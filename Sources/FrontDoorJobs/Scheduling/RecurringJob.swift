import Logging

/// Work that repeats on a fixed interval (maintenance now; the service-standard sweep and
/// reminders later). A run that fails is logged and tried again at the next interval.
public protocol RecurringJob: Sendable {
    var name: String { get }
    var interval: Duration { get }
    func run(logger: Logger) async throws
}
