/// Why a council's details were refused. Each case reads as a sentence an administrator can act on.
public enum CouncilValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSlug(String)
    case invalidBrandColour(String)
    case brandColourTooLight(String, contrast: Double)
    case missingName
    case invalidEmail(String)
    case invalidHostname(String)

    public var description: String {
        switch self {
        case .invalidSlug(let value):
            "\"\(value)\" is not a valid council slug: use 2 to 40 lower-case letters, digits and single hyphens, starting with a letter"
        case .invalidBrandColour(let value):
            "\"\(value)\" is not a colour: give six hexadecimal digits such as #0b3d6b"
        case .brandColourTooLight(let value, let contrast):
            "\(value) is too light for white header text (contrast \(String(format2: contrast)):1, at least 4.5:1 is needed)"
        case .missingName:
            "the council needs a name"
        case .invalidEmail(let value):
            "\"\(value)\" is not an email address"
        case .invalidHostname(let value):
            "\"\(value)\" is not a host name"
        }
    }
}

extension String {
    /// Two decimal places, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
