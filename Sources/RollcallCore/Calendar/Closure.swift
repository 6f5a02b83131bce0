/// A planned closure of one or both sessions of a day inside a term: an INSET day, a
/// bank holiday, a polling day. Closed sessions are not school sessions; pupils are not
/// expected and the sessions are not possible (code `#`).
public struct Closure: Hashable, Sendable {
    public var date: CalendarDate
    public var parts: Set<Session.Part>
    public var reason: String

    public init(date: CalendarDate, parts: Set<Session.Part>, reason: String) {
        self.date = date
        self.parts = parts
        self.reason = reason
    }
}

extension Closure: Codable {
    enum CodingKeys: String, CodingKey { case date, sessions, reason }

    /// `"AM"`, `"PM"` or `"AM+PM"`, as the calendar file writes it.
    public var sessionsText: String {
        Session.Part.allCases.filter(parts.contains).map(\.rawValue).joined(separator: "+")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(CalendarDate.self, forKey: .date)
        reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        let text = try container.decode(String.self, forKey: .sessions)
        let parsed = text.split(separator: "+").map { Session.Part(rawValue: String($0)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .sessions, in: container,
                debugDescription: "'\(text)' is not AM, PM or AM+PM")
        }
        parts = Set(parsed.compactMap { $0 })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(sessionsText, forKey: .sessions)
        try container.encode(reason, forKey: .reason)
    }
}
