import Foundation
import FrontDoorDomain
import SQLKit

/// Finding the same problem reported twice, and merging the later report into the earlier.
extension CaseRepository {
    /// How far apart two reports of the same service can be and still be offered as one problem.
    public static let duplicateRadiusMetres = 50.0

    /// Open cases of `serviceID` within `metres` of the point, nearest first (excluding `excluding`).
    public func nearbyOpen(serviceID: UUID, councilID: UUID, latitude: Double, longitude: Double,
                           metres: Double = duplicateRadiusMetres, excluding: UUID? = nil) async throws -> [(Case, Double)] {
        let box = Distance.box(around: (latitude, longitude), metres: metres)
        let rows = try await database.sql.select().column("*").from("cases")
            .where("council_id", .equal, councilID).where("service_id", .equal, serviceID)
            .where("status", .in, CaseStatus.allCases.filter(\.isOpen).map(\.rawValue))
            .where("latitude", .greaterThanOrEqual, box.minLatitude).where("latitude", .lessThanOrEqual, box.maxLatitude)
            .where("longitude", .greaterThanOrEqual, box.minLongitude).where("longitude", .lessThanOrEqual, box.maxLongitude)
            .all(decoding: CaseRow.self)
        return try rows.map { try $0.toCase() }.filter { $0.id != excluding }.compactMap { item in
            guard let lat = item.latitude, let long = item.longitude else { return nil }
            let distance = Distance.metres(from: (latitude, longitude), to: (lat, long))
            return distance <= metres ? (item, distance) : nil
        }.sorted { $0.1 < $1.1 }
    }

    /// Records that `duplicate` is the same as `original` (the link both ways is one row), with a
    /// public entry on the duplicate's timeline and `notice` to its customer, in one transaction.
    /// The status change itself goes through `transition` first.
    public func link(duplicate: Case, to original: Case, notice: QueuedEmail?, by actor: Actor, at now: Date) async throws {
        try await database.transaction { db in
            try await db.insert(into: "case_links").columns("case_id", "other_case_id", "kind", "created_at")
                .values(SQLBind(duplicate.id), SQLBind(original.id), SQLBind("duplicate-of"), SQLBind(now)).run()
            let event = CaseEvent(caseID: original.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .internal,
                                  text: "\(duplicate.reference) was joined to this case as a duplicate", caseVersion: original.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            if let notice { try await EmailOutbox(database: self.database).enqueue(notice, at: now, on: db) }
        }
    }

    /// The case this one was merged into, if any.
    public func duplicateOf(_ caseID: UUID, councilID: UUID) async throws -> Case? {
        struct Link: Decodable { var other_case_id: UUID }
        guard let link = try await database.sql.select().column("other_case_id").from("case_links").where("case_id", .equal, caseID)
            .where("kind", .equal, "duplicate-of").first(decoding: Link.self) else { return nil }
        return try await find(id: link.other_case_id, councilID: councilID)
    }
}
