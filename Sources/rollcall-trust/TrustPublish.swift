import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore
import RollcallTrust
import SystemPackage

struct TrustPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Send the trust what changed in this school's store since the last publish, as the school's login.",
        discussion: """
            Publishing twice changes nothing; a publish cut off half-way is finished by the next. The store is only read.
            Example: rollcall trust publish --store /srv/rollcall --database postgres://rollcall_school_149521@db.trust.example/rollcall
            """)

    @Option(help: ArgumentHelp("The school's store (default: $ROLLCALL_STORE).", valueName: "dir")) var store: String?
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day the follow-up lists are worked out as of (default: today).", valueName: "yyyy-mm-dd"))
    var asOf: String?
    @OptionGroup var day: TrustDayOptions
    @Flag(help: "Send every table and year of marks again, not only those whose digest changed, and mend any row changed in the database by hand.")
    var full = false

    func run() async throws {
        let location = store ?? ProcessInfo.processInfo.environment["ROLLCALL_STORE"] ?? ""
        guard !location.isEmpty else { throw ValidationError("give the school's store with --store or ROLLCALL_STORE") }
        let day = try TrustReportDay.parse(asOf, "as-of") ?? self.day.day()
        let summary = try await failing {
            let store = try Store.open(at: FilePath(location))
            return try await TrustDatabase.with(try database.settings()) { connection in
                try await Publisher.publish(store, asOf: day, full: full, on: connection) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            }
        }
        print("Published: \(summary.tablesSent) tables and \(summary.yearsSent) years of marks sent, \(summary.yearsUnchanged) unchanged; \(summary.rowsChanged) rows "
              + "changed, \(summary.amendments) amendments and \(summary.interventions) interventions new.")
    }
}
