import Benchmark
import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore
import RollcallScreens
import RollcallTUI

/// Issue 8's measures, in process, on the large school. Each is a whole piece of work a
/// person waits for; `swift package benchmark` runs them in a release build and reports
/// medians and percentiles of wall-clock time, and peak memory.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 30)

    for years in [1, 6] {
        Benchmark("Open the store, whole-school summary and persistent list (\(years) year\(years == 1 ? "" : "s") on disk)") { benchmark in
            let path = try LargeSchool.store(years: years).root
            benchmark.startMeasurement()
            let store = try Store.open(at: path)
            let calendar = try store.calendar()
            let year = calendar.academicYear(containing: LargeSchool.today)!
            let records = try SchoolRecords.load(from: store, calendar: calendar, only: year.firstDay...LargeSchool.today)
            let rows = PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar,
                                              period: year.firstDay...LargeSchool.today)
            blackHole(CohortSummary(rows, by: .yearGroup))
            blackHole(Absentee.list(rows, earlier: nil))
        }

        Benchmark("Open a form's register to its first frame (\(years) year\(years == 1 ? "" : "s") on disk)") { benchmark in
            let path = try LargeSchool.store(years: years).root
            benchmark.startMeasurement()
            let store = try Store.open(at: path)
            let state = try register(store)
            blackHole(state.render())
        }
    }

    // Issue 18: the termly pack for the whole year, last year's registers beside it
    // (the six-year store), from opening the store to the file on disk.
    Benchmark("Write the termly pack for the year (6 years on disk)") { benchmark in
        let path = try LargeSchool.store(years: 6).root
        let file = "\(LargeSchool.directory)/pack.html"
        benchmark.startMeasurement()
        let store = try Store.open(at: path)
        let calendar = try store.calendar()
        let year = calendar.academicYear(containing: LargeSchool.today)!
        let period = PackPeriod.dates(year.firstDay...LargeSchool.today, title: "The year \(year.name)", calendar: calendar)
        let html = PackDocument.html(try TermlyPack.load(from: store, period: period), made: LargeSchool.today)
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        benchmark.stopMeasurement()
        precondition(html.contains("Same period last year (2024-09-"), "last year is in the pack")
    }

    Benchmark("The targeting support meeting's list as of the last day (1 year on disk)") { benchmark in
        let path = try LargeSchool.store(years: 1).root
        benchmark.startMeasurement()
        let store = try Store.open(at: path)
        blackHole(Reports.targetingSupport(try TargetingSupport.load(from: store, asOf: LargeSchool.today)).render(.csv))
    }

    // Issue 33: the lead's morning. `report followups`' work, and the dashboard as the
    // screens build it, each from opening the store.
    Benchmark("Every follow-up list as of the last day, as JSON (1 year on disk)") { benchmark in
        let path = try LargeSchool.store(years: 1).root
        benchmark.startMeasurement()
        let store = try Store.open(at: path)
        let lists = try FollowUps.load(from: store, calendar: try store.calendar(), asOf: LargeSchool.today)
        blackHole(Reports.followUps(lists.list()).render(.json))
    }

    // The dashboard as the app opens it: the first frame draws the overview (the trend
    // and the period's figures); the lists' counts follow before the first key is read.
    Benchmark("The dashboard's first frame, 80x24 (1 year on disk)") { benchmark in
        let path = try LargeSchool.store(years: 1).root
        benchmark.startMeasurement()
        let store = try Store.open(at: path)
        blackHole(try dashboard(store).render())
    }

    Benchmark("The dashboard with its lists' counts, 80x24 (1 year on disk)") { benchmark in
        let path = try LargeSchool.store(years: 1).root
        benchmark.startMeasurement()
        let store = try Store.open(at: path)
        var state = try dashboard(store)
        blackHole(state.render())
        precondition(state.settle(), "the lists are worked out after the first frame")
        blackHole(state.render())
    }

    Benchmark("Mark one pupil, durable (fsync)", configuration: .init(maxIterations: 200)) { benchmark in
        let store = try LargeSchool.store(years: 1)
        let pupils = try store.pupils().filter { $0.form == "7B" }
        // This afternoon's register, not yet taken: each iteration marks another pupil,
        // then the marks are cleared again so that the next run starts the same.
        let session = Session(LargeSchool.today, .pm)
        let tutor = Recorder(login: "bench")
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let pupil = pupils[iteration % pupils.count]
            try store.record([MarkEntry(upn: pupil.upn, group: pupil.form, session: session, mark: Mark(.presentPM))], by: tutor, at: Date())
        }
        benchmark.stopMeasurement()
        try store.record(pupils.map { MarkEntry(upn: $0.upn, group: $0.form, session: session, mark: nil) }, by: tutor, at: Date(),
                         reason: "Benchmark clean-up")
    }

    Benchmark("Penalty-threshold list for the whole school as of a day") { benchmark in
        let store = try LargeSchool.store(years: 1)
        benchmark.startMeasurement()
        let calendar = try store.calendar()
        let window = PenaltyWindow(asOf: LargeSchool.today, calendar: calendar)!
        let records = try SchoolRecords.load(from: store, calendar: calendar, only: window.days, minutesAndNotes: false)
        blackHole(PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: LargeSchool.today))
    }

    Benchmark("Import the year's marks from CSV into an empty store", configuration: .init(maxDuration: .seconds(60), maxIterations: 3)) { benchmark in
        let source = try LargeSchool.store(years: 1)
        let csv = try LargeSchool.marksCSV(from: source)
        let path = "\(LargeSchool.directory)/import-\(UUID().uuidString)"
        let store = try Store.create(at: .init(path), school: source.school())
        defer { try? FileManager.default.removeItem(atPath: path) }
        for year in try source.calendar().years { try store.saveAcademicYear(year, today: LargeSchool.today) }
        let pupils = try source.pupils()
        try store.updatePupils(today: LargeSchool.today) { $0 = pupils }
        benchmark.startMeasurement()
        let table = try CSVTable(bytes: Array(FileManager.default.contents(atPath: csv)!))
        let imported = try MarksImport(table: table, file: csv, pupils: pupils, calendar: store.calendar(), today: LargeSchool.today)
        try store.record(imported.entries, by: Recorder(login: "bench"), at: Date())
        benchmark.stopMeasurement()
        blackHole(imported.entries.count)
    }

    Benchmark("One keystroke in the register: update and redraw of the grid", configuration: .init(maxIterations: 10_000)) { benchmark in
        var state = try register(LargeSchool.store(years: 1))
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            _ = state.handle(iteration % 2 == 0 ? .down : .up, in: ScreenContext(minute: LargeSchool.minute))
            blackHole(state.render())
        }
    }
}

/// Form 7B's register for this morning, read as the program reads it.
/// The dashboard as `rollcall tui --dashboard` opens it: the overview from the codes of
/// its days, and the lists from the store once its first frame is drawn.
func dashboard(_ store: Store) throws -> DashboardState {
    let records = try Dashboard.records(from: store, calendar: try store.calendar(), asOf: LargeSchool.today)
    let opening = DashboardOverview.opening(records, today: LargeSchool.today, minute: LargeSchool.minute, period: .thisHalfTerm)
    return DashboardState(schoolName: "Bench", opening: opening, size: Size(width: 80, height: 24)) { overview in
        try Dashboard.lists(from: store, overview: overview)
    }
}

func register(_ store: Store) throws -> RegisterState {
    let session = Session(LargeSchool.today, .am)
    let school = try store.school(), pupils = try store.pupils(onRollFrom: session.date), calendar = try store.calendar()
    let book = try RegisterBook.load(from: store, group: "7B", session: session, pupils: pupils, calendar: calendar, today: LargeSchool.today)
    return RegisterState(
        schoolName: school.name, group: "7B", session: session, pupils: pupils, book: book, calendar: calendar,
        today: LargeSchool.today, closes: [.am: school.registerCloses(.am), .pm: school.registerCloses(.pm)],
        size: Size(width: 80, height: 24), log: try store.interventions())
}
