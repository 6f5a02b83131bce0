#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemPackage

extension Store {
    /// Runs `body` holding the store lock shared, after finishing any write a crashed
    /// process left half-done.
    ///
    /// Every reader and writer holds the store lock shared, so taking it exclusive
    /// waits until no write is under way; any journal still there then belongs to a
    /// process that died, and is safe to finish. One attempt per operation: what cannot
    /// be finished or set aside (a read-only store) is said once, and work goes on.
    func withStoreLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        DirectoryHandle.remember(root)
        let lock = try FileLock(layout.lock("store"), .shared)
        defer { lock.unlock() }
        if lock.isReadOnly {
            notices.storeIsReadOnly = true
            notices.post("\(root) cannot be written here (a read-only copy or a full disk): reports read it as it is, and nothing is saved")
        }
        if journalNeedsAttention() {
            try lock.change(to: .exclusive)
            recover()
            try lock.change(to: .shared)
        }
        return try body()
    }

    /// Whether `journal/` holds anything but the folder of rejected journals: a journal
    /// to finish, a journal's temporary file (a write that died before its commit point,
    /// or one under way, which taking the lock exclusive waits for), or something that
    /// is no journal at all. One listing, for every operation.
    private func journalNeedsAttention() -> Bool {
        DurableFile.list(layout.journalDirectory).contains { $0 != Store.rejectedFolder }
    }

    static let rejectedFolder = "rejected"

    /// Finishes every pending journal, sets aside whatever in `journal/` is not one
    /// Rollcall would apply, and sweeps temporary files. Caller holds the store lock
    /// exclusive. Never throws: a store that cannot be mended here is still read.
    private func recover() {
        guard let directory = try? DirectoryHandle.reach(layout.journalDirectory, creating: false) else { return }
        for name in DurableFile.list(directory) where name != Store.rejectedFolder {
            let path = layout.journalDirectory.appending(name)
            let isFile = directory.kind(of: name) == S_IFREG
            if isFile, name.hasPrefix("."), name.hasSuffix(".tmp") {
                // A journal whose writer died before renaming it: its write never happened.
                try? DurableFile.remove(path)
                continue
            }
            guard isFile, name.hasSuffix(".json") else {
                setAside(name, because: "it is not a journal file")
                continue
            }
            let journal: ValidJournal
            do {
                guard let bytes = try DurableFile.read(path) else { continue }
                journal = try JSONFile.decode(Journal.self, from: bytes, path: path).validated(root: root)
                guard "\(journal.transaction).json" == name else { throw JournalRejection(detail: "its name is not its transaction's") }
            } catch let rejection as JournalRejection {
                setAside(name, because: rejection.detail)
                continue
            } catch {
                setAside(name, because: "it cannot be read: \(error)")
                continue
            }
            do {
                try redo(journal)
            } catch {
                notices.post("journal/\(name): a write that was cut short could not be finished here (\(error)); until it is, reports show the store without it")
            }
        }
        sweepTemporaryFiles(in: root)
    }

    /// Moves a journal Rollcall will not apply into `journal/rejected/`, where `check`
    /// names it until someone has looked at it and removed it.
    private func setAside(_ name: String, because detail: String) {
        let rejected = layout.journalDirectory.appending(Store.rejectedFolder)
        var target = rejected.appending(name)
        var copy = 1
        while DurableFile.exists(target) {
            copy += 1
            target = rejected.appending("\(name).\(copy)")
        }
        do {
            try DurableFile.move(layout.journalDirectory.appending(name), to: target)
            notices.post("journal/\(name) was set aside in journal/\(Store.rejectedFolder)/ and nothing in it was done: \(detail)")
        } catch {
            notices.post("journal/\(name) is not a journal Rollcall will apply (\(detail)), and it could not be set aside: \(error)")
        }
    }

    /// Carries out a journal whose writer may have done none, some or all of it.
    ///
    /// `appenders` are the logs, opened by a writer that holds their locks and has just
    /// written the journal, so none of its lines are in yet: a log is then not read to
    /// see what is done, and an amendment costs the same however long the audit has grown.
    func redo(_ journal: ValidJournal, appenders: [FilePath: ChainedLog.Appender] = [:]) throws(StoreError) {
        for rename in journal.renames where DurableFile.exists(rename.from) {
            try DurableFile.commit(rename.from, to: rename.to)
        }
        try appendOnce(journal.audit, to: layout.audit, lock: "audit", transaction: journal.transaction, appender: appenders[layout.audit])
        try appendOnce(journal.admissions, to: layout.admissions, lock: "admissions", transaction: journal.transaction,
                       appender: appenders[layout.admissions])
        try DurableFile.remove(layout.journalDirectory.appending("\(journal.transaction).json"))
        try DurableFile.syncDirectory(layout.journalDirectory)
    }

    /// Appends a transaction's `lines` to `log`, those of them not in it already.
    private func appendOnce(_ lines: [String], to path: FilePath, lock name: String, transaction: String,
                            appender: ChainedLog.Appender?) throws(StoreError) {
        guard !lines.isEmpty else { return }
        if let appender {
            try appender.append(lines)
            return
        }
        let lock = try FileLock(layout.lock(name), .exclusive)
        defer { lock.unlock() }
        let log = ChainedLog(path: path)
        // Opening cuts off a line a crash left half-written, which then does not count as done.
        let opened = try log.openForAppend()
        let remaining = lines.dropFirst(try log.count(transaction: transaction))
        // Every line may be in, the head not yet: a crash between the two.
        if remaining.isEmpty { try opened.writeHead() } else { try opened.append(Array(remaining)) }
    }

    /// Removes `*.tmp` files left by writers that died before their journal was written,
    /// in the store's own folders only: a link is never entered.
    private func sweepTemporaryFiles(in directory: FilePath) {
        guard let handle = try? DirectoryHandle.reach(directory, creating: false) else { return }
        for name in DurableFile.list(handle) where name != "locks" && name != Store.rejectedFolder {
            switch handle.kind(of: name) {
            case S_IFREG where name.hasSuffix(".tmp"):
                unlinkat(handle.descriptor, name, 0)
            case S_IFDIR:
                sweepTemporaryFiles(in: directory.appending(name))
            default:
                break
            }
        }
    }
}
