import Foundation

/// A council's branding colour, used as the header background behind white text.
///
/// Only colours dark enough for white text to meet WCAG 2.2 AA contrast (4.5:1, success
/// criterion 1.4.3) are accepted, so no council's branding can make the header unreadable.
public struct BrandColour: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `#rrggbb`, lower case.
    public let hex: String

    public static let minimumContrastWithWhite = 4.5
    /// The default: a dark blue that gives white text a contrast of about 9.6:1.
    public static let standard = try! BrandColour("#0b3d6b")

    public init(_ text: String) throws(CouncilValidationError) {
        let lowered = text.lowercased()
        let digits = lowered.hasPrefix("#") ? String(lowered.dropFirst()) : lowered
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
            throw .invalidBrandColour(text)
        }
        let candidate = "#" + digits
        let contrast = Self.contrastRatioWithWhite(hex: candidate)
        guard contrast >= Self.minimumContrastWithWhite else {
            throw .brandColourTooLight(text, contrast: contrast)
        }
        self.hex = candidate
    }

    public var description: String { hex }

    /// WCAG 2.x contrast ratio between this colour and white: (L1 + 0.05) / (L2 + 0.05).
    public var contrastWithWhite: Double { Self.contrastRatioWithWhite(hex: hex) }

    static func contrastRatioWithWhite(hex: String) -> Double {
        (1.0 + 0.05) / (relativeLuminance(hex: hex) + 0.05)
    }

    /// Relative luminance as defined by WCAG 2.x (sRGB, channel linearisation threshold 0.04045).
    static func relativeLuminance(hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ index: Int) -> Double {
            let byte = Int(String(digits[index * 2...index * 2 + 1]), radix: 16)!
            let srgb = Double(byte) / 255
            return srgb <= 0.04045 ? srgb / 12.92 : pow((srgb + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        try self.init(raw)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

