import Foundation

/// A line of one of the store's append-only logs (leave, off site) as read back: what
/// happened, numbered by its place in the log, with who wrote it and when.
public struct LoggedEvent<Event: Hashable & Sendable>: Hashable, Sendable {
    /// The line's place in the log: 1 for the first line, then one more each line.
    public let number: Int
    public let event: Event
    public let by: Recorder
    public let at: Date

    public init(number: Int, event: Event, by: Recorder, at: Date) {
        self.number = number
        self.event = event
        self.by = by
        self.at = at
    }
}
