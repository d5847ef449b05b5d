import SQLKit

/// Two-factor sign-in: each account's authenticator secret (encrypted), its single-use
/// recovery codes (digests only), sign-ins waiting for their second factor, and the council
/// setting that requires two-factor of all staff.
struct CreateStaffTwoFactor: Migration {
    let name = "0004-create-staff-two-factor"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "staff_two_factor")
            .column("staff_account_id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false),
                    .references("staff_accounts", "id", onDelete: .cascade))
            .column("secret_sealed", type: .text, .notNull)
            .column("last_used_step", type: .bigint)
            .column("enabled_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()

        try await db.create(table: "staff_recovery_codes")
            .column("code_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("staff_account_id", type: SchemaTypes.uuid(kind), .notNull, .references("staff_accounts", "id", onDelete: .cascade))
            .column("used_at", type: SchemaTypes.timestamp(kind))
            .run()

        try await db.create(table: "staff_pending_sign_ins")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("staff_account_id", type: SchemaTypes.uuid(kind), .notNull, .references("staff_accounts", "id", onDelete: .cascade))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("enrolment_secret_sealed", type: .text)
            .run()

        try await db.alter(table: "councils")
            .column("requires_two_factor_for_all_staff", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .run()
    }
}
