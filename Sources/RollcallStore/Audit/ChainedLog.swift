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
/// next append (it was never part of a completed write).
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

    /// Appends bodies (the fields of an entry, such as `AuditEntry.body`) as new lines of
    /// the chain and makes them durable; returns the sequence number of the first. The
    /// caller holds the log's lock.
    @discardableResult
    func append(_ bodies: [String]) throws(StoreError) -> Int {
        guard !bodies.isEmpty else { return 0 }
        try DurableFile.makeDirectory(path.removingLastComponent())
        let created = !DurableFile.exists(path)
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                path, .readWrite, options: [.create, .append], permissions: DurableFile.fileMode)
        } catch {
            throw .io(path: path.string, action: "open", errno: DurableFile.errnoValue(error))
        }
        defer { try? descriptor.close() }
        var (sequence, previous) = try lastLink(descriptor)
        let first = sequence + 1
        var text = ""
        for body in bodies {
            sequence += 1
            let prefix = "{\"seq\":\(sequence),\(body),\"prev\":\"\(previous)\""
            previous = ChainedLog.hash(Array(prefix.utf8))
            text += prefix + ",\"hash\":\"\(previous)\"}\n"
        }
        do {
            _ = try descriptor.writeAll(Array(text.utf8))
        } catch {
            throw .io(path: path.string, action: "append to", errno: DurableFile.errnoValue(error))
        }
        if fsync(descriptor.rawValue) != 0 {
            throw .io(path: path.string, action: "fsync", errno: Errno(rawValue: errno))
        }
        if created { try DurableFile.syncDirectory(path.removingLastComponent()) }
        return first
    }

    /// The sequence number and hash of the last whole line, cutting off a torn last line.
    private func lastLink(_ descriptor: FileDescriptor) throws(StoreError) -> (Int, String) {
        let size = lseek(descriptor.rawValue, 0, SEEK_END)
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
            if ftruncate(descriptor.rawValue, off_t(keep)) != 0 {
                throw .io(path: path.string, action: "cut off the torn last line of", errno: Errno(rawValue: errno))
            }
            tail = Array(tail.prefix(keep - readFrom))
        }
        guard let line = tail.split(separator: UInt8(ascii: "\n")).last else { return (0, ChainedLog.genesis) }
        guard let entry = try? JSONDecoder().decode(Link.self, from: Data(line)) else {
            throw .auditChainBroken(path: path.string, line: 0, detail: "the last line of the log cannot be read; run 'rollcall check'")
        }
        return (entry.seq, entry.hash)
    }

    private func readRange(_ descriptor: FileDescriptor, from start: Int, to end: Int) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: end - start)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor.rawValue, $0.baseAddress, end - start, off_t(start)) }
        guard count == end - start else {
            throw .io(path: path.string, action: "read", errno: Errno(rawValue: errno))
        }
        return bytes
    }

    /// Every entry, oldest first, read by `decode`; an unreadable line is an error naming it.
    func entries<Entry>(_ decode: ([UInt8], Int, FilePath) throws(StoreError) -> Entry) throws(StoreError) -> [Entry] {
        var entries: [Entry] = []
        for (number, line) in try lines() {
            entries.append(try decode(line, number, path))
        }
        return entries
    }

    /// Checks that `decode` reads every line, and every line's hash and its link to the
    /// line before; one problem per break.
    func verify<Entry>(_ decode: ([UInt8], Int, FilePath) throws(StoreError) -> Entry) throws(StoreError) -> [StoreError] {
        var problems: [StoreError] = []
        var previous = ChainedLog.genesis
        var expectedSequence = 1
        for (number, line) in try lines() {
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
                  ChainedLog.hash(Array(line[..<marker])) == entry.hash
            else {
                problems.append(.auditChainBroken(path: path.string, line: number, detail: "this entry was changed after it was written (its hash does not match)"))
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
        }
        return problems
    }

    /// How many lines a transaction already has in the log, for redoing it after a crash.
    func count(transaction: String) throws(StoreError) -> Int {
        let needle = Array("\"txn\":\(JSONText.string(transaction)),".utf8)
        return try lines().count { JSONFile.firstIndex(of: needle, in: $0.1, from: 0) != nil }
    }

    private func lines() throws(StoreError) -> [(Int, [UInt8])] {
        guard let bytes = try DurableFile.read(path) else { return [] }
        var result: [(Int, [UInt8])] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if !line.isEmpty { result.append((number, Array(line))) }
        }
        return result
    }

    /// Reads one line of the amendments audit.
    static func amendment(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> AuditEntry {
        do {
            let decoded = try JSONDecoder().decode(AuditEntry.Line.self, from: Data(line))
            return try AuditEntry(line: decoded)
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

    static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
