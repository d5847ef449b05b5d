/// A setting FrontDoor cannot work with: always names the variable to fix.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var variable: String
    public var problem: String

    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "\(variable) \(problem)" }
}
