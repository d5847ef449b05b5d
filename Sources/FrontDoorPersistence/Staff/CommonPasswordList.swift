import Foundation
import FrontDoorDomain

/// The shipped list of the most common passwords (see Resources/Passwords/NOTICE.md).
public enum CommonPasswordList {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the common-password list was not found beside the program" }
    }

    /// Read once per process: 20,000 short lines.
    public static func load() throws -> CommonPasswords {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Passwords") else {
            throw Missing()
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return CommonPasswords(text.split(whereSeparator: \.isNewline).map(String.init))
    }
}
