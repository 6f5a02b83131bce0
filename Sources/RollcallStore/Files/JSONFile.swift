import Foundation
import SystemPackage

/// Decoding and encoding the store's JSON files, with errors a person can act on.
///
/// Foundation's decoder says what was wrong but not where; this adds the line, found from
/// the parser's character offset (syntax errors) or by following the field path through
/// the text (wrong types, missing fields).
public enum JSONFile {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: FilePath) throws(StoreError) -> T {
        let data = Data(bytes)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw damage(error, bytes: bytes, path: path.string)
        } catch {
            throw .damaged(path: path.string, line: nil, field: nil, detail: "\(error)")
        }
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        Array(encode(value, pretty: true)) + [UInt8(ascii: "\n")]
    }

    /// The value as JSON with its keys sorted: on lines of its own (`pretty`) for a
    /// file, or on one line for a line of a log.
    static func encode<T: Encodable>(_ value: T, pretty: Bool) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types of our own cannot fail; an empty object is written
        // rather than crashing a tutor's session if it ever did.
        guard let data = try? encoder.encode(value) else { return Array("{}".utf8) }
        return Array(data)
    }

    public static func damage(_ error: DecodingError, bytes: [UInt8], path: String) -> StoreError {
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return syntaxDamage(bytes: bytes, path: path)
        case let .dataCorrupted(context):
            return fieldDamage(context.codingPath, context.debugDescription, bytes: bytes, path: path)
        case let .typeMismatch(type, context):
            return fieldDamage(context.codingPath, "expected \(describe(type))", bytes: bytes, path: path)
        case let .valueNotFound(type, context):
            return fieldDamage(context.codingPath, "expected \(describe(type)), found null", bytes: bytes, path: path)
        case let .keyNotFound(key, context):
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            let line = line(of: context.codingPath, in: bytes)
            return .damaged(path: path, line: line, field: field, detail: "missing")
        @unknown default:
            return .damaged(path: path, line: nil, field: nil, detail: "\(error)")
        }
    }

    static func fieldDamage(_ codingPath: [any CodingKey], _ detail: String, bytes: [UInt8], path: String) -> StoreError {
        let field = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return .damaged(path: path, line: line(of: codingPath, in: bytes), field: field, detail: detail)
    }

    /// Re-parses with JSONSerialization, whose error gives the character offset.
    static func syntaxDamage(bytes: [UInt8], path: String) -> StoreError {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if description.contains("end of file") || bytes.isEmpty {
                return .damaged(path: path, line: lineNumber(at: bytes.count, in: bytes), field: nil,
                                detail: "the file ends in the middle of its JSON (truncated?)")
            }
            let offset = description.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
            return .damaged(path: path, line: offset.map { lineNumber(at: $0, in: bytes) }, field: nil,
                            detail: "not valid JSON")
        }
        return .damaged(path: path, line: nil, field: nil, detail: "not valid JSON")
    }

    /// The line of the last key of a field path that can be found in the text, searching
    /// each key after the one before it.
    static func line(of codingPath: [any CodingKey], in bytes: [UInt8]) -> Int? {
        var offset = 0
        var found: Int?
        for key in codingPath where key.intValue == nil {
            let needle = Array("\"\(key.stringValue)\"".utf8)
            guard let match = firstIndex(of: needle, in: bytes, from: offset) else { break }
            offset = match + needle.count
            found = match
        }
        return found.map { lineNumber(at: $0, in: bytes) }
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(min(offset, bytes.count)).count { $0 == UInt8(ascii: "\n") }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int32.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "\(type)"
        }
    }
}
