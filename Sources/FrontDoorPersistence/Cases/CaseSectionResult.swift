import FrontDoorDomain

/// What a change made in one of a case's own sections (a complaint's stages, an information
/// request's clock) came to: saved, refused with the problems to show, or not saved because the
/// case changed since the officer saw it (with what changed).
public enum CaseSectionResult: Sendable, Equatable {
    case saved(Case)
    case refused([FieldProblem])
    case changedSince(Case, [CaseEvent])
}
