import RollcallCore
import RollcallTUI

/// One pupil's line of the register: who they are, what matters at the door, and their
/// marks for each session of the week.
public struct RegisterRow: Hashable, Sendable {
    public let upn: UPN
    /// `Surname, Forename`, with the preferred forename.
    public let name: String
    /// Short flags: `SW` social worker, `YJ` youth justice worker, `SEN`/`EHC`, `PT`
    /// part-time timetable this year, `LAC` looked after. (`OFF`, off site, goes with the session.)
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
    /// Where the pupil is expected off site, by week session: shown as `OFF` and the
    /// provider, and its code offered first.
    public let offsite: [OffsiteSession?]

    /// A session a placement of education off site has the pupil away for.
    public struct OffsiteSession: Hashable, Sendable {
        public let provider: String
        public let code: AttendanceCode

        public init(provider: String, code: AttendanceCode) {
            self.provider = provider
            self.code = code
        }
    }

    public init(upn: UPN, name: String, flags: String, rate: Percentage?, marks: [Mark?], formerForms: [String] = [],
                offsite: [OffsiteSession?] = []) {
        self.upn = upn
        self.formerForms = formerForms
        self.offsite = offsite
        self.name = name
        self.flags = flags
        self.rate = rate
        self.marks = marks
    }
}

extension RegisterRow {
    /// Where the pupil is expected off site in the week's session `index`, if anywhere.
    func offsite(at index: Int) -> OffsiteSession? {
        offsite.indices.contains(index) ? offsite[index] : nil
    }
}
