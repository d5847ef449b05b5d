import Foundation
import FrontDoorWeb
import Testing

@Suite("Template policy")
struct TemplatePolicyTests {
    /// Every template file, by name.
    func templates() throws -> [(name: String, text: String)] {
        let folder = try #require(TemplateLibrary.folder)
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.map {
            ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8))
        }
    }

    @Test("No template writes unescaped output ({{{ }}} or {{& }}): everything shown is escaped")
    func noUnescapedOutput() throws {
        let all = try templates()
        #expect(all.count > 10)
        for template in all {
            #expect(!template.text.contains("{{{"), "\(template.name) uses {{{")
            #expect(!template.text.contains("{{&"), "\(template.name) uses {{&")
        }
    }

    @Test("No template has inline styles or scripts (the Content-Security-Policy forbids them)")
    func noInlineStyleOrScript() throws {
        for template in try templates() {
            #expect(!template.text.contains("style="), "\(template.name) has an inline style")
            #expect(!template.text.contains("<style"), "\(template.name) has a style element")
            #expect(!template.text.contains("<script"), "\(template.name) has a script")
        }
    }

    @Test("Every template loads and the required pages exist")
    func templatesLoad() async throws {
        _ = try await TemplateLibrary.load()
    }
}
