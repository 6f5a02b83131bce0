/// A change to one of the school's settings, as the settings log keeps it: which, what
/// it was, what it became and why. The LAESTAB names the school in every CTF and census,
/// so who changed it, and when, is kept.
public struct SettingChange: Hashable, Sendable {
    public let setting: String
    public let old: String?
    public let new: String?

    public init(setting: String, old: String?, new: String?) {
        self.setting = setting
        self.old = old
        self.new = new
    }
}

/// A line of the settings log as read back.
public typealias SettingRecord = LoggedEvent<SettingChange>
