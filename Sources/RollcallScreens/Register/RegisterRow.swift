import RollcallCore
import RollcallTUI

/// One pupil's line of the register: who they are, what matters at the door, and their
/// marks for each session of the week.
public struct RegisterRow: Hashable, Sendable {
    public let upn: UPN
    /// `Surname, Forename`, with the preferred forename.
    public let name: String
    /// Short flags: `SW` social worker, `YJ` youth justice worker, `SEN`/`EHC`, `PT`
    /// part-time timetable this year, `LAC` looked after.
    public let flags: String
    /// Attendance this year so far (from Core), nil before any possible session.
    public let rate: Percentage?
    /// Marks aligned with the register's week sessions.
    public var marks: [Mark?]
    /// Sessions (by week index) this tutor marked in this sitting: they may correct
    /// those without giving a reason.
    public var markedHere: Set<Int> = []
    /// The forms the pupil was in before this one (`Pupil.formerForms`), which a save
    /// names so that an earlier mark is changed where it stands.
    public let formerForms: [String]

    public init(upn: UPN, name: String, flags: String, rate: Percentage?, marks: [Mark?], formerForms: [String] = []) {
        self.upn = upn
        self.formerForms = formerForms
        self.name = name
        self.flags = flags
        self.rate = rate
        self.marks = marks
    }
}
