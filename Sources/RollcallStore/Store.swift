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
    /// chained log has a head file (`ChainedLog.headPath`), which `check` requires.
    public static let schemaVersion = 2

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
        if manifest.schemaVersion < 2, upgrading { store.keepHeads() }
        return store
    }

    /// Whether this store keeps a head beside each chained log, so that `check` may
    /// require one.
    func keepsHeads() throws(StoreError) -> Bool {
        guard let bytes = try DurableFile.read(layout.manifest) else { return false }
        return try JSONFile.decode(Manifest.self, from: bytes, path: layout.manifest).schemaVersion >= 2
    }

    /// Upgrades a store written before logs had heads: each log's head is written from
    /// its last line, then the manifest says heads are kept. Left for later when the
    /// store cannot be written here.
    private func keepHeads() {
        try? withStoreLock { () throws(StoreError) in
            for (log, name) in [(layout.audit, "audit"), (layout.interventions, "interventions"), (layout.keys, "keys"), (layout.access, "access"),
                                (layout.admissions, "admissions")] {
                let lock = try FileLock(layout.lock(name), .exclusive)
                defer { lock.unlock() }
                let chain = ChainedLog(path: log)
                guard DurableFile.exists(log), try chain.head() == nil else { continue }
                try chain.openForAppend().writeHead()
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
