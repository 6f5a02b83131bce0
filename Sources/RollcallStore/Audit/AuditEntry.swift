import Foundation
import RollcallCore

/// One line of the audit log: an amendment, where it sits in the chain, and the hashes
/// that make any later edit to it show.
public struct AuditEntry: Hashable, Sendable {
    /// 1 for the first entry of the store, then one more each line.
    public let sequence: Int
    /// The write that made the amendment; one import is one transaction.
    public let transaction: String
    public let amendment: Amendment
    public let previousHash: String
    public let hash: String
}

extension AuditEntry {
    /// The line as JSON sees it, with the field names scripts rely on.
    struct Line: Decodable {
        let seq: Int
        let txn: String
        let upn: String
        let group: String
        let date: String
        let session: String
        let old_code: String
        let new_code: String?
        let reason: String
        let at: String
        let by: String
        let name: String?
        let role: String?
        let prev: String
        let hash: String
    }

    init(line: Line) throws(AuditLineError) {
        guard let session = Session("\(line.date) \(line.session)") else { throw .field("date", line.date) }
        guard let upn = try? UPN(line.upn) else { throw .field("upn", line.upn) }
        guard let original = try? AttendanceCode.parse(line.old_code) else { throw .field("old_code", line.old_code) }
        var amended: AttendanceCode?
        if let code = line.new_code {
            guard let parsed = try? AttendanceCode.parse(code) else { throw .field("new_code", code) }
            amended = parsed
        }
        guard let at = JSONText.instant(parsing: line.at) else { throw .field("at", line.at) }
        let role = line.role.flatMap(StaffRole.init(rawValue:))
        do {
            amendment = try Amendment(
                upn: upn, group: line.group, session: session, original: original, amended: amended,
                reason: line.reason, at: at, by: Recorder(login: line.by, name: line.name, role: role))
        } catch {
            throw .field("reason", line.reason)
        }
        sequence = line.seq
        transaction = line.txn
        previousHash = line.prev
        hash = line.hash
    }

    /// The fields of an amendment as written in the log, before the chain fields are
    /// added: what a transaction's journal holds until it is appended.
    static func body(for amendment: Amendment, transaction: String) -> String {
        var fields = [
            "\"txn\":\(JSONText.string(transaction))",
            "\"upn\":\(JSONText.string(amendment.upn.text))",
            "\"group\":\(JSONText.string(amendment.group))",
            "\"date\":\"\(amendment.session.date)\"",
            "\"session\":\"\(amendment.session.part.rawValue)\"",
            "\"old_code\":\(JSONText.string(amendment.original.symbol))",
            "\"new_code\":\(amendment.amended.map { JSONText.string($0.symbol) } ?? "null")",
            "\"reason\":\(JSONText.string(amendment.reason))",
            "\"at\":\"\(JSONText.instant(amendment.at))\"",
            "\"by\":\(JSONText.string(amendment.by.login))",
        ]
        if let name = amendment.by.name { fields.append("\"name\":\(JSONText.string(name))") }
        if let role = amendment.by.role { fields.append("\"role\":\"\(role.rawValue)\"") }
        return fields.joined(separator: ",")
    }
}

/// A field of an audit line that does not hold what Rollcall wrote there.
enum AuditLineError: Error {
    case field(String, String)
}
