/// A set of codes as one word, a bit a code's number: what the follow-ups' runs test a
/// pupil's every school day against, where hashing each code into a `Set` cost more than
/// walking the year.
public struct CodeMask: Sendable {
    private let bits: UInt64

    public init(_ codes: some Sequence<AttendanceCode>) {
        bits = codes.reduce(0) { $0 | (1 << UInt64($1.number)) }
    }

    /// Whether the code numbered `number` (`AttendanceBook.Row.number(at:)`) is in the set; 0, no mark, never is.
    public func contains(number: UInt8) -> Bool {
        number != 0 && number < 64 && bits & (1 << UInt64(number)) != 0
    }
}
