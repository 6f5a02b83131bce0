import SystemPackage

/// The store's own list of its chained logs, each with the count and last hash it was
/// last made to (`audit/heads.json`): a head of heads. A log's head beside it shows
/// lines cut off the log's end; this shows a log removed together with its head, which
/// would otherwise look like a log never begun.
struct LogHeads: Codable, Equatable {
    var logs: [String: ChainedLog.Head]
}

extension ChainedLog {
    /// The log's name in the list: `amendments` for `amendments.jsonl`.
    var name: String {
        let file = path.name
        return file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
    }

    var headsPath: FilePath { path.sibling("heads.json") }

    private var headsLock: FilePath {
        path.folder.sibling("locks").appending("heads.lock")
    }

    /// Every log the store lists, read from `heads.json` beside the logs (none: empty).
    static func listed(in directory: FilePath) throws(StoreError) -> LogHeads {
        let path = directory.appending("heads.json")
        guard let bytes = try DurableFile.read(path) else { return LogHeads(logs: [:]) }
        return try JSONFile.decode(LogHeads.self, from: bytes, path: path)
    }

    /// The count and hash the store's list holds for this log, nil when it does not list it.
    func listedHead() throws(StoreError) -> Head? {
        try ChainedLog.listed(in: path.folder).logs[name]
    }

    /// Records the log's head in the store's list, under the list's own lock: every
    /// log's appender writes it.
    func list(_ head: Head) throws(StoreError) {
        let lock = try FileLock(headsLock, .exclusive)
        defer { lock.unlock() }
        var heads = try ChainedLog.listed(in: path.folder)
        guard heads.logs[name] != head else { return }
        heads.logs[name] = head
        try DurableFile.replace(headsPath, with: JSONFile.encode(heads), tag: "heads")
    }
}
