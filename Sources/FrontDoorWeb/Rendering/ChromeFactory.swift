import FrontDoorDomain

/// Builds the layout chrome for the council a request is for, or for the deployment.
public enum ChromeFactory {
    public static let deploymentName = "FrontDoor"

    public static func chrome(pageTitle: String, council: Council?, basePath: String, hasErrors: Bool = false) -> PageChrome {
        PageChrome(
            pageTitle: pageTitle,
            hasErrors: hasErrors,
            serviceOwnerName: council?.name ?? deploymentName,
            basePath: basePath,
            brandStylesheetHref: council.map { _ in SitePath.brandStylesheet.href(basePath: basePath) },
            contact: council.map {
                PageChrome.ContactLines(phone: $0.contact.phone, email: $0.contact.email,
                                        openingHours: $0.contact.openingHours, address: $0.contact.address)
            })
    }

    public static func chrome(pageTitle: String, context: some CouncilScopedContext, hasErrors: Bool = false) -> PageChrome {
        chrome(pageTitle: pageTitle, council: context.council, basePath: context.basePath, hasErrors: hasErrors)
    }
}
