import Foundation
import PostgresNIO
import RollcallCore
import RollcallScreens
import RollcallTUI

/// The screens of `rollcall tui --trust`, over the trust's database: the schools side by
/// side, then one school's own dashboard, lists and pupils' histories, read as that
/// school's lead reads them. The trust's view is read-only: every school screen opens
/// read-only, offering no key that writes, because marks, amendments and the
/// interventions log are the school's, changed in the school's own rollcall.
public final class TrustScreens: ScreenServices {
    private let connection: PostgresConnection
    private let overview: TrustOverview
    private let schools: [String: PublishedSchool]
    public let minute: Int
    /// The school open now, with its dashboard: the lists and histories under it read it.
    private var current: (school: PublishedSchool, dashboard: Dashboard)?

    public init(connection: PostgresConnection, overview: TrustOverview, schools: [PublishedSchool], minute: Int) {
        self.connection = connection
        self.overview = overview
        self.schools = Dictionary(schools.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        self.minute = minute
    }

    public func open(_ origin: any ScreenOrigin, size: Size) throws -> any Screen {
        switch origin {
        case let screen as TrustScreen: try open(screen, size: size)
        case let screen as SchoolScreen: try open(screen, size: size)
        default: throw TrustFailure("that screen is not one of the trust's")
        }
    }

    private func open(_ screen: TrustScreen, size: Size) throws -> any Screen {
        switch screen {
        case let .schools(period):
            return TrustSchoolsState(overview: overview, period: period, size: size)
        case let .school(urn, period):
            guard let school = schools[urn] else { throw TrustFailure("the trust has no school \(urn)") }
            let today = overview.today, minute = minute, connection = connection
            let unreadable = UnreadableSchools()
            let (records, followUps) = try Blocking.run {
                (try await school.records(asOf: today, on: connection),
                 try await TrustFigures.followUps(of: [school], rule: nil, unreadable: unreadable, on: connection).first?.entries ?? [])
            }
            if let problem = unreadable.messages.first { throw TrustFailure(problem) }
            let dashboard = Dashboard(records, today: today, minute: minute, followUps: followUps)
            current = (school, dashboard)
            return DashboardState(schoolName: school.name, dashboard: dashboard, period: period, size: size, readOnly: true)
        case .days:
            let today = overview.today, connection = connection, unreadable = UnreadableSchools()
            let period = today.advanced(by: -7 * TrustScreens.daysWeeks + 1)...today
            let schools = try Blocking.run { try await TrustFigures.days(period, today: today, unreadable: unreadable, on: connection) }
            return TrustDaysState(schools: schools.map { ($0.school.name, $0.days) }, size: size)
        }
    }

    /// The weeks the days view shows, up to today.
    static let daysWeeks = 8

    /// A screen of the school open now, read-only.
    private func open(_ screen: SchoolScreen, size: Size) throws -> any Screen {
        switch screen {
        case let .dashboard(period):
            let (school, dashboard) = try opened()
            return DashboardState(schoolName: school.name, dashboard: dashboard, period: period, size: size, readOnly: true)
        case .followUps:
            return FollowUpState(dashboard: try opened().dashboard, size: size, readOnly: true)
        case let .roll(period):
            return RollState(dashboard: try opened().dashboard, period: period, size: size, readOnly: true)
        case let .pupil(upn):
            let records = try opened().dashboard.records
            guard let pupil = records.pupils.first(where: { $0.upn == upn }) else { throw TrustFailure("there is no pupil with UPN \(upn.text)") }
            let history = PupilHistory(pupil, records: records, amendments: [], asOf: overview.today, now: Session.at(overview.today, minute: minute))
            return PupilHistoryState(history: history, size: size)
        case .picker, .register:
            throw TrustFailure("the trust reads registers; a school takes them in its own rollcall")
        }
    }

    /// Read-only screens ask for no task; one that did is refused, never half done.
    public func perform(_ tasks: [any ScreenTask]) -> [Outcome] {
        tasks.map { Outcome($0, message: "\($0.failure): the trust's view is read-only; that is done in the school's own rollcall", isError: true) }
    }

    private func opened() throws -> (school: PublishedSchool, dashboard: Dashboard) {
        guard let current else { throw TrustFailure("no school is open: choose one from the trust's schools") }
        return current
    }
}

/// Waits, on the screens' own thread, for work on the database: the shell asks for a
/// screen and draws it, one thing at a time, while the connection's work runs on
/// Swift's concurrency threads.
enum Blocking {
    private final class Outcome<Value>: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }

    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }
}
