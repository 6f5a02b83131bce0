#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import RollcallCore
import SystemPackage

/// A school kept in a directory of JSON files. See README.md beside this file for the
/// layout, the locking and what survives a crash.
public struct Store: Sendable {
    /// The layout version this Rollcall writes and the newest it can read. 2: each
    /// chained log has a head file (`ChainedLog.headPath`), which `check` requires. 3:
    /// the store lists its logs and their heads (`LogHeads`), so a log removed with its
    /// head is seen.
    public static let schemaVersion = 3

    /// The store's directory, with any link in the path to it resolved once, here: the
    /// administrator chose it. Inside it, no link is ever followed (`DirectoryHandle`).
    public let root: FilePath
    let layout: StoreLayout
    /// What this store has to tell the user once: see `StoreNotices`.
    public let notices = StoreNotices()

    private init(root: FilePath) {
        self.root = Store.resolved(root)
        layout = StoreLayout(root: self.root)
        DirectoryHandle.remember(self.root)
    }

    /// `path` made absolute with every link in it resolved, as far as it exists; the
    /// rest, not yet made, appended as given.
    private static func resolved(_ path: FilePath) -> FilePath {
        var existing = path.isAbsolute ? path : FilePath(FileManager.default.currentDirectoryPath).pushing(path)
        var missing: [FilePath.Component] = []
        while true {
            if let real = realpath(existing.string, nil) {
                defer { free(real) }
                var result = FilePath(String(cString: real))
                for component in missing.reversed() { result.append(component) }
                return result
            }
            guard let last = existing.lastComponent else { return existing }
            missing.append(last)
            existing.removeLastComponent()
        }
    }

    struct Manifest: Codable {
        let schemaVersion: Int
    }

    /// Makes a new, empty store for a school. `store.json` is written last, so a
    /// directory with one is always a whole store.
    public static func create(at root: FilePath, school: School) throws(StoreError) -> Store {
        let store = Store(root: root)
        if DurableFile.exists(store.layout.manifest) { throw .alreadyAStore(path: root.string) }
        try DurableFile.makeDirectory(store.root)
        DirectoryHandle.remember(store.root)
        try store.withStoreLock { () throws(StoreError) in
            try DurableFile.replace(store.layout.school, with: JSONFile.encode(school), tag: "create")
            try DurableFile.replace(
                store.layout.manifest, with: JSONFile.encode(Manifest(schemaVersion: schemaVersion)), tag: "create")
        }
        return store
    }

    /// Opens an existing store, refusing one written by a newer Rollcall rather than
    /// misreading or rewriting it. An older one is upgraded unless `upgrading` is false
    /// (`check`, which changes nothing).
    public static func open(at root: FilePath, upgrading: Bool = true) throws(StoreError) -> Store {
        let store = Store(root: root)
        guard let bytes = try DurableFile.read(store.layout.manifest) else { throw .notAStore(path: root.string) }
        let manifest = try JSONFile.decode(Manifest.self, from: bytes, path: store.layout.manifest)
        guard manifest.schemaVersion <= schemaVersion else {
            throw .newerSchema(path: store.layout.manifest.string, found: manifest.schemaVersion, supported: schemaVersion)
        }
        if manifest.schemaVersion < schemaVersion, upgrading { store.keepHeads() }
        store.noticeLogsRemoved()
        store.noticeFoldersOpenToOthers()
        return store
    }

    /// Says once, for every command, which of the store's folders others may write:
    /// anyone in the folder's group, or on the machine, could put a file of their own in
    /// the school's record. `check` names every file and folder with another mode.
    private func noticeFoldersOpenToOthers() {
        var folders = [root]
        for name in DurableFile.list(root) { folders.append(root.appending(name)) }
        for year in DurableFile.list(layout.marksDirectory) { folders.append(layout.marksDirectory.appending(year)) }
        for folder in folders {
            var status = stat()
            guard lstat(folder.string, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_mode & 0o022 != 0 else { continue }
            let mode = String(status.st_mode & 0o7777, radix: 8)
            notices.post("\(folder) may be written by others (mode \(mode)): anyone who can could put a file in the school's record; "
                         + "run 'chmod 700' on it ('rollcall check' names every file and folder)")
        }
    }

    /// One of the store's chained logs: where it is, the name of its lock, and how
    /// `check` verifies it with its own reader of lines.
    struct KeptLog {
        let path: FilePath
        let lock: String
        let verify: (ChainedLog, _ headRequired: Bool) throws(StoreError) -> [StoreError]
    }

    /// Every chained log of this store: a log added here is upgraded, named when gone
    /// and checked, with no other list to keep in step.
    var chainedLogs: [KeptLog] {
        [KeptLog(path: layout.audit, lock: "audit") { log, required throws(StoreError) in try log.verify(ChainedLog.amendment, headRequired: required) },
         KeptLog(path: layout.interventions, lock: "interventions") { log, required throws(StoreError) in try log.verify(ChainedLog.intervention, headRequired: required) },
         KeptLog(path: layout.keys, lock: "keys") { log, required throws(StoreError) in try log.verify(ChainedLog.keyChange, headRequired: required) },
         KeptLog(path: layout.access, lock: "access") { log, required throws(StoreError) in try log.verify(ChainedLog.accessEvent, headRequired: required) },
         KeptLog(path: layout.admissions, lock: "admissions") { log, required throws(StoreError) in try log.verify(ChainedLog.admission, headRequired: required) },
         KeptLog(path: layout.calendarLog, lock: "calendar-log") { log, required throws(StoreError) in try log.verify(ChainedLog.calendarAmendment, headRequired: required) },
         KeptLog(path: layout.leave, lock: "leave") { log, required throws(StoreError) in try log.verify(ChainedLog.leave, headRequired: required) },
         KeptLog(path: layout.offsite, lock: "offsite") { log, required throws(StoreError) in try log.verify(ChainedLog.offsite, headRequired: required) },
         KeptLog(path: layout.settingsLog, lock: "settings-log") { log, required throws(StoreError) in try log.verify(ChainedLog.settingChange, headRequired: required) }]
    }

    /// Says once, for every command, that a log the store lists is gone or lost its head:
    /// nothing more is added to it, and `check` names it.
    private func noticeLogsRemoved() {
        guard let listed = try? ChainedLog.listed(in: layout.audit.folder) else { return }
        for kept in chainedLogs {
            let path = kept.path, log = ChainedLog(path: path)
            guard let head = listed.logs[log.name], head.count > 0 else { continue }
            let missing = [path, log.headPath].filter { !DurableFile.exists($0) }.map(\.name)
            guard !missing.isEmpty else { continue }
            notices.post("audit/\(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") missing, though the store's list of logs "
                         + "says \(head.count) entries were written: nothing more is added to \(path.name) until it is restored "
                         + "from a backup ('rollcall check' names every problem)")
        }
    }

    /// Whether this store keeps a head beside each chained log, so that `check` may
    /// require one.
    func keepsHeads() throws(StoreError) -> Bool {
        guard let bytes = try DurableFile.read(layout.manifest) else { return false }
        return try JSONFile.decode(Manifest.self, from: bytes, path: layout.manifest).schemaVersion >= 2
    }

    /// Upgrades a store written before logs had heads, or before the store listed them:
    /// each log's head is written from its last line and listed, then the manifest says
    /// so. Left for later when the store cannot be written here.
    private func keepHeads() {
        try? withStoreLock { () throws(StoreError) in
            for kept in chainedLogs {
                let lock = try FileLock(layout.lock(kept.lock), .exclusive)
                defer { lock.unlock() }
                let chain = ChainedLog(path: kept.path)
                guard DurableFile.exists(kept.path) else { continue }
                try chain.openForAppend(makingHead: true).writeHead()
            }
            try DurableFile.replace(layout.manifest, with: JSONFile.encode(Manifest(schemaVersion: Store.schemaVersion)), tag: "heads")
        }
    }

    // MARK: Reading and replacing whole files

    func read<T: Decodable>(_ type: T.Type, at path: FilePath) throws(StoreError) -> T? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        return try JSONFile.decode(type, from: bytes, path: path)
    }

    /// Read, change and write one file under its own lock, so that two writers never
    /// lose each other's changes. An error thrown by `change` writes nothing and is
    /// passed on as it is.
    func update<T: Codable>(
        _ path: FilePath, lock name: String, empty: T, _ change: (inout T) throws -> Void
    ) throws {
        try updateAdmitting(path, lock: name, empty: empty) { (value: inout T) throws -> [AdmissionEvent] in
            try change(&value)
            return []
        }
    }

    /// The same, with the changes to the admission register that `change` returns
    /// appended to its log in the same write.
    func updateAdmitting<T: Codable>(
        _ path: FilePath, lock name: String, empty: T, _ change: (inout T) throws -> [AdmissionEvent]
    ) throws {
        var refusal: (any Error)?
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock(name), .exclusive)
            defer { lock.unlock() }
            DurableFile.sweepTemporaries(of: path)
            var value = try read(T.self, at: path) ?? empty
            let events: [AdmissionEvent]
            do {
                events = try change(&value)
            } catch {
                refusal = error
                return
            }
            try writeTogether([(path, JSONFile.encode(value))], audit: [], admissions: events.map(AdmissionRecord.init),
                              transaction: UUID().uuidString.lowercased())
        }
        if let refusal { throw refusal }
    }
}
