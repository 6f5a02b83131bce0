import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallScreens
import RollcallStore
import RollcallTUI

/// Where the attendance lead's dashboard spends its first frame, phase by phase, on the
/// large school the benchmarks make (`swift package benchmark` makes it first): each
/// phase's median over the runs, in milliseconds, so that a change can be aimed at the
/// phase that costs and checked against it.
///
///     swift run -c release lead-phases [STORE] [RUNS] [first|penalty]
///
/// `first` times the first frame alone (for `perf record`, to see that part by itself);
/// `penalty` times `rollcall report penalty`'s work instead, the first run (as a whole
/// process does it, everything cold) apart from the median.
@main
enum LeadPhases {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let path = arguments.first ?? (NSTemporaryDirectory() + "rollcall-bench/school-2000-1y")
        let runs = arguments.dropFirst().first.flatMap { Int($0) } ?? 15
        let firstFrameOnly = arguments.dropFirst(2).first == "first"
        let today = CalendarDate(year: 2026, month: 7, day: 15)!, minute = 9 * 60 + 30
        if arguments.dropFirst(2).first == "penalty" {
            try penalty(path: path, today: today, runs: runs)
            return
        }
        let phases = Phases()
        for _ in 0..<runs {
            let (state, store, overview) = try phases.time("the first frame, whole") { () throws -> (DashboardState, Store, DashboardOverview) in
                let store = try phases.time("open the store") { try Store.open(at: .init(path)) }
                let calendar = try phases.time("calendar") { try store.calendar() }
                let days = Dashboard.days(asOf: today, calendar: calendar)
                let pupils = try phases.time("pupils") { try store.pupils(onRollFrom: days.lowerBound) }
                let book = try phases.time("the year's codes") {
                    try store.book(academicYears: SchoolRecords.academicYears(covering: days), within: days, minutesAndNotes: false)
                }
                let records = SchoolRecords(calendar: calendar, pupils: pupils, book: book)
                // One after the other here, to see each; the app works these two out side by side.
                let overview = phases.time("the overview (the trend)") { DashboardOverview(records, today: today, minute: minute) }
                let state = phases.time("the period's figures") {
                    DashboardState(schoolName: "Bench", overview: overview, period: .thisHalfTerm, size: Size(width: 80, height: 24))
                }
                _ = phases.time("render") { state.render() }
                return (state, store, overview)
            }
            guard !firstFrameOnly else { continue }
            // What the app does after the first frame, then the same again part by part.
            _ = try phases.time("the lists, whole (as the app works them out)") { try Dashboard.lists(from: store, overview: overview) }
            let records = overview.records
            let contacts = try phases.time("  of which: contacts") { try store.contacts() }
            let log = try phases.time("  of which: the other logs") { try store.interventions() }
            let (deletions, leave, offsite) = (try store.standingDeletions(), try store.leaveApplications(), try store.offsiteArrangements())
            let penalty = phases.time("  of which: penalty") {
                PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: today, minimum: PenaltyThreshold.closeFrom)
            }
            let unresolved = phases.time("  of which: unresolved N") { UnresolvedN.list(records, asOf: today) }
            _ = phases.time("  of which: missing marks") { overview.session.map { MissingMarks.list(records, days: $0.date.monday...$0.date, upTo: $0) } }
            _ = phases.time("  of which: follow-ups") {
                FollowUps(records, contacts: contacts, log: log, asOf: today, deletions: deletions, leave: leave, offsite: offsite,
                          penalty: penalty, unresolved: unresolved).list()
            }
            _ = state.render()
        }
        phases.report()
    }

    /// The penalty list's work, phase by phase: the first run alone, then the median.
    static func penalty(path: String, today: CalendarDate, runs: Int) throws {
        let phases = Phases()
        for _ in 0..<runs {
            _ = try phases.time("the penalty list, whole") { () throws -> String in
                let store = try phases.time("open the store") { try Store.open(at: .init(path)) }
                _ = try phases.time("the staff list") { try store.staff() }
                let calendar = try phases.time("calendar") { try store.calendar() }
                let window = PenaltyWindow(asOf: today, calendar: calendar)!
                let pupils = try phases.time("pupils") { try store.pupils(onRollFrom: window.days.lowerBound) }
                let book = try phases.time("the window's codes") {
                    try store.book(academicYears: SchoolRecords.academicYears(covering: window.days), within: window.days, minutesAndNotes: false)
                }
                let rows = phases.time("the count") { PupilPenalty.report(pupils, book: book, calendar: calendar, asOf: today) }
                return phases.time("the table") { Reports.penalty(rows).render(.table) }
            }
        }
        phases.report(first: true)
    }
}
