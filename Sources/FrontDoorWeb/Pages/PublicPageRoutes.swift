import FrontDoorDomain
import Hummingbird

/// Routes for the public pages that need no sign-in.
struct PublicPageRoutes<Context: CouncilScopedContext> {
    let renderer: PageRenderer

    func register(on router: Router<Context>) {
        router.get(SitePath.components.routerPath) { _, context in
            let page = ComponentGalleryPage(chrome: ChromeFactory.chrome(pageTitle: "Design system components", context: context),
                                            basePath: context.basePath)
            return try renderer.response(page)
        }
        router.get(SitePath.accessibility.routerPath) { _, context in
            let page = AccessibilityStatementPage(council: context.council,
                                                  chrome: ChromeFactory.chrome(pageTitle: "Accessibility statement", context: context))
            return try renderer.response(page)
        }
        router.get(SitePath.brandStylesheet.routerPath) { _, context in
            guard let council = context.council else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: BrandStylesheet.css(for: council.brandColour))))
        }
    }
}

/// The per-council stylesheet: the header colour as a CSS custom property.
enum BrandStylesheet {
    static func css(for colour: BrandColour) -> String {
        ":root { --fd-brand: \(colour.hex); }\n"
    }
}

extension SitePath {
    /// The router's path: the same string, as Hummingbird's `RouterPath`.
    var routerPath: RouterPath { RouterPath(rawValue) }
}
