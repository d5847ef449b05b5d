import SQLKit

/// Each service's guidance for advisors: prompts shown beside the record while they help a
/// caller (what to ask, what to check, where to send them), not a script to read out.
struct AddAdvisorGuidance: Migration {
    let name = "0022-add-advisor-guidance"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.alter(table: "services").column("advisor_guidance", type: .text, .notNull, .default("")).run()
    }
}
