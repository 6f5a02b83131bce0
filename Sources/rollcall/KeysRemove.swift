import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct KeysRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a key by its fingerprint (an admin's job): it can no longer log in.",
        discussion: "Example: rollcall keys remove SHA256:caa7Tn64ffFgpJDSpYp9m+/2Yhs6iBkwbyNIaNaYHhk")

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The key's fingerprint, as 'rollcall keys list' shows it.", valueName: "fingerprint"))
    var fingerprint: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        try staff.authorise(.manageKeys, by: try options.login, today: try options.decidingDate(staff))
        let removed = try store.removeKey(fingerprint: fingerprint, by: staff.recorder(login: try options.login), at: Date())
        print("Removed \(removed.login)'s \(removed.key.type) key \(removed.fingerprint)")
    }
}
