import SQLKit

/// One step of the schema. Migrations are append-only: once one has landed it is never
/// edited; a change is a new migration. `name` is recorded in `schema_migrations`.
public protocol Migration: Sendable {
    /// `NNNN-what-it-does`; the number orders them and must be unique.
    var name: String { get }
    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws
}

/// Every migration, in order. New ones go at the end.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateCouncils(),
        CreateStaffAccounts(),
        CreateSessionsAttemptsAndAudit(),
        CreateStaffTwoFactor(),
        CreateCustomersAndAccounts(),
        CreateTeamsAndInvitations(),
        CreateSingleSignOn(),
        CreateServices(),
        CreateGazetteer(),
        CreateServiceForms(),
        CreateFormDraftsSubmissionsAndAttachments(),
        CreateCases(),
        CreateCouncilCalendars(),
        CreateResidentPortal(),
        CreateServiceSearch(),
        AddCaseWards(),
        CreateCustomerSearch(),
        CreateContacts(),
        CreateCustomerFlags(),
        CreateCallbacks(),
        CreateTelephony(),
        AddAdvisorGuidance(),
        AddCustomerMerges(),
        CreateJobQueue(),
        CreateNotificationTemplates(),
        CoverCustomerSearchTerms(),
        CreateNotifications(),
        CreateInboundEmails(),
        CreateServiceAlerts(),
        CreateApiKeys(),
        CreateWebhooks(),
        WidenCoordinates(),
        CreateApiRateWindows(),
        CreateApiIdempotency(),
        CreateComplaintsAndInformationRequests(),
        CreateCaseSubjects(),
        AddDisclosureLogText(),
        CreateChannelCosts(),
        AddPerformanceIndexes(),
        CreateDailyCounts(),
        CreateSharedServices(),
    ]
}
