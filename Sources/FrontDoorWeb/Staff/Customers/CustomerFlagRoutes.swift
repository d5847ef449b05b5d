import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Putting flags on a customer's record and taking them off, each written to the audit trail.
struct CustomerFlagRoutes {
    let record: CustomerRecordRoutes

    func register(on router: Router<ResidentRequestContext>) {
        let record = self.record
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.post("customers/:id/flags") { request, context -> Response in
            try context.require(.editCustomer)
            let customer = try await record.customer(context)
            let form = try await FormInput.read(from: request, context: context)
            switch CustomerFlag.check(kind: form["flag-kind"], detail: form["flag-detail"]) {
            case .failure(let problems):
                return try await record.recordPage(customer, context, problems: problems.all, typed: form, status: .unprocessableContent)
            case .success(let checked):
                let flag = CustomerFlag(councilID: context.staff.councilID, customerID: customer.id, kind: checked.kind, detail: checked.detail,
                                        raisedBy: context.staff.displayName, raisedAt: Date())
                try await record.flags.raise(flag)
                try await record.audit.record(AuditEvent(
                    councilID: context.staff.councilID, occurredAt: flag.raisedAt, actorID: context.staff.id, actor: context.staff.email,
                    kind: .customerFlagRaised, subject: "\(flag.kind.displayName) flag on customer \(customer.id.uuidString)",
                    address: context.remoteAddress))
                return .redirect(to: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "?flagged=1#flags")
            }
        }

        staff.post("customers/:id/flags/:flag/remove") { _, context -> Response in
            try context.require(.editCustomer)
            let customer = try await record.customer(context)
            guard let flagID = context.parameters.get("flag").flatMap(UUID.init(uuidString:)),
                  let flag = try await record.flags.current(customerID: customer.id, councilID: context.staff.councilID).first(where: { $0.id == flagID })
            else { throw HTTPError(.notFound) }
            // Taking off a flag needs the trust to read it.
            try context.require(.editCustomer, on: ResourceScope(councilID: context.staff.councilID, sensitivity: flag.kind.sensitivity))
            guard try await record.flags.remove(flagID, customerID: customer.id, councilID: context.staff.councilID,
                                                by: context.staff.displayName, at: Date()) != nil else { throw HTTPError(.notFound) }
            try await record.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .customerFlagRemoved, subject: "\(flag.kind.displayName) flag on customer \(customer.id.uuidString)",
                address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "?unflagged=1")
        }
    }
}
