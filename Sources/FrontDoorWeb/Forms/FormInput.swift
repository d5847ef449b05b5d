import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` form: each field's values, trimmed, in the
/// order they came. Parsed by Foundation's query parser (forms encode spaces as "+").
public struct FormInput: Sendable {
    let values: [String: [String]]

    public init(_ values: [String: [String]]) {
        self.values = values
    }

    /// Reads the request's form body (at most `limit` bytes).
    public static func read(from request: Request, context: some RequestContext, limit: Int = 64 * 1024) async throws -> FormInput {
        var request = request
        let body = try await request.collectBody(upTo: limit)
        return try FormInput(urlEncoded: String(buffer: body))
    }

    /// The same, for code that has no request context at hand.
    public static func read(from request: Request, limit: Int = 64 * 1024) async throws -> FormInput {
        var request = request
        let body = try await request.collectBody(upTo: limit)
        return try FormInput(urlEncoded: String(buffer: body))
    }

    public struct Malformed: Error {}

    public init(urlEncoded body: String) throws {
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        guard body.isEmpty || components.queryItems != nil else { throw Malformed() }
        var values: [String: [String]] = [:]
        for item in components.queryItems ?? [] {
            values[item.name, default: []].append(item.value ?? "")
        }
        self.values = values
    }

    /// The field's first value, trimmed; empty when missing.
    public subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The field's first value exactly as typed: for passwords, where spaces are part of the secret.
    public func raw(_ name: String) -> String {
        values[name]?.first ?? ""
    }

    /// Whether the form had the field at all (a page with several forms shows back only the one sent).
    public func has(_ name: String) -> Bool {
        values[name] != nil
    }

    /// Each field's first value exactly as sent (for machines' posts, where every field is read).
    public var firstValues: [String: String] {
        values.compactMapValues(\.first)
    }

    /// Every value of a repeated field (checkboxes).
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
