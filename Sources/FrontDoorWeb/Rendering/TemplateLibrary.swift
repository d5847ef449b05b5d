import Foundation
import Mustache

/// The compiled mustache templates, loaded once at start-up from the bundled resources.
public struct TemplateLibrary: Sendable {
    let library: MustacheLibrary

    public enum LoadError: Error, CustomStringConvertible {
        case missingResources
        case missingTemplate(String)

        public var description: String {
            switch self {
            case .missingResources: "the page templates were not found beside the program"
            case .missingTemplate(let name): "the page template \"\(name)\" is missing"
            }
        }
    }

    /// Templates every page needs; checked at start-up so a broken install fails fast.
    static let required = ["layout", "home", "components-gallery", "accessibility", "error"]

    public static func load() async throws -> TemplateLibrary {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path,
              FileManager.default.fileExists(atPath: folder) else { throw LoadError.missingResources }
        let library = try await MustacheLibrary(directory: folder)
        for name in required where library.getTemplate(named: name) == nil {
            throw LoadError.missingTemplate(name)
        }
        return TemplateLibrary(library: library)
    }

    /// Renders `model` with the named template; nil if there is no such template.
    public func render(_ model: Any, template: String) -> String? {
        library.render(model, withTemplate: template)
    }

    /// The folder the templates were read from (used by the test that polices unescaped output).
    public static var folder: String? {
        Bundle.module.resourceURL?.appendingPathComponent("Templates").path
    }
}
