/// One thing wrong with an import file, where it is: `pupils.csv:14: ...`.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    /// The longest message kept: one quoting a whole 10 MB field says no more than its start.
    static let longestMessage = 300

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message.count > ImportProblem.longestMessage ? String(message.prefix(ImportProblem.longestMessage)) + "..." : message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// An import refused, with every problem found in the file: all are reported at once so
/// that the file can be fixed in one pass.
public struct ImportFailure: Error, Sendable {
    public let problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }
}
