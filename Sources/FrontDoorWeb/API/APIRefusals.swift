import FrontDoorAPI

// Each operation's generated output has its own cases for the errors it documents. These
// protocols name those cases (an enum case is a static function of its type), so one function
// can turn a refusal into whichever answer the operation has, instead of a switch per operation.

/// Every operation answers a missing key and a missing scope.
protocol GuardedOutput {
    static func unauthorized(_ answer: Components.Responses.Unauthorized) -> Self
    static func forbidden(_ answer: Components.Responses.Forbidden) -> Self
}

protocol BadRequestOutput: GuardedOutput {
    static func badRequest(_ answer: Components.Responses.BadRequest) -> Self
}

protocol NotFoundOutput: GuardedOutput {
    static func notFound(_ answer: Components.Responses.NotFound) -> Self
}

protocol ConflictOutput: GuardedOutput {
    static func conflict(_ answer: Components.Responses.Conflict) -> Self
}

/// An operation documented without the answer a refusal needed: a mistake in openapi.yaml or
/// here, which the API's tests catch.
struct UndocumentedRefusal: Error {
    var refusal: IntegrationAPI.Refusal
}

extension IntegrationAPI.Refusal {
    /// This refusal as `Output`'s own answer: a wrong parameter is a 400 where the operation has
    /// one (else a 404, for a path part), a missing record a 404 (else a 400, for a body field).
    func answer<Output: GuardedOutput>(as: Output.Type = Output.self) throws -> Output {
        let body = errors
        func badRequest() -> Output? { (Output.self as? any BadRequestOutput.Type)?.badRequest(.init(body: .json(body))) as? Output }
        func notFound() -> Output? { (Output.self as? any NotFoundOutput.Type)?.notFound(.init(body: .json(body))) as? Output }
        let answer: Output? = switch self {
        case .unauthorized: .unauthorized(.init(body: .json(body)))
        case .forbidden: .forbidden(.init(body: .json(body)))
        case .badRequest, .problems: badRequest() ?? notFound()
        case .notFound: notFound() ?? badRequest()
        case .conflict: (Output.self as? any ConflictOutput.Type)?.conflict(.init(body: .json(body))) as? Output ?? badRequest()
        }
        guard let answer else { throw UndocumentedRefusal(refusal: self) }
        return answer
    }
}

extension Operations.ListServices.Output: BadRequestOutput {}
extension Operations.GetService.Output: NotFoundOutput {}
extension Operations.ListCases.Output: BadRequestOutput {}
extension Operations.CreateCase.Output: BadRequestOutput, ConflictOutput {}
extension Operations.GetCase.Output: NotFoundOutput {}
extension Operations.ListCaseUpdates.Output: NotFoundOutput {}
extension Operations.AddCaseUpdate.Output: BadRequestOutput, NotFoundOutput, ConflictOutput {}
extension Operations.ListCustomers.Output: BadRequestOutput {}
extension Operations.CreateCustomer.Output: BadRequestOutput, ConflictOutput {}
extension Operations.GetCustomer.Output: NotFoundOutput {}
extension Operations.ListContacts.Output: BadRequestOutput {}
extension Operations.CreateContact.Output: BadRequestOutput, ConflictOutput {}
extension Operations.GetContact.Output: NotFoundOutput {}
