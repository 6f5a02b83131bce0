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
    /// The chain's fields of a line; the rest is an `AuditRecord`.
    struct Link: Decodable {
        let seq: Int
        let txn: String
        let prev: String
        let hash: String
    }

    init(link: Link, record: AuditRecord) throws(AuditLineError) {
        amendment = try record.amendment()
        sequence = link.seq
        transaction = link.txn
        previousHash = link.prev
        hash = link.hash
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
        ] + JSONText.stamp(by: amendment.by, at: amendment.at)
        // Minutes late and notes, either side, only where there are any: most amendments are of codes alone.
        if let minutes = amendment.originalMark.minutesLate { fields.append("\"old_minutes_late\":\(minutes)") }
        if let minutes = amendment.amendedMark?.minutesLate { fields.append("\"new_minutes_late\":\(minutes)") }
        if let note = amendment.originalMark.note { fields.append("\"old_note\":\(JSONText.string(note))") }
        if let note = amendment.amendedMark?.note { fields.append("\"new_note\":\(JSONText.string(note))") }
        return fields.joined(separator: ",")
    }
}

/// A field of an audit line that does not hold what Rollcall wrote there.
enum AuditLineError: Error {
    case field(String, String)
}
