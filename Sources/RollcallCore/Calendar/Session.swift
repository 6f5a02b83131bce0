/// One of the two registration sessions of a school day (reg 10(1): a register is taken
/// at the start of the morning session and once during the afternoon session).
public struct Session: Hashable, Comparable, Sendable {
    public enum Part: String, CaseIterable, Sendable, Codable, Comparable {
        case am = "AM"
        case pm = "PM"

        public static func < (lhs: Part, rhs: Part) -> Bool { lhs == .am && rhs == .pm }
    }

    public let date: CalendarDate
    public let part: Part

    public init(_ date: CalendarDate, _ part: Part) {
        self.date = date
        self.part = part
    }

    /// Two per day, in order: a session's position on a timeline of half days.
    public var ordinal: Int { Int(date.dayNumber) * 2 + (part == .pm ? 1 : 0) }

    /// The session at a position on that timeline.
    public init(ordinal: Int) {
        self.init(CalendarDate(dayNumber: Int32(ordinal >> 1)), ordinal & 1 == 0 ? .am : .pm)
    }

    public static func < (lhs: Session, rhs: Session) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The session a school is in at a time of day: the afternoon from noon.
    public static func at(_ date: CalendarDate, minute: Int) -> Session {
        Session(date, minute >= 12 * 60 ? .pm : .am)
    }
}

extension Session: CustomStringConvertible, LosslessStringConvertible, Codable {
    /// Reads `YYYY-MM-DD AM` or `YYYY-MM-DD PM`, the form used as keys in register files.
    public init?(_ text: String) {
        let pieces = text.split(separator: " ")
        guard pieces.count == 2, let date = CalendarDate(String(pieces[0])),
              let part = Part(rawValue: String(pieces[1]))
        else { return nil }
        self.init(date, part)
    }

    public var description: String { "\(date) \(part.rawValue)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let session = Session(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a session like '2025-09-03 AM'")
        }
        self = session
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
