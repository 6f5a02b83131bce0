import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore
import SystemPackage

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a store with a realistic demo school and open it.",
        discussion: """
            Without --store or ROLLCALL_STORE the demo lives in ~/.local/share/rollcall-demo, apart from any real school.
            The school gets the academic year up to today (or a whole past year with --today).
            Example: rollcall demo --pupils 600 --seed 7 --no-tui
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "How many pupils.") var pupils = 420
    @Option(help: "The seed: the same seed makes the same school.") var seed: UInt64 = 2024
    @Option(help: "Academic years of registers, today's and whole years before it (the law keeps six).") var years = 1
    @Flag(help: "Make the school but do not open the register screen.") var noTui = false
    @Option(help: "The school's URN, for a trust's demo (six or seven digits).") var urn: String?
    @Option(help: "The school's name, for a trust's demo.") var name: String?
    @Option(help: ArgumentHelp("A day a third of the pupils are away ill, for a trust's days view.", valueName: "yyyy-mm-dd")) var dip: String?

    var location: FilePath {
        let environment = ProcessInfo.processInfo.environment
        if options.store != nil || !(environment["ROLLCALL_STORE"] ?? "").isEmpty { return options.location }
        return StoreLocation.resolve(option: nil, environment: environment).removingLastComponent().appending("rollcall-demo")
    }

    func validate() throws {
        if !(5...5000).contains(pupils) { throw ValidationError("--pupils must be between 5 and 5000") }
        if !(1...10).contains(years) { throw ValidationError("--years must be between 1 and 10") }
        if let urn, urn.range(of: "^[0-9]{6,7}$", options: .regularExpression) == nil {
            throw ValidationError("--urn '\(urn)' is not a URN: six or seven digits")
        }
        if let name, let problem = EntryLimits.nameProblem(name) { throw ValidationError("--name \(problem)") }
        if let dip, CalendarDate(dip) == nil { throw ValidationError("--dip '\(dip)' is not a date like 2025-11-12") }
    }

    func run() throws {
        let today = try options.currentDate()
        let store: Store
        let existing = try demoStore()
        if let existing, try !existing.pupils().isEmpty {
            store = existing
            print("Using the demo school already in \(location)")
        } else {
            let progress = Progress()
            store = try existing ?? Store.create(at: location, school: DemoSchool.settings())
            let school = try DemoSchool.write(pupils: pupils, seed: seed, today: today, years: years, to: store) { progress.say($0) }
            progress.finish()
            if urn != nil || name != nil {
                var settings = try store.school()
                settings.urn = urn ?? settings.urn
                settings.name = name ?? settings.name
                try store.saveSchool(settings)
            }
            if let day = dip.flatMap(CalendarDate.init) { try DemoSchool.plantDip(on: day, in: store) }
            print("Made \(try store.school().name) in \(location): \(school.pupils.count) pupils in \(school.groups.count) forms, \(school.marks.count) marks for \(school.year.name) up to \(today).")
        }
        if !noTui {
            let screen = try TUI.parse(["--store", location.string] + (options.today.map { ["--today", $0] } ?? []))
            try screen.run()
        }
    }

    /// The demo store already at `location`, nil when there is nothing there yet; any
    /// other store, or a folder with anything in it, is refused: demo's fake pupils,
    /// marks and audit lines could never be taken out of a real school's record.
    private func demoStore() throws -> Store? {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: location.string)) ?? []
        guard !contents.isEmpty else { return nil }
        guard let store = try? Store.open(at: location) else {
            throw Failure("\(location) is not empty and holds no demo school: give demo an empty folder with --store, or none")
        }
        guard try store.school().isDemo else {
            throw Failure("\(location) holds a real school's store (\(try store.school().name)); demo writes only into a store it made: give it another folder with --store")
        }
        return store
    }
}
