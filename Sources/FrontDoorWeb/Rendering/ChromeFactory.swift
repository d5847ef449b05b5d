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
        var chrome = chrome(pageTitle: pageTitle, council: context.council, basePath: context.basePath, hasErrors: hasErrors)
        // Residents' pages ask "Is this page useful?"; staff pages and the feedback pages themselves do not.
        if let csrf = (context as? any CSRFProtectedContext)?.csrfToken, let path = context.councilBox.requestPath,
           !path.hasPrefix(StaffPaths.home), !path.hasPrefix(ResidentPaths.pageFeedback), let page = PageFeedbackPath.normalise(path) {
            chrome.feedback = .init(action: context.basePath + ResidentPaths.pageFeedback, csrfToken: csrf, pagePath: page,
                                    yes: Button("Yes", name: "useful", value: "yes", variant: .secondary),
                                    no: Button("No", name: "useful", value: "no", variant: .secondary))
        }
        return chrome
    }
}
