/// Everything a member of staff can try to do. Each is decided by `Permissions.decide`.
public enum StaffAction: String, Sendable, CaseIterable {
    // The customer record (single view of the customer)
    case viewCustomer = "view-customer"
    case editCustomer = "edit-customer"
    case logContact = "log-contact"
    case exportCustomerData = "export-customer-data"
    // Cases
    case viewCase = "view-case"
    case createCaseForCustomer = "create-case-for-customer"
    case updateCase = "update-case"
    case assignCase = "assign-case"
    case closeCase = "close-case"
    // Complaints and information requests
    case handleComplaint = "handle-complaint"
    case handleInformationRequest = "handle-information-request"
    // Insight
    case viewPerformance = "view-performance"
    case exportReports = "export-reports"
    /// Performance across the councils of a shared service the actor's council belongs to.
    case viewSharedServicePerformance = "view-shared-service-performance"
    // Administration
    case manageStaff = "manage-staff"
    case manageTeams = "manage-teams"
    case manageServices = "manage-services"
    case manageCouncilSettings = "manage-council-settings"
    case viewAuditTrail = "view-audit-trail"
    case exportAuditTrail = "export-audit-trail"
}
