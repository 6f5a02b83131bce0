/// What a further penalty notice to one parent would be, by the national framework:
/// £80 (paid within 21 days, else £160 within 28) for a first; £160 within 28 days for a
/// second to the same parent for the same pupil within 3 years; no third within 3 years.
/// Unpaid notices count; withdrawn ones do not.
public struct ParentNotices: Hashable, Sendable {
    public let parent: String
    public let inLastThreeYears: Int

    public init(parent: String, inLastThreeYears: Int) {
        self.parent = parent
        self.inLastThreeYears = inLastThreeYears
    }

    public var nextNotice: String {
        switch inLastThreeYears {
        case 0: "first notice: £80 if paid within 21 days, £160 within 28"
        case 1: "second notice within 3 years: £160, paid within 28 days"
        default: "no further notice allowed within 3 years: another legal route instead"
        }
    }

    public var furtherNoticeAllowed: Bool { inLastThreeYears < 2 }

    /// Notices per parent of a pupil as of a day, the pupil's parents from the contacts
    /// first, then anyone else a notice was issued to.
    public static func count(for upn: UPN, contacts: [Contact], log: [InterventionRecord], asOf date: CalendarDate) -> [ParentNotices] {
        // 29 February three years on is 28 February.
        let threeYearsBefore = CalendarDate(year: date.year - 3, month: date.month, day: date.day)
            ?? CalendarDate(year: date.year - 3, month: date.month, day: date.day - 1) ?? date
        let notices = log.standingNotices.filter {
            $0.intervention.upn == upn && $0.intervention.date > threeYearsBefore && $0.intervention.date <= date
        }
        // One parent however the log spelled them (`ParentName.key`).
        var parents = contacts.filter { $0.upn == upn && $0.role == .parent }.map(\.name)
        for notice in notices {
            if let parent = notice.intervention.parent, !parents.contains(where: { ParentName.key($0) == ParentName.key(parent) }) {
                parents.append(parent)
            }
        }
        return parents.map { parent in
            ParentNotices(parent: parent, inLastThreeYears: notices.count { $0.intervention.parent.map(ParentName.key) == ParentName.key(parent) })
        }
    }
}
