#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import SystemPackage

/// An append-only log, one JSON object per line: the audit of every amendment, and the
/// interventions log.
///
/// Each line ends with `"prev"`, the hash of the line before, and `"hash"`, the SHA-256
/// of the line's own bytes up to that field. Editing, removing or reordering a line
/// breaks the chain at that point, which `verify` reports. Lines are only ever added;
/// the one exception is a line left half-written by a crash, which is cut off before the
/// next append (it was never part of a completed write). The head file beside the log
/// (`headPath`) records how long the chain was last made, so that lines cut off its end
/// show too.
struct ChainedLog {
    static let genesis = String(repeating: "0", count: 64)
    static let hashMarker = Array(",\"hash\":\"".utf8)

    let path: FilePath

    /// The chain fields every line has, whatever else it holds.
    struct Link: Decodable {
        let seq: Int
        let prev: String
        let hash: String
    }

    /// The count and last hash of the chain as last appended, kept beside the log
    /// (`amendments.head.json` for `amendments.jsonl`): cutting lines off the end of a
    /// log leaves a whole, valid chain, and only a record kept apart shows it is short.
    var headPath: FilePath {
        path.sibling("\(name).head.json")
    }

    struct Head: Codable, Equatable {
        let count: Int
        let hash: String
    }

    func head() throws(StoreError) -> Head? {
        guard let bytes = try DurableFile.read(headPath) else { return nil }
        return try JSONFile.decode(Head.self, from: bytes, path: headPath)
    }

    /// Opens the log to add lines: cuts off a line a crash left half-written, and
    /// refuses, before anything is written anywhere, a log whose last line is not one of
    /// its entries, that is shorter than its head or the store's list of logs says, or
    /// whose head is gone (`makingHead`: only the upgrade of a store from before heads
    /// writes one for a log that has lines). The caller holds the log's lock.
    func openForAppend(makingHead: Bool = false) throws(StoreError) -> Appender {
        let listed = try listedHead()
        // A log the store lists is never made again from nothing: it was removed.
        if let listed, listed.count > 0, !DurableFile.exists(path) {
            throw .auditChainBroken(path: path.string, line: 0,
                                    detail: "the log is gone but the store's list of logs says \(listed.count) entries were written; nothing more is added until it is restored")
        }
        guard let (directory, name) = try DirectoryHandle.parent(of: path, creating: true),
              let descriptor = try directory.openFile(name, flags: O_RDWR | O_APPEND, creating: true) else {
            throw .io(path: path.string, action: "open", errno: .noSuchFileOrDirectory)
        }
        do throws(StoreError) {
            let (sequence, previous) = try lastLink(descriptor)
            let head = try head()
            for (kept, file) in [(head, headPath), (listed, headsPath)] {
                guard let kept, kept.count > sequence || (kept.count == sequence && kept.count > 0 && kept.hash != previous) else { continue }
                throw .auditChainBroken(
                    path: path.string, line: sequence,
                    detail: "the log ends at entry \(sequence) but entry \(kept.count) was written (\(file.name)): lines were removed from its end; nothing more is added until it is restored")
            }
            // A log the store lists has had a head: one gone was removed. (A first append
            // killed before its head leaves a log the list does not name yet.)
            if head == nil, listed != nil, !makingHead {
                throw .auditChainBroken(
                    path: path.string, line: sequence,
                    detail: "its head (\(headPath.name)) is missing, so lines cut off its end could not be seen; nothing more is added until it is restored")
            }
            return Appender(log: self, descriptor: descriptor, sequence: sequence, previous: previous)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// An open log ready for lines to be added at its end.
    final class Appender {
        let log: ChainedLog
        private let descriptor: Int32
        private(set) var sequence: Int
        private var previous: String

        fileprivate init(log: ChainedLog, descriptor: Int32, sequence: Int, previous: String) {
            self.log = log
            self.descriptor = descriptor
            self.sequence = sequence
            self.previous = previous
        }

        deinit { close(descriptor) }

        /// Appends bodies (the fields of an entry, such as `AuditEntry.body`) as new
        /// lines of the chain, makes them durable, then moves the head; returns the
        /// sequence number of the first.
        @discardableResult
        func append(_ bodies: [String]) throws(StoreError) -> Int {
            guard !bodies.isEmpty else { return sequence + 1 }
            let first = sequence + 1
            var text = ""
            for body in bodies {
                sequence += 1
                let prefix = "{\"seq\":\(sequence),\(body),\"prev\":\"\(previous)\""
                previous = ChainedLog.hash(Array(prefix.utf8)[...])
                text += prefix + ",\"hash\":\"\(previous)\"}\n"
            }
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
                if count < 0, errno != EINTR {
                    throw .io(path: log.path.string, action: "append to", errno: Errno(rawValue: errno))
                }
                if count > 0 { written += count }
            }
            if fsync(descriptor) != 0 {
                throw .io(path: log.path.string, action: "fsync", errno: Errno(rawValue: errno))
            }
            try writeHead()
            return first
        }

        /// Writes the head as the log now stands. A crash before it leaves the head
        /// behind the log, which is never mistaken for lines removed.
        func writeHead() throws(StoreError) {
            let head = Head(count: sequence, hash: previous)
            try DurableFile.replace(log.headPath, with: JSONFile.encode(head), tag: "append")
            try log.list(head)
        }
    }

    /// The sequence number and hash of the last whole line, cutting off a torn last line.
    private func lastLink(_ descriptor: Int32) throws(StoreError) -> (Int, String) {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return (0, ChainedLog.genesis) }
        var readFrom = max(0, Int(size) - 65_536)
        var tail: [UInt8] = []
        while true {
            tail = try readRange(descriptor, from: readFrom, to: Int(size))
            if readFrom == 0 || tail.dropLast().contains(UInt8(ascii: "\n")) { break }
            readFrom = max(0, readFrom - 65_536)
        }
        if tail.last != UInt8(ascii: "\n") {
            let keep = tail.lastIndex(of: UInt8(ascii: "\n")).map { readFrom + $0 + 1 } ?? readFrom
            if ftruncate(descriptor, off_t(keep)) != 0 {
                throw .io(path: path.string, action: "cut off the torn last line of", errno: Errno(rawValue: errno))
            }
            if fsync(descriptor) != 0 {
                throw .io(path: path.string, action: "fsync", errno: Errno(rawValue: errno))
            }
            tail = Array(tail.prefix(keep - readFrom))
        }
        guard let line = tail.split(separator: UInt8(ascii: "\n")).last.map(Array.init) else { return (0, ChainedLog.genesis) }
        guard let entry = try? JSONDecoder().decode(Link.self, from: Data(line)),
              let marker = JSONFile.firstIndex(of: ChainedLog.hashMarker, in: line, from: 0),
              ChainedLog.hash(line[..<marker]) == entry.hash else {
            let number = try wholeLines().last?.0 ?? 0
            throw .auditChainBroken(
                path: path.string, line: number,
                detail: "the last line is not an entry of this log, so nothing can be added after it; 'rollcall check' names what is wrong")
        }
        return (entry.seq, entry.hash)
    }

    private func readRange(_ descriptor: Int32, from start: Int, to end: Int) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: end - start)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
        guard count == end - start else {
            throw .io(path: path.string, action: "read", errno: Errno(rawValue: errno))
        }
        return bytes
    }

    /// Every entry, oldest first, read by `decode`; an unreadable line is an error naming it.
    func entries<Entry>(_ decode: ([UInt8], Int, FilePath) throws(StoreError) -> Entry) throws(StoreError) -> [Entry] {
        var entries: [Entry] = []
        for (number, line) in try wholeLines() {
            entries.append(try decode(line, number, path))
        }
        return entries
    }

    /// Checks that `decode` reads every line, every line's hash and its link to the line
    /// before, and that the log is as long as its head says (`headRequired`: a store that
    /// keeps heads names a missing one); one problem per break.
    func verify<Entry>(_ decode: ([UInt8], Int, FilePath) throws(StoreError) -> Entry,
                       headRequired: Bool) throws(StoreError) -> [StoreError] {
        var problems: [StoreError] = []
        var previous = ChainedLog.genesis
        var expectedSequence = 1
        var hashes: [Int: String] = [:]
        let (whole, torn) = try lines()
        let lastLine = torn?.number ?? whole.last?.0 ?? 0
        if let torn {
            problems.append(.leftByACrash(path: "\(path.string):\(torn.number)",
                                          detail: "the last line was cut off part-way (a write that crashed; the next append removes it)"))
        }
        for (number, line) in whole {
            let entry: Link
            do {
                _ = try decode(line, number, path)
                entry = try JSONDecoder().decode(Link.self, from: Data(line))
            } catch let error as StoreError {
                problems.append(error)
                continue
            } catch {
                problems.append(.damaged(path: path.string, line: number, field: nil, detail: "\(error)"))
                continue
            }
            guard let marker = JSONFile.firstIndex(of: ChainedLog.hashMarker, in: line, from: 0),
                  ChainedLog.hash(line[..<marker]) == entry.hash
            else {
                problems.append(.auditChainBroken(path: path.string, line: number, detail: "this entry was changed after it was written (its hash does not match)"))
                hashes[entry.seq] = entry.hash
                previous = entry.hash
                expectedSequence = entry.seq + 1
                continue
            }
            if entry.prev != previous {
                problems.append(.auditChainBroken(path: path.string, line: number, detail: "the entry before this one was removed, added or changed (the chain is broken)"))
            } else if entry.seq != expectedSequence {
                problems.append(.auditChainBroken(path: path.string, line: number, detail: "entry \(entry.seq) stands where entry \(expectedSequence) should"))
            }
            previous = entry.hash
            expectedSequence = entry.seq + 1
            hashes[entry.seq] = entry.hash
        }
        let last = expectedSequence - 1
        let head = try head()
        if let listed = try listedHead(), listed.count > last, (head?.count ?? 0) <= last {
            let what = whole.isEmpty && torn == nil ? (DurableFile.exists(path) ? "the log is empty" : "the log is gone") : "the log ends at entry \(last)"
            problems.append(.auditChainBroken(path: path.string, line: lastLine,
                                              detail: "\(what) but the store's list of logs (\(headsPath.name)) says \(listed.count) entries were written: it was removed or cut short; restore it from a backup"))
        }
        if let head {
            if head.count > last {
                problems.append(.auditChainBroken(path: path.string, line: lastLine, detail: "the log ends at entry \(last) but entry \(head.count) was written (\(headPath.name)): lines were removed from its end"))
            } else if head.count > 0, hashes[head.count] != head.hash {
                problems.append(.auditChainBroken(path: path.string, line: lastLine, detail: "entry \(head.count) is not the one written (\(headPath.name) holds another hash)"))
            }
        } else if headRequired, last > 0 {
            problems.append(.stray(path: headPath.string, detail: "missing: the count of \(path.name)'s entries is kept here, so lines removed from its end cannot be seen without it"))
        }
        return problems
    }

    /// How many lines a transaction already has in the log, for redoing it after a crash.
    /// Only whole lines count: a line a crash cut off part-way was never written, and
    /// the next append removes it, so counting it would leave the write one line short.
    func count(transaction: String) throws(StoreError) -> Int {
        let needle = Array("\"txn\":\(JSONText.string(transaction)),".utf8)
        return try wholeLines().count { JSONFile.firstIndex(of: needle, in: $0.1, from: 0) != nil }
    }

    /// The log's lines that end in a newline, numbered from 1.
    private func wholeLines() throws(StoreError) -> [(Int, [UInt8])] {
        try lines().whole
    }

    /// The whole lines, and the last line if a crash left it without its newline.
    private func lines() throws(StoreError) -> (whole: [(Int, [UInt8])], torn: (number: Int, bytes: [UInt8])?) {
        guard let bytes = try DurableFile.read(path) else { return ([], nil) }
        var whole: [(Int, [UInt8])] = []
        var number = 0
        var pieces = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // The piece after the last newline: empty for a whole log, else a torn line.
        let torn = pieces.removeLast()
        for line in pieces {
            number += 1
            if !line.isEmpty { whole.append((number, Array(line))) }
        }
        return (whole, torn.isEmpty ? nil : (number + 1, Array(torn)))
    }

    /// Reads one line of the amendments audit.
    static func amendment(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> AuditEntry {
        do {
            let data = Data(line)
            let decoder = JSONDecoder()
            return try AuditEntry(link: decoder.decode(AuditEntry.Link.self, from: data),
                                  record: decoder.decode(AuditRecord.self, from: data))
        } catch let AuditLineError.field(name, value) {
            throw .damaged(path: path.string, line: number, field: name, detail: "'\(value)' is not valid here")
        } catch let error as DecodingError {
            let damage = JSONFile.damage(error, bytes: line, path: path.string)
            if case let .damaged(_, _, field, detail) = damage {
                throw .damaged(path: path.string, line: number, field: field, detail: detail)
            }
            throw damage
        } catch {
            throw .damaged(path: path.string, line: number, field: nil, detail: "\(error)")
        }
    }

    /// The SHA-256 of `bytes` in lower-case hex. Hashed from their contiguous storage:
    /// a digest's checksum covers 2 MB on every report, and the generic `DataProtocol`
    /// path costs more than the hashing.
    static func hash(_ bytes: ArraySlice<UInt8>) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
