import Foundation
import FrontDoorDomain

/// The demo council's gazetteer: a few hundred invented addresses in five wards, shipped as
/// Resources/Demo/gazetteer.csv (the same format `frontdoor import-gazetteer` reads).
public enum DemoGazetteer {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the demo gazetteer was not found beside the program" }
    }

    public static func load() throws -> [GazetteerAddress] {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "csv", subdirectory: "Demo") else { throw Missing() }
        return try GazetteerRepository.parse(csv: String(contentsOf: url, encoding: .utf8))
    }
}
