import Foundation
import SystemPackage

extension Store {
    /// Runs `body` holding the store lock shared, after finishing any write a crashed
    /// process left half-done.
    ///
    /// Every reader and writer holds the store lock shared, so taking it exclusive
    /// waits until no write is under way; any journal still there then belongs to a
    /// process that died, and is safe to finish.
    func withStoreLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let lock = try FileLock(layout.lock("store"), .shared)
        defer { lock.unlock() }
        while journalsNeedRecovery() {
            try lock.change(to: .exclusive)
            try recover()
            try lock.change(to: .shared)
        }
        return try body()
    }

    /// Whether `journal/` holds a journal to finish, or a journal's temporary file: a
    /// write that died before its commit point (or one under way, which taking the lock
    /// exclusive waits for), which no later write of a marks file would sweep. One
    /// listing, for every operation.
    private func journalsNeedRecovery() -> Bool {
        DurableFile.list(layout.journalDirectory).contains { $0.hasSuffix(".json") || $0.hasSuffix(".tmp") }
    }

    func pendingJournals() -> [String] {
        DurableFile.list(layout.journalDirectory).filter { $0.hasSuffix(".json") }
    }

    /// Finishes every pending journal and sweeps temporary files. Caller holds the store
    /// lock exclusive.
    private func recover() throws(StoreError) {
        for name in pendingJournals() {
            let path = layout.journalDirectory.appending(name)
            guard let bytes = try DurableFile.read(path) else { continue }
            let journal = try JSONFile.decode(Journal.self, from: bytes, path: path)
            try redo(journal)
        }
        sweepTemporaryFiles(in: layout.root)
    }

    /// Carries out a journal whose writer may have done none, some or all of it.
    ///
    /// `fresh` says the journal was written a moment ago by this process, which has
    /// appended none of its audit yet: the log is then not read to see what is done,
    /// so an amendment costs the same however long the audit has grown.
    func redo(_ journal: Journal, fresh: Bool = false) throws(StoreError) {
        for rename in journal.renames {
            let from = layout.root.appending(rename.from)
            if DurableFile.exists(from) {
                try DurableFile.commit(from, to: layout.root.appending(rename.to))
            }
        }
        if !journal.audit.isEmpty {
            let lock = try FileLock(layout.lock("audit"), .exclusive)
            defer { lock.unlock() }
            let log = ChainedLog(path: layout.audit)
            let done = fresh ? 0 : try log.count(transaction: journal.transaction)
            try log.append(Array(journal.audit.dropFirst(done)))
        }
        let path = layout.journalDirectory.appending("\(journal.transaction).json")
        try DurableFile.remove(path)
        try DurableFile.syncDirectory(layout.journalDirectory)
    }

    /// Removes `*.tmp` files left by writers that died before their journal was written.
    private func sweepTemporaryFiles(in directory: FilePath) {
        for name in DurableFile.list(directory) where name != "locks" {
            let path = directory.appending(name)
            if name.hasSuffix(".tmp") {
                try? DurableFile.remove(path)
            } else if !name.contains(".") {
                sweepTemporaryFiles(in: path)
            }
        }
    }
}
