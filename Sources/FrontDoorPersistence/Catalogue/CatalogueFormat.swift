import Foundation
import Yams

/// How a catalogue file is written: YAML for people to read and edit, JSON for programs.
/// The same catalogue is always the same text: YAML keeps each entry's keys in the order they
/// are declared (code and name first, for people), JSON sorts them.
public enum CatalogueFormat: String, CaseIterable, Sendable {
    case yaml
    case json

    /// From a file name's extension (`.yaml`, `.yml`, `.json`).
    public init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }

    public var contentType: String {
        switch self {
        case .yaml: "application/yaml; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    public func encode(_ document: CatalogueDocument) throws -> String {
        switch self {
        case .yaml:
            let encoder = YAMLEncoder()
            encoder.options = .init(indent: 2, width: -1, allowUnicode: true, sortKeys: false)
            return try encoder.encode(document)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        }
    }

    /// Reads a catalogue file; a file that cannot be read gets a message saying where and why.
    public func decode(_ text: String) throws(CatalogueProblems) -> CatalogueDocument {
        let document: CatalogueDocument
        do {
            switch self {
            case .yaml: document = try YAMLDecoder().decode(CatalogueDocument.self, from: text)
            case .json: document = try JSONDecoder().decode(CatalogueDocument.self, from: Data(text.utf8))
            }
        } catch let error as DecodingError {
            throw CatalogueProblems([Self.describe(error)])
        } catch {
            throw CatalogueProblems(["the file is not valid \(rawValue.uppercased()): \(error)"])
        }
        guard document.format == CatalogueDocument.formatName else {
            throw CatalogueProblems(["the file is not a FrontDoor catalogue (its format is \"\(document.format)\", not \"\(CatalogueDocument.formatName)\")"])
        }
        guard document.formatVersion <= CatalogueDocument.currentFormatVersion else {
            throw CatalogueProblems(["the file was written by a newer FrontDoor (format version \(document.formatVersion)); upgrade this one first"])
        }
        return document
    }

    /// "services[2].channels: expected a list" rather than Foundation's generic wording.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the file" : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)): \"\(key.stringValue)\" is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.kind(of: type))"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the file could not be read: \(error)"
        }
    }

    static func kind(of type: Any.Type) -> String {
        let name = String(describing: type)
        // Foundation says Array and Dictionary; Yams says Sequence and Mapping.
        if name.hasPrefix("Array") || name.hasPrefix("Sequence") { return "a list" }
        if name.hasPrefix("Dictionary") || name.hasPrefix("Mapping") { return "names with values" }
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return name
        }
    }
}
