/// A term (or half term) of the school year: the days between which school meets.
///
/// Weekends inside a term are not school days; holidays are the gaps between terms;
/// bank holidays and INSET days inside a term are `Closure`s.
public struct Term: Hashable, Sendable, Codable {
    public var name: String
    public var start: CalendarDate
    public var end: CalendarDate

    public init(name: String, start: CalendarDate, end: CalendarDate) {
        self.name = name
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }
}
