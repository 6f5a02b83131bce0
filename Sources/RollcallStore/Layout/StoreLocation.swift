import SystemPackage

/// Where a store lives: `--store DIR`, else `ROLLCALL_STORE`, else the XDG data directory
/// (`$XDG_DATA_HOME/rollcall`, by default `~/.local/share/rollcall`), so that Rollcall
/// works with no set-up at all.
public enum StoreLocation {
    public static func resolve(option: String?, environment: [String: String]) -> FilePath {
        if let option, !option.isEmpty { return FilePath(option) }
        if let store = environment["ROLLCALL_STORE"], !store.isEmpty { return FilePath(store) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return FilePath(data).appending("rollcall")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return FilePath(home).appending(".local/share/rollcall")
    }
}
