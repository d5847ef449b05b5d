import SQLKit

/// Single sign-on for staff: each council's OpenID Connect provider (its client secret sealed),
/// and the sign-ins on their way through the provider (state, nonce and PKCE verifier).
struct CreateSingleSignOn: Migration {
    let name = "0007-create-single-sign-on"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "council_identity_providers")
            .column("council_id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false),
                    .references("councils", "id", onDelete: .cascade))
            .column("display_name", type: .text, .notNull)
            .column("issuer", type: .text, .notNull)
            .column("client_id", type: .text, .notNull)
            .column("client_secret_sealed", type: .text, .notNull)
            .column("role_claim", type: .text, .notNull)
            .column("role_mapping", type: .text, .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()

        // Only the digest of `state` is kept, as for other tokens that travel through browsers.
        try await db.create(table: "staff_sso_requests")
            .column("state_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("code_verifier", type: .text, .notNull)
            .column("nonce", type: .text, .notNull)
            .column("return_to", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
    }
}
