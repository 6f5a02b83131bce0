import ArgumentParser

/// `rollcall keys`: the SSH keys that let staff reach the school through `rollcall gate`.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Staff SSH keys: add, list and remove them, and answer sshd's question of whose a key is.",
        discussion: """
            Staff reach the school through one service account over OpenSSH; each key on \
            the staff list is forced to run 'rollcall gate LOGIN'. sshd asks 'rollcall keys \
            lookup %t %k' (AuthorizedKeysCommand) for a key's line. Every change is kept in \
            audit/keys.jsonl, hash-chained like the audit.
            Example: rollcall keys add jsmith ~/jsmith.pub
            """,
        subcommands: [KeysAdd.self, KeysList.self, KeysRemove.self, KeysLookup.self, KeysAuthorizedKeys.self])
}
