import Hummingbird

/// A page's view model: something with the layout's chrome, rendered by one template.
public protocol PageModel: Sendable {
    static var template: String { get }
    var chrome: PageChrome { get }
}

/// Turns page models into HTML responses.
public struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    public struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        public var description: String { "no template named \(name)" }
    }

    public func html<Page: PageModel>(_ page: Page) throws -> String {
        let language = SiteLanguage(rawValue: page.chrome.lang) ?? .english
        let localised = LocalisedPage(page: page, strings: StringCatalogue.shared.table(language))
        guard let html = templates.render(localised, template: Page.template) else { throw MissingTemplate(name: Page.template) }
        return html
    }

    public func response<Page: PageModel>(_ page: Page, status: HTTPResponse.Status = .ok) throws -> Response {
        let html = try self.html(page)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
