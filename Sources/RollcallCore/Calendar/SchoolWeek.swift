/// A Monday-to-Sunday week with at least one school session.
///
/// The penalty framework counts "school weeks" this way: a half-term week is not one,
/// a week with an INSET day and four open days still is.
public struct SchoolWeek: Hashable, Comparable, Sendable {
    public let monday: CalendarDate

    public init(monday: CalendarDate) {
        self.monday = monday
    }

    public var sunday: CalendarDate { monday.advanced(by: 6) }
    public var days: ClosedRange<CalendarDate> { monday...sunday }

    public static func < (lhs: SchoolWeek, rhs: SchoolWeek) -> Bool { lhs.monday < rhs.monday }
}
