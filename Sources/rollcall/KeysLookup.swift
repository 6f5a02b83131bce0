import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

struct KeysLookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Print the authorized_keys line for a key, or nothing: for sshd's AuthorizedKeysCommand.",
        discussion: """
            In sshd_config: AuthorizedKeysCommand /usr/local/bin/rollcall keys lookup %t %k. \
            A key of a login no longer on the staff list gets nothing.
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The key's type (%t).", valueName: "type")) var type: String
    @Argument(help: ArgumentHelp("The key, base64 (%k).", valueName: "key")) var key: String
    @Option(help: ArgumentHelp("The rollcall binary the line runs (default: this one).", valueName: "path")) var binary: String?

    func run() throws {
        let store = try options.open()
        guard let offered = try? SSHPublicKey(type: type, base64: key) else { return }
        let staff = try store.staff()
        guard let held = try store.keys().first(where: { $0.fingerprint == offered.fingerprint }),
              staff.members.isEmpty || staff.member(login: held.login) != nil else { return }
        guard let line = AuthorizedKeys.line(for: held, binary: binary ?? RollcallBinary.path) else {
            throw Failure("no line for \(held.fingerprint): its login or the binary's path is not plain enough to put in a command")
        }
        print(line)
    }
}

/// This program's own path, for the command an authorized_keys line runs.
enum RollcallBinary {
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
