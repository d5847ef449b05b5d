import Mustache

/// What a template renders: the page model, plus `t`, the string table in the page's language.
/// Every other name is looked up on the page exactly as mustache would (an optional that is
/// nil counts as missing), so templates read the page as before and `{{t.key}}` anywhere.
struct LocalisedPage: MustacheParent {
    let page: Any
    let strings: [String: String]

    func child(named name: String) -> Any? {
        if name == "t" { return strings }
        guard let found = Mirror(reflecting: page).children.first(where: { $0.label == name })?.value else { return nil }
        let optional = Mirror(reflecting: found)
        guard optional.displayStyle == .optional else { return found }
        return optional.children.first?.value
    }
}
