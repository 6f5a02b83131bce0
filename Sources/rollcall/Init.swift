import ArgumentParser
import RollcallCore
import RollcallStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store for a school.",
        discussion: "Example: rollcall init --school-name \"Hollins Park Academy\" --urn 149521 --register-open-minutes 30")

    @OptionGroup var options: StoreOptions

    @Option(help: "The school's name.") var schoolName: String
    @Option(help: "The school's unique reference number.") var urn: String?
    @Option(help: "The local authority.") var localAuthority: String?
    @Option(help: "The local authority code and establishment number, seven digits: what a CTF and the census name the school by.")
    var laestab: String?
    @Option(help: "How long the register stays open each session (1-30 minutes).") var registerOpenMinutes = 30

    func run() throws {
        var school = try School(name: schoolName, urn: urn, localAuthority: localAuthority, registerOpenMinutes: registerOpenMinutes)
        try school.setLAESTAB(laestab)
        let store = try Store.create(at: options.location, school: school)
        print("Created a store for \(school.name) in \(store.root)")
    }
}
