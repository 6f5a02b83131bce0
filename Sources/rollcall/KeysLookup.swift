import ArgumentParser
import Foundation
import RollcallCore
import RollcallGate
import RollcallGate
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
        guard let line = try KeyLookup.line(type: type, base64: key, in: options.open(), binary: binary ?? RollcallBinary.path) else { return }
        print(line)
    }
}

/// This program's own path, for the command an authorized_keys line runs.
enum RollcallBinary {
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
