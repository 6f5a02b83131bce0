import SystemPackage

extension Store {
    /// Replaces `files` and appends `audit` and `admissions` to their logs, all or none
    /// of it after a crash at any moment. One file and nothing to append is a plain atomic
    /// replace; anything more goes through a journal. Caller holds the store lock and the
    /// locks of the files.
    ///
    /// A log that cannot be appended to (its last line is not an entry, or lines were
    /// cut off its end) refuses the write before any file changes.
    func writeTogether(_ files: [(path: FilePath, bytes: [UInt8])], audit: [AuditRecord], admissions: [AdmissionRecord] = [],
                       transaction: String) throws(StoreError) {
        if files.count == 1, audit.isEmpty, admissions.isEmpty, let file = files.first {
            try DurableFile.replace(file.path, with: file.bytes, tag: transaction)
            return
        }
        var locks: [FileLock] = []
        defer { locks.forEach { $0.unlock() } }
        var appenders: [FilePath: ChainedLog.Appender] = [:]
        for (lines, path, name) in [(audit.count, layout.audit, "audit"), (admissions.count, layout.admissions, "admissions")] where lines > 0 {
            locks.append(try FileLock(layout.lock(name), .exclusive))
            appenders[path] = try ChainedLog(path: path).openForAppend()
        }
        var renames: [Journal.Rename] = []
        var temporaries: [FilePath] = []
        let journal: ValidJournal
        do {
            for file in files {
                let temporary = try DurableFile.writeTemporary(file.bytes, beside: file.path, tag: transaction)
                temporaries.append(temporary)
                renames.append(Journal.Rename(from: relative(temporary), to: relative(file.path)))
            }
            let plan = Journal(transaction: transaction, renames: renames, audit: audit, admissions: admissions.isEmpty ? nil : admissions)
            journal = try plan.validated(root: root)
            // The commit point: once this rename is durable, the write will be finished by
            // this process or, if it dies, by the next one to take the store lock.
            try DurableFile.replace(
                layout.journalDirectory.appending("\(transaction).json"), with: JSONFile.encode(plan), tag: "pending")
        } catch {
            // Before the commit point nothing happened: leave nothing behind either.
            for temporary in temporaries { try? DurableFile.remove(temporary) }
            if let error = error as? StoreError { throw error }
            throw .amendmentRefused("\((error as? JournalRejection)?.detail ?? "\(error)")")
        }
        try redo(journal, appenders: appenders)
    }

    private func relative(_ path: FilePath) -> String {
        path.relative(to: root)
    }
}
