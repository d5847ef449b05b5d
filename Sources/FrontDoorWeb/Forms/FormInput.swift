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

    /// A body no browser would send: answered 400 ("Bad Request") by the error pages.
    public struct Malformed: HTTPResponseError {
        public var status: HTTPResponse.Status { .badRequest }

        public func response(from request: Request, context: some RequestContext) throws -> Response {
            Response(status: status)
        }
    }

    /// Reads `application/x-www-form-urlencoded` as the WHATWG URL standard does: `&`-separated
    /// pairs, `+` a space, percent escapes decoded. Written here rather than through
    /// URLComponents, which stops the process on characters a browser would have escaped (a
    /// raw `[` from a script, say); here they are taken as they are, and a broken escape or a
    /// NUL character is `Malformed`.
    public init(urlEncoded body: String) throws {
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) throws -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                let decoded = spaced.contains("%") ? spaced.removingPercentEncoding : spaced
                // No browser sends a NUL from typed text; the databases cannot keep one (PostgreSQL
                // refuses it, SQLite cuts the text there), so a form carrying one is malformed.
                guard let decoded, !decoded.contains("\u{0}") else { throw Malformed() }
                return decoded
            }
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            values[name, default: []].append(value)
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

    /// Every field's values exactly as sent.
    public var allValues: [String: [String]] { values }

    /// Each field's first value exactly as sent (for machines' posts, where every field is read).
    public var firstValues: [String: String] {
        values.compactMapValues(\.first)
    }

    /// Every value of a repeated field (checkboxes).
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
