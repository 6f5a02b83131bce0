/// Sessions counted by how the guidance counts them, for one pupil or summed over many.
///
/// Counts, not rates, are what add up across pupils and periods: rates are derived from
/// the sums at the end (`AttendanceFigures`), as DfE statistics are.
public struct AttendanceTally: Hashable, Sendable {
    public var present = 0
    public var approvedEducationalActivity = 0
    public var authorisedAbsence = 0
    public var unauthorisedAbsence = 0
    /// Sessions coded `D X Q Y1-Y7 Z #`: not possible sessions.
    public var notCounted = 0
    /// School sessions on roll with no mark at all: a register not taken or incomplete.
    public var missing = 0
    /// Sessions coded `L` (they count as present too).
    public var late = 0

    public init() {}

    /// Adds one school session on roll: its code, or nil when it has no mark.
    public mutating func add(_ code: AttendanceCode?) {
        guard let code else {
            missing += 1
            return
        }
        switch code.category {
        case .present: present += 1
        case .approvedEducationalActivity: approvedEducationalActivity += 1
        case .authorisedAbsence: authorisedAbsence += 1
        case .unauthorisedAbsence: unauthorisedAbsence += 1
        case .notCounted, .administrative: notCounted += 1
        }
        if code == .late { late += 1 }
    }

    /// Sessions with a present, approved-activity, authorised or unauthorised code.
    public var possible: Int { attended + absent }
    /// Present or at an approved educational activity.
    public var attended: Int { present + approvedEducationalActivity }
    /// Authorised plus unauthorised absence.
    public var absent: Int { authorisedAbsence + unauthorisedAbsence }

    public static func + (lhs: AttendanceTally, rhs: AttendanceTally) -> AttendanceTally {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func += (lhs: inout AttendanceTally, rhs: AttendanceTally) {
        lhs.present += rhs.present
        lhs.approvedEducationalActivity += rhs.approvedEducationalActivity
        lhs.authorisedAbsence += rhs.authorisedAbsence
        lhs.unauthorisedAbsence += rhs.unauthorisedAbsence
        lhs.notCounted += rhs.notCounted
        lhs.missing += rhs.missing
        lhs.late += rhs.late
    }
}
