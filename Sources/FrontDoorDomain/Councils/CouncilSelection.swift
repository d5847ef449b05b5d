/// Which council a web request is for.
///
/// The rule, in order: a host name registered to a council; then a `/c/{slug}/` path prefix;
/// then, when the deployment has exactly one council, that council (so a single-council
/// deployment needs no setup). Otherwise the resident must choose.
public enum CouncilSelection: Equatable, Sendable {
    case council(Council, via: Route)
    /// The path named a slug that no council has.
    case unknownSlug(String)
    /// Several councils and nothing in the request says which.
    case mustChoose([Council])
    /// The deployment has no council yet.
    case noCouncils

    public enum Route: Equatable, Sendable {
        case hostName
        case pathPrefix
        case onlyCouncil
    }

    public static func select(hostName: String?, pathSlug: String?, councils: [Council],
                              hostNames: [HostName: Council.ID]) -> CouncilSelection {
        if let hostName, let normalised = HostName.normalise(hostName),
           let id = hostNames[HostName(trusted: normalised)],
           let council = councils.first(where: { $0.id == id }) {
            return .council(council, via: .hostName)
        }
        if let pathSlug {
            guard let council = councils.first(where: { $0.slug.value == pathSlug }) else {
                return .unknownSlug(pathSlug)
            }
            return .council(council, via: .pathPrefix)
        }
        switch councils.count {
        case 0: return .noCouncils
        case 1: return .council(councils[0], via: .onlyCouncil)
        default: return .mustChoose(councils.sorted { $0.name < $1.name })
        }
    }
}

extension HostName {
    init(trusted normalised: String) { self.value = normalised }
}
