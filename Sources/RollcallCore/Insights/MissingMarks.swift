/// A register not taken, or taken for only some of the pupils on roll: marks the law
/// requires and the figures count as missing until someone records them.
public struct MissingMarks: Hashable, Sendable {
    public let group: String
    public let session: Session
    public let onRoll: Int
    public let unmarked: Int

    public var isNotTaken: Bool { unmarked == onRoll }

    /// Every form's registers in `days` up to and including `latest` (today's session
    /// now open) that lack a mark for a pupil on roll; by session, then form.
    public static func list(_ records: SchoolRecords, days: ClosedRange<CalendarDate>, upTo latest: Session) -> [MissingMarks] {
        let forms = Dictionary(grouping: records.pupils, by: \.form)
        var found: [MissingMarks] = []
        for session in records.calendar.sessions(in: days) where session <= latest {
            for (form, pupils) in forms {
                let onRoll = pupils.filter { $0.isOnRoll(on: session.date) }
                let unmarked = onRoll.count { records.book.mark(for: $0.upn, at: session) == nil }
                if unmarked > 0 {
                    found.append(MissingMarks(group: form, session: session, onRoll: onRoll.count, unmarked: unmarked))
                }
            }
        }
        return found.sorted { ($0.session, $0.group) < ($1.session, $1.group) }
    }
}
