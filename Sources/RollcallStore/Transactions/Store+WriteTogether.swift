import SystemPackage

extension Store {
    /// Replaces `files` and appends `audit`, all or none of it after a crash at any
    /// moment. One file and no audit is a plain atomic replace; anything more goes
    /// through a journal. Caller holds the store lock and the locks of the files.
    func writeTogether(_ files: [(path: FilePath, bytes: [UInt8])], audit: [String], transaction: String) throws(StoreError) {
        if files.count == 1, audit.isEmpty, let file = files.first {
            try DurableFile.replace(file.path, with: file.bytes, tag: transaction)
            return
        }
        var renames: [Journal.Rename] = []
        for file in files {
            let temporary = try DurableFile.writeTemporary(file.bytes, beside: file.path, tag: transaction)
            renames.append(Journal.Rename(from: relative(temporary), to: relative(file.path)))
        }
        let journal = Journal(transaction: transaction, renames: renames, audit: audit)
        // The commit point: once this rename is durable, the write will be finished by
        // this process or, if it dies, by the next one to take the store lock.
        try DurableFile.replace(
            layout.journalDirectory.appending("\(transaction).json"), with: JSONFile.encode(journal), tag: "pending")
        try redo(journal, fresh: true)
    }

    private func relative(_ path: FilePath) -> String {
        var components = path.components
        for _ in root.components { components.removeFirst() }
        return FilePath(root: nil, components).string
    }
}
