import RollcallCore

/// A letter with `{{placeholders}}`, filled with a pupil's figures. Schools edit the
/// templates in the store; a placeholder Rollcall does not know is refused with its line,
/// so a typo never reaches a parent as `{{atendance_rate}}`.
public struct LetterTemplate: Sendable {
    public let name: String
    public let text: String
    /// Where the text came from, for errors: the store's file or "built in".
    public let source: String

    public init(name: String, text: String, source: String) {
        self.name = name
        self.text = text
        self.source = source
    }

    public func fill(_ values: [String: String]) throws(LetterError) -> String {
        var output = ""
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                output += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: "}}") else {
                    throw .unclosed(source: source, line: number + 1)
                }
                let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                guard let value = values[key] else { throw .unknown(source: source, line: number + 1, placeholder: key, known: values.keys.sorted()) }
                output += value
                rest = rest[close.upperBound...]
            }
            output += rest + "\n"
        }
        return String(output.dropLast())
    }
}

public enum LetterError: Error, Equatable, Sendable, CustomStringConvertible {
    case unclosed(source: String, line: Int)
    case unknown(source: String, line: Int, placeholder: String, known: [String])
    case noTemplate(String, known: [String])

    public var description: String {
        switch self {
        case let .unclosed(source, line): "\(source):\(line): a placeholder opened with {{ is not closed with }}"
        case let .unknown(source, line, placeholder, known):
            "\(source):\(line): unknown placeholder {{\(placeholder)}}; known: \(known.joined(separator: ", "))"
        case let .noTemplate(name, known): "there is no letter called '\(name)'; letters: \(known.joined(separator: ", "))"
        }
    }
}
