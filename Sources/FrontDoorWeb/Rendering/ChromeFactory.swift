import FrontDoorDomain

/// Builds the layout chrome for the council a request is for, or for the deployment.
public enum ChromeFactory {
    public static let deploymentName = "FrontDoor"

    public static func chrome(pageTitle: String, council: Council?, basePath: String, hasErrors: Bool = false,
                              language: SiteLanguage = .english) -> PageChrome {
        PageChrome(
            pageTitle: pageTitle,
            hasErrors: hasErrors,
            serviceOwnerName: council?.name ?? deploymentName,
            basePath: basePath,
            brandStylesheetHref: council.map { _ in SitePath.brandStylesheet.href(basePath: basePath) },
            contact: council.map {
                PageChrome.ContactLines(phone: $0.contact.phone, email: $0.contact.email,
                                        openingHours: $0.contact.openingHours, address: $0.contact.address)
            },
            language: language)
    }

    public static func chrome(pageTitle: String, context: some CouncilScopedContext, hasErrors: Bool = false) -> PageChrome {
        let path = context.councilBox.requestPath
        // Staff pages are in English; residents' pages in the language chosen.
        let isStaffPage = path?.hasPrefix(StaffPaths.home) == true
        let language = isStaffPage ? .english : context.councilBox.language
        var chrome = chrome(pageTitle: pageTitle, council: context.council, basePath: context.basePath, hasErrors: hasErrors, language: language)
        // Residents see alerts on every page; advisors see the same while they take calls.
        chrome.serviceAlerts = ServiceAlertBanner(context.councilBox.serviceAlerts, language: language)
        if isStaffPage, let staff = context as? StaffRequestContext, staff.may(.logContact) {
            chrome.callScreen = .init(socketPath: context.basePath + StaffPaths.callScreenSocket, callsHref: context.basePath + StaffPaths.calls)
        }
        guard !isStaffPage, let path else { return chrome }
        let other = language.other
        if context.councilBox.isGet {
            let keptQuery = (context.councilBox.requestQuery ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
            chrome.languageSwitch = .init(href: context.basePath + path + "?" + (keptQuery.isEmpty ? "" : keptQuery + "&") + "lang=" + other.rawValue,
                                          text: other.ownName, lang: other.rawValue)
        }
        // Residents' pages ask "Is this page useful?"; the feedback pages themselves do not.
        if let csrf = (context as? any CSRFProtectedContext)?.csrfToken, !path.hasPrefix(ResidentPaths.pageFeedback),
           let page = PageFeedbackPath.normalise(path) {
            chrome.feedback = .init(action: context.basePath + ResidentPaths.pageFeedback, csrfToken: csrf, pagePath: page,
                                    yes: Button(L("feedback_yes", language), name: "useful", value: "yes", variant: .secondary),
                                    no: Button(L("feedback_no", language), name: "useful", value: "no", variant: .secondary))
        }
        return chrome
    }
}
