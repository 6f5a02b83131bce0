import Foundation
import RollcallCore
import SystemPackage

/// A change to the admission register as its log (`audit/admissions.jsonl`) writes it,
/// without the chain's fields: what a journal carries until it is appended. Like the
/// audit's records, it is made into a line again from a checked event (`admissionEvent()`, then
/// `body`), never appended as text.
struct AdmissionRecord: Codable, Equatable {
    let event: String
    let upn: String
    /// The day of the deletion (for a readmission, of the deletion undone).
    let date: String
    let ground: String?
    let reason: String
    let other_school: String?
    let notice_date: String?
    let leave_ended: String?
    let new_address: String?
    let confirmed: [String]?
    /// For an amendment: the item, and its value before and after (null: not held).
    let field: String?
    let old: String?
    let new: String?
    let at: String
    let by: String
    let name: String?
    let role: String?

    init(_ event: AdmissionEvent) {
        var deletion: Deletion?
        switch event.change {
        case let .deleted(deleted):
            deletion = deleted
            self.event = "deleted"
            date = deleted.date.description
            reason = deleted.reason
        case let .readmitted(_, deletedOn, why):
            self.event = "readmitted"
            date = deletedOn.description
            reason = why
        case let .amended(_, _, _, _, why):
            self.event = "amended"
            // The day in England it was made, as the audit and the extract date it.
            date = CalendarDate(event.at, in: School.timeZone).description
            reason = why
        case let .ctfSent(_, destination, _):
            self.event = "ctf-sent"
            date = CalendarDate(event.at, in: School.timeZone).description
            reason = "CTF to \(destination)"
        }
        switch event.change {
        case let .amended(_, item, before, after, _): (field, old, new) = (item.rawValue, before, after)
        case let .ctfSent(_, destination, file): (field, old, new) = ("ctf", destination, file)
        default: (field, old, new) = (nil, nil, nil)
        }
        upn = event.upn.text
        ground = deletion?.ground.rawValue
        other_school = deletion?.otherSchool
        notice_date = deletion?.noticeDate?.description
        leave_ended = deletion?.leaveEnded?.description
        new_address = deletion?.newAddress
        confirmed = deletion?.confirmed
        at = JSONText.instant(event.at)
        by = event.by.login
        name = event.by.name
        role = event.by.role?.rawValue
    }

    /// The event this record states, every field checked.
    func admissionEvent() throws(AuditLineError) -> AdmissionEvent {
        guard let pupil = try? UPN(upn) else { throw .field("upn", upn) }
        guard let day = CalendarDate(date) else { throw .field("date", date) }
        guard let instant = JSONText.instant(parsing: at) else { throw .field("at", at) }
        var recorderRole: StaffRole?
        if let role {
            guard let parsed = StaffRole(rawValue: role) else { throw .field("role", role) }
            recorderRole = parsed
        }
        let recorder = Recorder(login: by, name: name, role: recorderRole)
        switch event {
        case "readmitted":
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .field("reason", reason) }
            return AdmissionEvent(.readmitted(upn: pupil, deletedOn: day, reason: reason), by: recorder, at: instant)
        case "ctf-sent":
            guard let old, CTFDestination(code: old) != nil else { throw .field("old", old ?? "") }
            guard let new, CTFDestination.isFileName(new) else { throw .field("new", new ?? "") }
            return AdmissionEvent(.ctfSent(upn: pupil, destination: old, file: new), by: recorder, at: instant)
        case "amended":
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .field("reason", reason) }
            guard let field, let item = EntryField(rawValue: field) else { throw .field("field", field ?? "") }
            return AdmissionEvent(.amended(upn: pupil, field: item, original: old, amended: new, reason: reason), by: recorder, at: instant)
        case "deleted":
            guard let ground, let letter = DeletionGround(rawValue: ground) else { throw .field("ground", ground ?? "") }
            func date(_ field: String, _ text: String?) throws(AuditLineError) -> CalendarDate? {
                guard let text else { return nil }
                guard let parsed = CalendarDate(text) else { throw .field(field, text) }
                return parsed
            }
            let deletion: Deletion
            do {
                deletion = try Deletion(upn: pupil, ground: letter, date: day, reason: reason, otherSchool: other_school,
                                        noticeDate: try date("notice_date", notice_date), leaveEnded: try date("leave_ended", leave_ended),
                                        newAddress: new_address, confirmed: confirmed ?? [])
            } catch let error as AuditLineError {
                throw error
            } catch {
                throw .field("reason", reason)
            }
            return AdmissionEvent(.deleted(deletion), by: recorder, at: instant)
        default:
            throw .field("event", event)
        }
    }

    /// The fields of an event as the log writes them, the transaction first (how
    /// recovery counts what a crashed write appended), before the chain's fields.
    static func body(for event: AdmissionEvent, transaction: String) -> String {
        let record = AdmissionRecord(event)
        var fields = [
            "\"txn\":\(JSONText.string(transaction))",
            "\"event\":\"\(record.event)\"",
            "\"upn\":\(JSONText.string(record.upn))",
            "\"date\":\"\(record.date)\"",
        ]
        if let ground = record.ground { fields.append("\"ground\":\"\(ground)\"") }
        fields.append("\"reason\":\(JSONText.string(record.reason))")
        for (key, value) in [("other_school", record.other_school), ("notice_date", record.notice_date),
                             ("leave_ended", record.leave_ended), ("new_address", record.new_address)] {
            if let value { fields.append("\"\(key)\":\(JSONText.string(value))") }
        }
        if let confirmed = record.confirmed { fields.append("\"confirmed\":[" + confirmed.map(JSONText.string).joined(separator: ",") + "]") }
        if let field = record.field {
            fields.append("\"field\":\"\(field)\"")
            fields.append("\"old\":\(record.old.map(JSONText.string) ?? "null")")
            fields.append("\"new\":\(record.new.map(JSONText.string) ?? "null")")
        }
        return (fields + JSONText.stamp(by: event.by, at: event.at)).joined(separator: ",")
    }
}

extension ChainedLog {
    /// Reads one line of the admission register's log, naming the field that is wrong.
    static func admission(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> AdmissionEvent {
        let record = try decode(AdmissionRecord.self, line, number: number, path: path)
        do throws(AuditLineError) {
            return try record.admissionEvent()
        } catch {
            guard case let .field(field, value) = error else { throw .damaged(path: path.string, line: number, field: nil, detail: "not an entry") }
            throw .damaged(path: path.string, line: number, field: field, detail: "'\(TerminalText.visible(value))' is not valid here")
        }
    }
}
