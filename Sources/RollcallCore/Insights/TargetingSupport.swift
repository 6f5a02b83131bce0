/// The list a school takes to the local authority's termly targeting support meeting
/// (chapter 4 of the guidance): every pupil on roll who is severely or persistently
/// absent this year, or within `atRiskMargin` points of the persistent line, with what
/// the meeting goes through for each: the trend, the flags that change the response,
/// who to ring, and the support logged so far.
public struct TargetingSupport: Sendable {
    public enum Standing: String, Sendable, CaseIterable {
        case severe, persistent
        case atRisk = "at-risk"
    }

    /// The last 4 school weeks' attendance against the year's.
    public enum Trend: String, Sendable {
        case improving, worsening, steady
    }

    public struct Entry: Sendable {
        public let pupil: Pupil
        public let standing: Standing
        /// The academic year so far.
        public let year: AttendanceFigures
        /// The last 4 school weeks, as on a pupil's history.
        public let recent: AttendanceFigures
        public let trend: Trend
        public let partTime: Bool
        /// The parent the pupil lives with (the first listed), or the first parent.
        public let parent: Contact?
        /// That parent's first number, or their emergency number.
        public let phone: String?
        /// Logged this academic year up to the day, oldest first.
        public let interventions: [Intervention]
        public let earlyHelp: Bool
        /// The follow-up lists the pupil is on and not yet acted on.
        public let openFollowUps: [FollowUpRule]
        /// The earliest review date on or after the day among the pupil's log entries.
        public let nextReview: CalendarDate?

        /// The flags that change what the meeting decides, as a person reads them.
        public var flags: [String] {
            [pupil.sen == .none ? nil : pupil.sen.title, pupil.fsm ? "FSM" : nil, pupil.hasSocialWorker ? "social worker" : nil,
             pupil.hasYouthJusticeWorker ? "youth justice" : nil, pupil.isLookedAfter ? "looked after" : nil,
             partTime ? "part-time timetable" : nil].compactMap { $0 }
        }
    }

    /// Percentage points under the persistent-absence line at which a pupil is at risk.
    public static let atRiskMargin = 2
    /// Points of attendance by which the last 4 weeks must beat (or trail) the year to
    /// count as improving (or worsening): less is noise.
    public static let trendMargin = 1

    public let asOf: CalendarDate
    /// Severe first, then persistent, then at risk; the most absent first within each.
    public let entries: [Entry]

    /// `records` must cover the academic year up to `asOf` (`Dashboard.days`); the
    /// follow-ups are as of `asOf`.
    public init(_ records: SchoolRecords, contacts: [Contact], log: [InterventionRecord], followUps: [FollowUp], asOf: CalendarDate) {
        self.asOf = asOf
        let calendar = records.calendar, book = records.book
        guard let year = calendar.yearSoFar(asOf: asOf) else {
            entries = []
            return
        }
        let recentDays = calendar.schoolWeeks(endingWith: asOf, count: 4).first.map { $0.monday...asOf } ?? year
        let onRoll = records.pupils.filter { $0.isOnRoll(on: asOf) }
        let contactsByPupil = Dictionary(grouping: contacts.filter { $0.role == .parent }, by: \.upn)
        let logByPupil = Dictionary(grouping: log.map(\.intervention).filter { $0.date <= asOf }, by: \.upn)
        let openByPupil = Dictionary(grouping: followUps.filter(\.isOpen), by: \.pupil.upn)
        let recentRows = Dictionary(PupilAttendance.report(onRoll, book: book, calendar: calendar, period: recentDays).map { ($0.pupil.upn, $0) },
                                    uniquingKeysWith: { $1 })
        let listed = PupilAttendance.report(onRoll, book: book, calendar: calendar, period: year).compactMap { row -> Entry? in
            guard let standing = TargetingSupport.standing(of: row.figures) else { return nil }
            let pupil = row.pupil
            let recent = recentRows[pupil.upn]?.figures ?? AttendanceFigures(AttendanceTally())
            let parents = contactsByPupil[pupil.upn] ?? []
            let parent = parents.first(where: \.livesWithPupil) ?? parents.first
            let logged = (logByPupil[pupil.upn] ?? []).sorted { $0.date < $1.date }
            return Entry(
                pupil: pupil, standing: standing, year: row.figures, recent: recent, trend: TargetingSupport.trend(recent, against: row.figures),
                partTime: PartTimeTimetable.isOn(pupil, asOf: asOf, log: log, book: book, calendar: calendar),
                parent: parent, phone: parent.flatMap { $0.phones.first ?? $0.emergencyPhone },
                interventions: logged.filter { year.contains($0.date) }, earlyHelp: logged.contains { $0.kind == .earlyHelpReferral },
                openFollowUps: FollowUpRule.allCases.filter { rule in openByPupil[pupil.upn]?.contains { $0.rule == rule } == true },
                nextReview: logged.compactMap(\.reviewDate).filter { $0 >= asOf }.min())
        }
        // The entries' places sorted, not the entries: each is a pupil and their year.
        entries = listed.indices.sorted { lhs, rhs in
            let (lhs, rhs) = (listed[lhs], listed[rhs])
            let left = Standing.allCases.firstIndex(of: lhs.standing)!, right = Standing.allCases.firstIndex(of: rhs.standing)!
            if left != right { return left < right }
            if let a = lhs.year.absenceRate, let b = rhs.year.absenceRate, a != b { return a > b }
            return lhs.pupil.listName < rhs.pupil.listName
        }.map { listed[$0] }
    }

    /// Severe, persistent, at risk (absence at or above the line less the margin), or nil.
    public static func standing(of figures: AttendanceFigures) -> Standing? {
        if figures.isSevereAbsentee { return .severe }
        if figures.isPersistentAbsentee { return .persistent }
        let atRisk = figures.absenceRate?.isAtLeast(AbsenceThreshold.persistent.percent - atRiskMargin) ?? false
        return atRisk ? .atRisk : nil
    }

    /// Compares the exact rates, so a tie at one decimal place is decided the same way
    /// every time.
    public static func trend(_ recent: AttendanceFigures, against year: AttendanceFigures) -> Trend {
        guard let now = recent.attendanceRate, let whole = year.attendanceRate else { return .steady }
        // (now - whole) in points, both sides multiplied by the two denominators.
        let difference = (now.numerator * whole.denominator - whole.numerator * now.denominator) * 100
        let margin = trendMargin * now.denominator * whole.denominator
        if difference >= margin { return .improving }
        if difference <= -margin { return .worsening }
        return .steady
    }
}
