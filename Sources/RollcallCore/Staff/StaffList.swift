/// The school's staff list, and the rules of who may do what with the registers.
///
/// With no staff list (a demo, a school of one) everyone may do everything. Once there
/// is one, a login not on it is refused; a tutor marks only their own forms' registers,
/// and only today's; changing an earlier session's marks and importing need the
/// attendance lead, the office or an admin. Amendments record the login and the role.
public struct StaffList: Hashable, Sendable, Codable {
    public var members: [StaffMember]

    public init(members: [StaffMember] = []) {
        self.members = members
    }

    public func member(login: String) -> StaffMember? {
        members.first { $0.login == login }
    }

    /// Who is acting, as the audit records them.
    public func recorder(login: String) throws(PermissionError) -> Recorder {
        if members.isEmpty { return Recorder(login: login) }
        guard let member = member(login: login) else { throw .notOnStaffList(login: login) }
        return member.recorder
    }

    /// Checks that `login` may put `replacement` in place of this list, so that no import
    /// switches the rules off or locks the school out: the list may not be empty (an
    /// empty list allows everything), must name an admin, and must keep the importing
    /// login an admin when it is one now (before there is a list, everyone is). Once
    /// there is a list, only an admin may replace it: a lead who could would make
    /// themselves one.
    public func checkReplacement(_ replacement: StaffList, by login: String) throws(StaffListError) {
        if !members.isEmpty, member(login: login)?.role != .admin { throw .needsAdmin(login: login) }
        guard !replacement.members.isEmpty else { throw .empty }
        guard replacement.members.contains(where: { $0.role == .admin }) else { throw .noAdmin }
        guard replacement.member(login: login)?.role == .admin else { throw .wouldRemoveYourAdmin(login: login) }
    }

    /// Whether a pretended day or time (`--today`, `ROLLCALL_TODAY`, `ROLLCALL_TIME`) may
    /// decide what `login` may write: only an admin's, or anyone's before there is a
    /// staff list. For everyone else it changes what is shown and what a report covers,
    /// never which registers are open to them or whether a register has closed: a tutor
    /// who says it is September cannot amend September.
    public func mayPretend(login: String) -> Bool {
        members.isEmpty || member(login: login)?.role == .admin
    }

    /// The day and minute that decide what `login` may do: the pretended ones where
    /// `mayPretend`, else the real ones.
    public func deciding(login: String, pretended: (day: CalendarDate, minute: Int),
                         real: (day: CalendarDate, minute: Int)) -> (day: CalendarDate, minute: Int) {
        mayPretend(login: login) ? pretended : real
    }

    /// Throws unless `login` may do `action` on `today`, which must be the day that
    /// `deciding` gives for them.
    public func authorise(_ action: StaffAction, by login: String, today: CalendarDate) throws(PermissionError) {
        if members.isEmpty { return }
        guard let member = member(login: login) else { throw .notOnStaffList(login: login) }
        if action == .manageKeys {
            guard member.role == .admin else { throw .needsAdmin(login: login, what: "Adding or removing SSH keys") }
            return
        }
        if action == .amendCalendar {
            guard member.role == .admin else { throw .needsAdmin(login: login, what: "Changing the calendar's days gone by") }
            return
        }
        if action == .changeSettings {
            guard member.role == .admin else { throw .needsAdmin(login: login, what: "Changing the school's settings") }
            return
        }
        if action == .decideLeave {
            guard [.attendanceLead, .admin].contains(member.role) else { throw .needsDecider(login: login, role: member.role) }
            return
        }
        guard member.role == .tutor else { return }
        switch action {
        case .review:
            return
        case let .log(kind):
            switch kind {
            case .noticeToImprove, .penaltyNoticeIssued, .penaltyNoticePaid, .penaltyNoticeWithdrawn, .decisionNotToIssue,
                 .localAuthorityReferral, .localAuthorityNotified, .localAuthorityJointEnquiries, .localAuthorityReturn:
                throw .needsAttendanceRole(login: login, what: "Logging \(kind.rawValue)")
            default:
                return
            }
        case .importData:
            throw .needsAttendanceRole(login: login, what: "Importing")
        case .changeAdmissionRegister:
            throw .needsAttendanceRole(login: login, what: "Deleting or readmitting a pupil")
        case .requestLeave:
            throw .needsAttendanceRole(login: login, what: "Logging a request for leave")
        case .arrangeOffsite:
            throw .needsAttendanceRole(login: login, what: "Recording or ending an off-site placement")
        case .manageKeys, .amendCalendar, .decideLeave, .changeSettings:
            return // decided above
        case let .mark(group, session), let .amend(group, session):
            if case .amend = action, session.date < today {
                throw .needsAttendanceRole(login: login, what: "Changing a mark of an earlier day (\(session))")
            }
            guard member.forms.contains(group) else { throw .notTheirForm(login: login, group: group) }
            guard session.date == today else { throw .notToday(login: login, session: session) }
        }
    }
}
