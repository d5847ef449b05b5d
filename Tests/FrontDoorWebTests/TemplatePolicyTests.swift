import Foundation
@testable import FrontDoorWeb
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
            // The one script element allowed loads our own file; anything else would be inline.
            let scripts = template.text.components(separatedBy: "<script").dropFirst()
            for script in scripts {
                #expect(script.hasPrefix(#" src="{{.scriptHref}}" defer></script>"#), "\(template.name) has an inline script")
            }
        }
    }

    @Test("The script only enhances: it adds to pages that already work, writes no HTML, and asks only for a page its own form would")
    func scriptIsEnhancementOnly() throws {
        let assets = try StaticAssets.load()
        let script = String(decoding: try #require(assets.files["frontdoor.js"]).bytes, as: UTF8.self)
        for forbidden in ["XMLHttpRequest", "eval(", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", ".submit(", "method: \"POST\""] {
            #expect(!script.contains(forbidden), "frontdoor.js uses \(forbidden)")
        }
        // One request in all: the live customer search, a GET of its own form's page, same origin.
        #expect(script.components(separatedBy: "fetch(").count == 2)
        #expect(script.contains(#"fetch(url, { method: "GET", credentials: "same-origin""#)
                && script.contains(#"var url = form.action + "?" + new URLSearchParams(new FormData(form))"#))
        // One socket: the call screen, to this site's own host at the path the page names.
        #expect(script.components(separatedBy: "new WebSocket(").count == 2)
        #expect(script.contains(#"new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + screen.getAttribute("data-call-socket"))"#))
    }

    @Test("Every template loads and the required pages exist")
    func templatesLoad() async throws {
        _ = try await TemplateLibrary.load()
    }
}
