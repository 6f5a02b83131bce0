import Foundation
import RollcallCore
import SystemPackage

/// A school kept in a directory of JSON files. See README.md beside this file for the
/// layout, the locking and what survives a crash.
public struct Store: Sendable {
    /// The layout version this Rollcall writes and the newest it can read.
    public static let schemaVersion = 1

    public let root: FilePath
    let layout: StoreLayout

    private init(root: FilePath) {
        self.root = root
        layout = StoreLayout(root: root)
    }

    struct Manifest: Codable {
        let schemaVersion: Int
    }

    /// Makes a new, empty store for a school. `store.json` is written last, so a
    /// directory with one is always a whole store.
    public static func create(at root: FilePath, school: School) throws(StoreError) -> Store {
        let store = Store(root: root)
        if DurableFile.exists(store.layout.manifest) { throw .alreadyAStore(path: root.string) }
        try DurableFile.makeDirectory(root)
        try store.withStoreLock { () throws(StoreError) in
            try DurableFile.replace(store.layout.school, with: JSONFile.encode(school), tag: "create")
            try DurableFile.replace(
                store.layout.manifest, with: JSONFile.encode(Manifest(schemaVersion: schemaVersion)), tag: "create")
        }
        return store
    }

    /// Opens an existing store, refusing one written by a newer Rollcall rather than
    /// misreading or rewriting it.
    public static func open(at root: FilePath) throws(StoreError) -> Store {
        let store = Store(root: root)
        guard let bytes = try DurableFile.read(store.layout.manifest) else { throw .notAStore(path: root.string) }
        let manifest = try JSONFile.decode(Manifest.self, from: bytes, path: store.layout.manifest)
        guard manifest.schemaVersion <= schemaVersion else {
            throw .newerSchema(path: store.layout.manifest.string, found: manifest.schemaVersion, supported: schemaVersion)
        }
        return store
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
        var refusal: (any Error)?
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock(name), .exclusive)
            defer { lock.unlock() }
            DurableFile.sweepTemporaries(of: path)
            var value = try read(T.self, at: path) ?? empty
            do {
                try change(&value)
            } catch {
                refusal = error
                return
            }
            try DurableFile.replace(path, with: JSONFile.encode(value), tag: UUID().uuidString)
        }
        if let refusal { throw refusal }
    }
}
