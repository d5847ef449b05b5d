/// The resident account paths, in one place (see `SitePath` and `StaffPaths`).
public enum ResidentPaths {
    public static let account = "/account"
    public static let register = "/account/register"
    public static let checkEmail = "/account/check-your-email"
    public static let confirmEmail = "/account/confirm-email"
    public static let resendConfirmation = "/account/resend-confirmation"
    public static let signIn = "/account/sign-in"
    public static let signOut = "/account/sign-out"
    public static let forgotPassword = "/account/forgotten-password"
    public static let resetPassword = "/account/reset-password"
    public static let profile = "/account/details"
    public static let changeEmail = "/account/change-email"
    public static let confirmEmailChange = "/account/confirm-new-email"
    /// A group's services: `/browse/{group}`.
    public static let browse = "/browse"
    /// The public list and map of street reports.
    public static let reports = "/reports"
    /// Searching the services: `/search?q=…`.
    public static let search = "/search"
    /// Every service at `/services`; a service's page at `/services/{code}`.
    public static let services = "/services"
    /// Answers to "Is this page useful?", and the thank-you page at `/page-feedback/{id}`.
    public static let pageFeedback = "/page-feedback"
    /// A guest's request as sent: `/sent/{reference}`, for the browser that sent it.
    public static let guestSent = "/sent"
    /// Forms in progress: `/forms/{draft}` (check your answers) and `/forms/{draft}/{question}`.
    public static let forms = "/forms"
    /// The resident's requests: `/account/requests`, and each at `/account/requests/{reference}`.
    public static let requests = "/account/requests"
    /// The service alerts a resident asked to be sent.
    public static let alerts = "/account/alerts"
    /// Everything the council holds about the resident, as JSON.
    public static let dataDownload = "/account/download-your-data"
}
