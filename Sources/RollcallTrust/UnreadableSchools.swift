import Foundation
import RollcallCore

/// The schools whose rows the trust could not read, each named once with how to mend
/// it: a row no publish could have written (a hand in the database, a damaged disk)
/// breaks only its own school, and every other school's figures are still given.
public final class UnreadableSchools: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [String: String] = [:]

    public init() {}

    /// Notes that `urn`'s `what` could not be read; the first problem of a school is the one said.
    /// What names a row (a year, a UPN) is the database's to say, so a control character
    /// in it is shown, never sent to the terminal that reads the line.
    func record(_ urn: String, _ what: String) {
        lock.lock()
        defer { lock.unlock() }
        if problems[urn] == nil { problems[urn] = TerminalText.visible(what) }
    }

    func contains(_ urn: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return problems[urn] != nil
    }

    /// One line a school, in URN order: what could not be read and how to mend it.
    public var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return problems.sorted { $0.key < $1.key }.map { "school \($0.key)'s \($0.value) could not be read: publish --full from the school mends it" }
    }
}
