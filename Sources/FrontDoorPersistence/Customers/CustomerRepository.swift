import Foundation
import FrontDoorDomain
import SQLKit

/// Customers, with or without an account. Every read is scoped to a council: a customer of one
/// council does not exist at another.
public struct CustomerRepository: Sendable {
    let database: Database
    let hasher: PasswordHasher

    public init(database: Database, hasher: PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    public struct EmailTaken: Error, Equatable {}

    /// Adds a customer. `passwordHash` (from `hashPassword`) gives them an account; nil records
    /// one without (a guest, a caller).
    public func create(_ customer: Customer, passwordHash: String?, on db: (any SQLDatabase)? = nil) async throws {
        let db = db ?? database.sql
        if let email = customer.email, try await find(email: email, councilID: customer.councilID, on: db) != nil {
            throw EmailTaken()
        }
        try await db.insert(into: "customers").model(CustomerRow(customer, passwordHash: passwordHash, updatedAt: customer.createdAt)).run()
        try await CustomerSearchIndex.index(customer, on: db)
    }

    /// bcrypt, off the event loops; done before a transaction opens so it never holds one.
    public func hashPassword(_ password: String) async throws -> String {
        try await hasher.hash(password)
    }

    public func find(id: UUID, councilID: UUID, on db: (any SQLDatabase)? = nil) async throws -> Customer? {
        try await (db ?? database.sql).select().column("*").from("customers")
            .where("id", .equal, id).where("council_id", .equal, councilID)
            .first(decoding: CustomerRow.self)?.toCustomer()
    }

    public func find(email: String, councilID: UUID, on db: (any SQLDatabase)? = nil) async throws -> Customer? {
        try await (db ?? database.sql).select().column("*").from("customers")
            .where("council_id", .equal, councilID).where("email", .equal, email.lowercased())
            .first(decoding: CustomerRow.self)?.toCustomer()
    }

    /// The customer whose account this email and password open; nil otherwise (no such
    /// customer, no account, or the wrong password: callers must not say which).
    public func authenticate(email: String, councilID: UUID, password: String) async throws -> Customer? {
        let row = try await database.sql.select().column("*").from("customers")
            .where("council_id", .equal, councilID).where("email", .equal, email.lowercased())
            .first(decoding: CustomerRow.self)
        guard let row, let hash = row.password_hash else {
            // Same work as a real check, so the response time does not reveal who has an account.
            try await hasher.spendVerificationTime(password)
            return nil
        }
        return try await hasher.verify(password, against: hash) ? row.toCustomer() : nil
    }

    /// Name, phone, address, preferences and needs; never the email address or password,
    /// which change only through their own confirmed journeys.
    public func updateProfile(_ customer: Customer, at now: Date, on db: (any SQLDatabase)? = nil) async throws {
        guard let db else {
            try await database.transaction { db in try await updateProfile(customer, at: now, on: db) }
            return
        }
        let before = try await db.select().column("*").from("customers").where("id", .equal, customer.id)
            .where("council_id", .equal, customer.councilID).first(decoding: CustomerRow.self)?.toCustomer()
        let row = CustomerRow(customer, passwordHash: nil, updatedAt: now)
        try await db.update("customers")
            .set("name", to: row.name).set("phone", to: row.phone)
            .set("address_line1", to: row.address_line1).set("address_line2", to: row.address_line2)
            .set("address_town", to: row.address_town).set("address_postcode", to: row.address_postcode).set("uprn", to: row.uprn)
            .set("preferred_channel", to: row.preferred_channel).set("language", to: row.language)
            .set("needs", to: row.needs).set("interpreter_language", to: row.interpreter_language).set("needs_other", to: row.needs_other)
            .set("updated_at", to: now)
            .where("id", .equal, customer.id).where("council_id", .equal, customer.councilID)
            .run()
        try await CustomerSearchIndex.index(customer, on: db)
        // Tell us once: every back-office system that asked hears of a new address.
        if let before, before.address != customer.address {
            try await WebhookOutbox.raise(.customerAddressChanged, councilID: customer.councilID, data: [
                "customer_id": .string(customer.id.uuidString.lowercased()), "name": .string(customer.name),
                "previous_address": WebhookPayloads.of(before.address), "address": WebhookPayloads.of(customer.address),
            ], at: now, on: db)
        }
    }

    /// Sets the password. Following an emailed link proves the address, so it is verified too.
    public func setPassword(customerID: UUID, hash: String, at now: Date, on db: any SQLDatabase) async throws {
        try await db.update("customers").set("password_hash", to: hash).set("updated_at", to: now)
            .set(SQLIdentifier("email_verified_at"), to: SQLFunction("COALESCE", args: SQLIdentifier("email_verified_at"), SQLBind(now)))
            .where("id", .equal, customerID).run()
    }

    public func markEmailVerified(customerID: UUID, at now: Date, on db: any SQLDatabase) async throws {
        try await db.update("customers").set("email_verified_at", to: now).set("updated_at", to: now)
            .where("id", .equal, customerID).where("email_verified_at", .is, SQLLiteral.null).run()
    }

    /// Replaces the email address with one the customer has just confirmed.
    public func changeEmail(customerID: UUID, councilID: UUID, to email: String, at now: Date, on db: any SQLDatabase) async throws {
        if let holder = try await find(email: email, councilID: councilID, on: db), holder.id != customerID { throw EmailTaken() }
        try await db.update("customers").set("email", to: email.lowercased()).set("email_verified_at", to: now).set("updated_at", to: now)
            .where("id", .equal, customerID).run()
        if let changed = try await find(id: customerID, councilID: councilID, on: db) { try await CustomerSearchIndex.index(changed, on: db) }
    }

    /// Everyone else on the council's records at the customer's address: the same UPRN, or
    /// (for an address without one) the same first line and postcode. Merged duplicates are left out.
    public func household(of customer: Customer, limit: Int = 20) async throws -> [Customer] {
        guard let address = customer.address else { return [] }
        let row = CustomerRow(customer, passwordHash: nil, updatedAt: customer.createdAt)
        return try await database.sql.select().column("*").from("customers")
            .where("council_id", .equal, customer.councilID).where("id", .notEqual, customer.id)
            .where("merged_into_id", .is, SQLLiteral.null)
            .where { group in
                if let uprn = address.uprn { group.orWhere("uprn", .equal, uprn.value) }
                return group.orWhere { same in
                    same.where("address_postcode", .equal, row.address_postcode)
                        .where(SQLFunction("LOWER", args: SQLIdentifier("address_line1")), .equal, SQLBind(address.line1.lowercased()))
                }
            }
            .orderBy("name").limit(limit).all(decoding: CustomerRow.self).map { try $0.toCustomer() }
    }

    /// The record a merged duplicate now lives on; nil for a record that was never merged.
    public func mergedInto(id: UUID, councilID: UUID) async throws -> UUID? {
        struct Merged: Decodable { var merged_into_id: UUID? }
        return try await database.sql.select().column("merged_into_id").from("customers").where("id", .equal, id)
            .where("council_id", .equal, councilID).first(decoding: Merged.self)?.merged_into_id
    }

    /// Customers by id, in no particular order.
    static func rows(ids: [UUID], councilID: UUID, on db: any SQLDatabase) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from("customers").where("council_id", .equal, councilID)
            .where("id", .in, SQLBind.group(ids)).all(decoding: CustomerRow.self).map { try $0.toCustomer() }
    }
}
