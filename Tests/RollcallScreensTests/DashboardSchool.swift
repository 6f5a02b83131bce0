import Foundation
import RollcallCore
@testable import RollcallScreens
@testable import RollcallTUI

/// Form 7A's school as an attendance lead sees it on Friday 12 September 2025 at 09:30,
/// with absences worked by hand (the term starts Monday 1 September; 19 sessions have
/// happened by Friday morning):
/// - Zoë (7A, social worker): O all of Monday 8 and Tuesday 9, N on Friday morning:
///   5 of 19 missed (26.3%), persistent for the first time this week.
/// - Łukasz (7A): late Tuesday 2 (10 minutes), medical appointment Wednesday 3 PM.
/// - Siobhán (7A): present throughout. Amy (7A): present, but no mark on Friday morning.
/// - Gwen (7A): left on Friday 5 September, present until then.
/// - Ed (7B): O from Wednesday 3 to Friday 5 and on Wednesday 10 morning: 7 of 19
///   unauthorised, close to the penalty threshold; persistent since week one.
enum DashboardSchool {
    static let today = day("2025-09-12")
    static let minute = 9 * 60 + 30

    static var records: SchoolRecords {
        let pupils = [Form7A.zoe, Form7A.lukasz, Form7A.siobhan, Form7A.amy, Form7A.left, Form7A.other]
        var exceptions: [UPN: [Session: Mark?]] = [:]
        for date in ["2025-09-08", "2025-09-09"] {
            exceptions[Form7A.zoe.upn, default: [:]][Session(day(date), .am)] = Mark(.otherUnauthorised)
            exceptions[Form7A.zoe.upn, default: [:]][Session(day(date), .pm)] = Mark(.otherUnauthorised)
        }
        exceptions[Form7A.zoe.upn, default: [:]][Session(today, .am)] = Mark(.reasonNotYetEstablished)
        exceptions[Form7A.lukasz.upn] = [Session(day("2025-09-02"), .am): Mark(.late, minutesLate: 10),
                                         Session(day("2025-09-03"), .pm): Mark(.medicalAppointment)]
        exceptions[Form7A.amy.upn] = [Session(today, .am): Mark?.none]
        for date in ["2025-09-03", "2025-09-04", "2025-09-05"] {
            exceptions[Form7A.other.upn, default: [:]][Session(day(date), .am)] = Mark(.otherUnauthorised)
            exceptions[Form7A.other.upn, default: [:]][Session(day(date), .pm)] = Mark(.otherUnauthorised)
        }
        exceptions[Form7A.other.upn, default: [:]][Session(day("2025-09-10"), .am)] = Mark(.otherUnauthorised)

        var registers: [Register] = []
        for session in Form7A.calendar.sessions(in: day("2025-09-01")...today) where session <= Session(today, .am) {
            for form in ["7A", "7B"] {
                var marks: [UPN: Mark] = [:]
                for pupil in pupils where pupil.form == form && pupil.isOnRoll(on: session.date) {
                    switch exceptions[pupil.upn]?[session] {
                    case .none: marks[pupil.upn] = Mark(.present(for: session.part))
                    case .some(.none): break
                    case let .some(.some(mark)): marks[pupil.upn] = mark
                    }
                }
                registers.append(Register(group: form, session: session, marks: marks))
            }
        }
        return SchoolRecords(calendar: Form7A.calendar, pupils: pupils, book: AttendanceBook(registers: registers))
    }

    static func dashboard(size: Size = Size(width: 80, height: 24), period: DashboardPeriod = .thisYear) -> DashboardState {
        DashboardState(schoolName: "Test Academy", dashboard: Dashboard(records, today: today, minute: minute), period: period, size: size)
    }

    /// As the app opens it: the overview at once, the lists from `lists` once the shell
    /// has drawn the first frame.
    static func opening(size: Size = Size(width: 80, height: 24), period: DashboardPeriod = .thisYear,
                        lists: @escaping @Sendable (DashboardOverview) throws -> Dashboard = { Dashboard($0) }) -> DashboardState {
        DashboardState(schoolName: "Test Academy", overview: DashboardOverview(records, today: today, minute: minute), period: period,
                       size: size, lists: lists)
    }
}
