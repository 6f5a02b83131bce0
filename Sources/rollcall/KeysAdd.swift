import ArgumentParser
import Foundation
import RollcallCore
import RollcallGate
import RollcallExchange
import RollcallStore

struct KeysAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member of staff's OpenSSH public key (an admin's job).",
        discussion: """
            FILE is their public key file (id_ed25519.pub), or - to read the line from standard \
            input. ed25519, ecdsa, FIDO (sk-) keys, and RSA of 2048 bits or more.
            Example: rollcall keys add jsmith /tmp/jsmith.pub
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "Their login on the staff list.") var login: String
    @Argument(help: ArgumentHelp("Their public key file, or - for standard input.", valueName: "file")) var file: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        try staff.authorise(.manageKeys, by: try options.login, today: try options.decidingDate(staff))
        guard staff.members.isEmpty || staff.member(login: login) != nil else {
            throw Failure("'\(login)' is not on the staff list: import them first ('rollcall import staff')")
        }
        guard AuthorizedKeys.isPlain(login), !login.hasPrefix("-") else {
            throw Failure("'\(login)' cannot be given a key: a login here is letters, digits, '.', '_' and '-' only")
        }
        let line = try readLine()
        let key: SSHPublicKey
        do { key = try SSHPublicKey(line: line) } catch { throw Failure("\(file): \(error)") }
        let added = try store.addKey(key, login: login, by: staff.recorder(login: try options.login), at: Date())
        print("\(added.login): \(added.key.type) \(added.fingerprint)")
    }

    /// The first line that is not blank or a comment, at most 16 KB (an RSA key of 16,384
    /// bits is under 3 KB): a key file, not anything that happens to be at the path.
    private func readLine() throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readData(ofLength: 16_384)
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw Failure("\(file): cannot be read") }
            defer { try? handle.close() }
            data = handle.readData(ofLength: 16_384)
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).map(String.init)
            .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }) else {
            throw Failure("\(file): holds no key")
        }
        return line
    }
}
