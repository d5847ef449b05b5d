import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Small named builders so tests say only what matters to them.
public func makeCouncil(slug: String = "testshire", name: String = "Testshire County Council",
                        nation: Nation = .englandAndWales, brandColour: String = "#0b3d6b") throws -> Council {
    try Council(
        slug: CouncilSlug(slug), name: name, nation: nation, brandColour: BrandColour(brandColour),
        contact: CouncilContact(email: "contact@\(slug).example", phone: "01632 960 111",
                                address: "Town Hall, High Street, Testshire TS1 1AA",
                                websiteURL: "https://www.\(slug).example", openingHours: "Monday to Friday, 9am to 5pm"))
}

extension Result where Failure == any Error {
    /// Captures an async throwing call's outcome, so a test can clean up before judging it.
    public init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// A customer of `council`; with a `password` hash they have an account.
public func makeCustomer(council: Council, name: String = "Ann Jones", email: String? = "ann@example.com",
                         verified: Bool = true, at now: Date = Date()) -> Customer {
    Customer(councilID: council.id, name: name, email: email, emailVerifiedAt: verified ? now : nil,
             hasAccount: false, createdAt: now)
}

/// Seeds the demo council into a test database. A plain function returning nothing: Swift 6.3
/// crashed on `_ = try await DemoSeeder(…).seed()` written directly in a one-line async closure.
public func seedDemoCouncil(_ database: Database) async throws {
    _ = try await DemoSeeder(database: database, hasher: PasswordHasher(cost: 4)).seed()
}

/// A value a test cannot go on without, or an error naming it. Used for `Case` values instead
/// of `#require`: its expansion over `Case?` crashed the Swift 6.3 runtime (a bad release of
/// the macro's `Result<Case, Error>`), while this plain function does not.
public func unwrap<Value>(_ value: Value?, _ what: String = "the value", file: StaticString = #filePath, line: UInt = #line) throws -> Value {
    guard let value else { throw MissingInTest(description: "\(what) is missing (\(file):\(line))") }
    return value
}

public struct MissingInTest: Error, CustomStringConvertible {
    public var description: String
}
