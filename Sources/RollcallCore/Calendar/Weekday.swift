/// A day of the week, Monday first, as school timetables and DfE weeks run.
public enum Weekday: String, CaseIterable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 0 for Monday up to 6 for Sunday.
    public var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

    public var shortName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst().prefix(2) }
}
