import Foundation
import RollcallCore
import SystemPackage

extension Store {
    /// Every change to the school's settings, oldest first.
    public func settingChanges() throws(StoreError) -> [SettingRecord] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.settingsLog).entries(ChainedLog.settingChange) }
    }

    /// Saves the school's settings as `change` leaves them, and logs each setting it
    /// changed, under the settings' lock.
    public func changeSettings(by recorder: Recorder, at instant: Date, _ change: (inout School) throws -> Void) throws {
        var changes: [SettingChange] = []
        try update(layout.school, lock: "school", empty: try school()) { school in
            let before = school
            try change(&school)
            if before.laestab != school.laestab { changes.append(SettingChange(setting: "laestab", old: before.laestab, new: school.laestab)) }
        }
        guard !changes.isEmpty else { return }
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("settings-log"), .exclusive)
            defer { lock.unlock() }
            try ChainedLog(path: layout.settingsLog).openForAppend().append(changes.map { change in
                (["\"setting\":\(JSONText.string(change.setting))", "\"old\":\(change.old.map(JSONText.string) ?? "null")",
                  "\"new\":\(change.new.map(JSONText.string) ?? "null")"] + JSONText.stamp(by: recorder, at: instant)).joined(separator: ",")
            })
        }
    }
}

/// One line of the settings log as JSON sees it.
struct SettingLine: Decodable {
    let seq: Int
    let setting: String
    let old: String?
    let new: String?
    let at: String
    let by: String
    let name: String?
    let role: String?
}

extension ChainedLog {
    static func settingChange(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> SettingRecord {
        let decoded = try decode(SettingLine.self, line, number: number, path: path)
        guard decoded.setting == "laestab" else {
            throw .damaged(path: path.string, line: number, field: "setting", detail: "'\(TerminalText.visible(decoded.setting))' is not a setting")
        }
        let stamp = try stamp(at: decoded.at, by: decoded.by, name: decoded.name, role: decoded.role, line: number, path: path)
        return SettingRecord(number: decoded.seq, event: SettingChange(setting: decoded.setting, old: decoded.old, new: decoded.new),
                             by: stamp.by, at: stamp.at)
    }
}
