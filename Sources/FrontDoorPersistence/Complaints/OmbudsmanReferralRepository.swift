import Foundation
import FrontDoorDomain
import SQLKit

/// The Ombudsman referral of a complaint, if the resident took it there: one per complaint,
/// recorded when referred and updated with the decision.
public struct OmbudsmanReferralRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func find(caseID: UUID) async throws -> OmbudsmanReferral? {
        struct Row: Decodable {
            var ombudsman: String; var reference: String; var referred_on: String
            var decision: String?; var decided_on: String?; var remedy_required: String
        }
        guard let row = try await database.sql.select().column("*").from("ombudsman_referrals").where("case_id", .equal, caseID)
            .first(decoding: Row.self), let ombudsman = OmbudsmanReferral.Ombudsman(rawValue: row.ombudsman) else { return nil }
        guard let referredOn = LocalDate(row.referred_on) else {
            throw StoredDataError.unknownValue(table: "ombudsman_referrals", column: "referred_on", value: row.referred_on)
        }
        return OmbudsmanReferral(ombudsman: ombudsman, reference: row.reference, referredOn: referredOn,
                                 decision: row.decision.flatMap(OmbudsmanReferral.Decision.init(rawValue:)),
                                 decidedOn: row.decided_on.flatMap(LocalDate.init), remedyRequired: row.remedy_required)
    }

    /// Records or replaces the referral (checked by the caller with `problems`).
    public func save(_ referral: OmbudsmanReferral, caseID: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "ombudsman_referrals").where("case_id", .equal, caseID).run()
            try await db.insert(into: "ombudsman_referrals")
                .columns("case_id", "ombudsman", "reference", "referred_on", "decision", "decided_on", "remedy_required")
                .values(SQLBind(caseID), SQLBind(referral.ombudsman.rawValue), SQLBind(referral.reference.trimmingCharacters(in: .whitespaces)),
                        SQLBind(referral.referredOn.description), SQLBind(referral.decision?.rawValue), SQLBind(referral.decidedOn?.description),
                        SQLBind(referral.remedyRequired)).run()
        }
    }
}
