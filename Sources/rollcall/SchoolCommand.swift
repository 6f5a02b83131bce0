import ArgumentParser
import RollcallCore
import RollcallTUI

/// The school's own settings, beyond what `init` set.
struct SchoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school",
        abstract: "Show or change the school's settings.",
        subcommands: [SchoolShow.self, SchoolSet.self])
}

struct SchoolShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The school's name, URN, LAESTAB and register times.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let school = try options.openToReview().store.school()
        print("""
            name: \(TerminalText.visible(school.name))
            urn: \(school.urn.map(TerminalText.visible) ?? "-")
            laestab: \(school.laestab.map(TerminalText.visible) ?? "-")
            register closes: \(RollcallTUI.Clock.text(school.registerCloses(.am))) AM, \(RollcallTUI.Clock.text(school.registerCloses(.pm))) PM
            """)
    }
}

struct SchoolSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change the school's settings: an admin's change.",
        discussion: "Example: rollcall school set --laestab 8881234")

    @OptionGroup var options: StoreOptions
    @Option(help: "The local authority code and establishment number, seven digits: what a CTF and the census name the school by.")
    var laestab: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        try staff.authorise(.changeSettings, by: try options.login, today: try options.decidingDate(staff))
        var before: String?
        try store.changeSettings(by: staff.recorder(login: try options.login), at: RealClock.now) { school in
            before = school.laestab
            try school.setLAESTAB(laestab)
        }
        if before == laestab {
            print("The school's LAESTAB is \(laestab), as it was.")
        } else {
            print("The school's LAESTAB is \(laestab)" + (before.map { " (it was \($0))" } ?? "") + "; the change is kept in audit/settings.jsonl.")
        }
    }
}
