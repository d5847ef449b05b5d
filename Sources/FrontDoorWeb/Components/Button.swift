/// GOV.UK button: a `<button>`, or a link styled as one when `href` is set.
public struct Button: Sendable {
    public enum Variant: String, Sendable { case primary, secondary, warning }

    public var text: String
    public var href: String?
    public var name: String?
    public var value: String?
    public var type: String
    public var isStartButton: Bool
    public var classes: String

    public init(_ text: String, href: String? = nil, name: String? = nil, value: String? = nil,
                type: String = "submit", variant: Variant = .primary, isStartButton: Bool = false) {
        self.text = text
        self.href = href
        self.name = name
        self.value = value
        self.type = type
        self.isStartButton = isStartButton
        var classes = ["fd-button"]
        if variant != .primary { classes.append("fd-button--\(variant.rawValue)") }
        if isStartButton { classes.append("fd-button--start") }
        self.classes = classes.joined(separator: " ")
    }
}
