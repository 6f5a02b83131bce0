/// The admission register over a period, as the roll screen lists it: names entered and
/// deleted (with their grounds), returns to the local authority due, and entries that
/// lack an item. Deletions are counted by ground so that a pattern shows: persistent
/// absence is never a ground, and a run of (f) or (i) deletions is what a governor or
/// an inspector asks about.
public struct Roll: Sendable {
    public enum Kind: String, Sendable {
        case entered, deleted
        /// A deletion recorded for a later day than the period's last: the pupil is still
        /// on roll, and the extract shows the deletion from the day it was recorded.
        case linedUp = "deletion lined up"
        case returnDue = "return due"
        case returnOverdue = "return overdue"
        case detailsMissing = "details missing"
    }

    /// One line of the roll; for a return, `date` is the day it is due.
    public struct Entry: Sendable {
        public let kind: Kind
        public let pupil: Pupil
        public let date: CalendarDate?
        public let detail: String
    }

    public let days: ClosedRange<CalendarDate>
    /// Entered and deleted in the period by day, then the returns and entries to act on.
    public let entries: [Entry]
    /// Deletions in the period, by ground, in the regulation's order.
    public let deletionsByGround: [(ground: DeletionGround, count: Int)]

    public init(pupils: [Pupil], deletions: [UPN: Deletion], followUps: [FollowUp], days: ClosedRange<CalendarDate>, asOf: CalendarDate) {
        self.days = days
        let byUPN = Dictionary(pupils.map { ($0.upn, $0) }, uniquingKeysWith: { $1 })
        var dated: [Entry] = pupils.compactMap { pupil in
            guard let start = pupil.admissionDate, days.contains(start) else { return nil }
            return Entry(kind: .entered, pupil: pupil, date: start, detail: pupil.previousSchool.map { "from \($0)" } ?? "")
        }
        // A deletion takes effect on its day; until then it is lined up, shown from the
        // day it was recorded (never backdated, so by `asOf`) when the period reaches today.
        let deleted = deletions.values.filter { days.contains($0.date) && $0.date <= asOf }
        let linedUp = days.upperBound >= asOf ? deletions.values.filter { $0.date > asOf } : []
        dated += deleted.compactMap { deletion in
            byUPN[deletion.upn].map { Entry(kind: .deleted, pupil: $0, date: deletion.date, detail: "\(deletion.ground.label) \(deletion.ground.title)") }
        }
        dated += linedUp.compactMap { deletion in
            byUPN[deletion.upn].map {
                Entry(kind: .linedUp, pupil: $0, date: deletion.date,
                      detail: "\(deletion.ground.label) \(deletion.ground.title), takes effect on \(deletion.date)")
            }
        }
        let acting = followUps.compactMap { entry -> Entry? in
            switch entry.rule {
            case .laReturnAdmission, .laReturnDeletion:
                let overdue = (entry.since ?? asOf) < asOf
                let about = entry.rule == .laReturnAdmission ? "of a new pupil"
                    : "of a deletion" + (deletions[entry.pupil.upn].map { ", ground \($0.ground.label)" } ?? "")
                return Entry(kind: overdue ? .returnOverdue : .returnDue, pupil: entry.pupil, date: entry.since, detail: about)
            case .admissionDetails:
                return Entry(kind: .detailsMissing, pupil: entry.pupil, date: nil, detail: entry.detail)
            default:
                return nil
            }
        }
        // What to act on after what happened: returns overdue, then due, then entries to complete.
        let urgency: [Kind] = [.returnOverdue, .returnDue, .detailsMissing]
        entries = dated.sorted { ($0.date ?? days.lowerBound, $0.pupil.surname) < ($1.date ?? days.lowerBound, $1.pupil.surname) }
            + urgency.flatMap { kind in acting.filter { $0.kind == kind } }
        deletionsByGround = DeletionGround.allCases.compactMap { ground in
            let count = deleted.count { $0.ground == ground }
            return count == 0 ? nil : (ground, count)
        }
    }

    public var enteredCount: Int { entries.count { $0.kind == .entered } }
    public var deletedCount: Int { entries.count { $0.kind == .deleted } }

    /// "2 in, 3 out: (a) 1 (f) 1 (i) 1": the dashboard's line.
    public var summary: String {
        "\(enteredCount) in, \(deletedCount) out" + (deletionsByGround.isEmpty ? ""
            : ": " + deletionsByGround.map { "\($0.ground.label) \($0.count)" }.joined(separator: " "))
    }
}
