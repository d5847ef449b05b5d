/// The promise a council publishes for a service: a target, and the sentence residents read
/// ("We aim to repair street lights within 5 working days"). The case engine measures cases
/// against the target; the sentence is what the portal shows.
public struct ServiceStandard: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// Working days, by the council's calendar (weekends and bank holidays excluded).
        case workingDays(Int)
        /// Elapsed hours, for urgent work (dangerous structures, out-of-hours repairs).
        case hours(Int)

        public var description: String {
            switch self {
            case .workingDays(let days): days == 1 ? "1 working day" : "\(days) working days"
            case .hours(let hours): hours == 1 ? "1 hour" : "\(hours) hours"
            }
        }
    }

    public var target: Target
    public var statement: String

    public init(target: Target, statement: String) {
        self.target = target
        self.statement = statement
    }
}
