import RollcallCore
@testable import RollcallScreens
@testable import RollcallTUI

/// The program's side of the screens for tests: screens built from the fixtures, every
/// save and task written down, and any of them made to fail.
final class RecordingServices: SchoolServices {
    var minute = 9 * 60
    private(set) var opened: [SchoolScreen] = []
    private(set) var saves: [(changes: [MarkChange], reason: String?)] = []
    private(set) var performed: [SchoolTask] = []
    private(set) var exported: [CSVExport] = []
    /// When set, saves (or tasks, or opening these screens) throw this.
    var saveFailure: String?
    var taskFailure: String?
    var refusedOrigins: Set<SchoolScreen> = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func build(_ origin: SchoolScreen, size: Size) throws -> any Screen {
        if refusedOrigins.contains(origin) { throw Failure(description: "this login may not see that") }
        opened.append(origin)
        switch origin {
        case .picker:
            return PickerState(schoolName: "Test Academy", groups: [Group(name: "7A", yearGroup: 7), Group(name: "7B", yearGroup: 7)],
                               ownForms: ["7A"], sessions: Form7A.calendar.sessions(in: day("2025-09-01")...day("2025-09-12")),
                               today: day("2025-09-08"), minute: minute, size: size)
        case let .register(_, session): return Form7A.register(session, size: size)
        case let .dashboard(period): return DashboardSchool.opening(size: size, period: period)
        case .followUps:
            return FollowUpState(dashboard: Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute),
                                 size: size)
        case let .roll(period):
            return RollState(dashboard: Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute),
                             period: period, size: size)
        case let .pupil(upn):
            guard let pupil = DashboardSchool.records.pupils.first(where: { $0.upn == upn }) else { throw Failure(description: "no pupil") }
            let history = PupilHistory(pupil, records: DashboardSchool.records, amendments: [], asOf: DashboardSchool.today,
                                       now: Session(DashboardSchool.today, .am))
            return PupilHistoryState(history: history, size: size)
        }
    }

    func save(_ changes: [MarkChange], reason: String?) throws {
        if let saveFailure { throw Failure(description: saveFailure) }
        saves.append((changes, reason))
    }

    func perform(_ task: SchoolTask) throws -> String? {
        if let taskFailure { throw Failure(description: taskFailure) }
        performed.append(task)
        return "Done: \(task.failure.dropFirst(4))"
    }

    func export(_ rows: CSVExport) throws -> String {
        if let taskFailure { throw Failure(description: taskFailure) }
        exported.append(rows)
        return "Done: exported"
    }
}
