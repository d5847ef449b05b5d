import SQLKit

/// The service a complaint, compliment or comment is about (its case belongs to the complaints
/// service, not to the one complained about), so the annual report counts each by service.
struct CreateCaseSubjects: Migration {
    let name = "0036-create-case-subjects"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        let uuid = SchemaTypes.uuid(kind)
        try await db.create(table: "case_subjects")
            .column("case_id", type: uuid, .primaryKey(autoIncrement: false), .references("cases", "id", onDelete: .cascade))
            .column("service_id", type: uuid, .notNull, .references("services", "id", onDelete: .cascade))
            .run()
    }
}
