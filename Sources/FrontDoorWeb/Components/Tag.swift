/// GOV.UK tag: a short status label. Colour adds meaning for sighted users only; the text carries it.
public struct Tag: Sendable {
    public enum Colour: String, Sendable, CaseIterable {
        case blue, grey, green, turquoise, purple, pink, red, orange, yellow
    }

    public var text: String
    public var classes: String

    public init(_ text: String, colour: Colour = .blue) {
        self.text = text
        self.classes = colour == .blue ? "fd-tag" : "fd-tag fd-tag--\(colour.rawValue)"
    }
}
