import Foundation
import RollcallCore

/// An amendment as the audit writes it, without the chain's fields: what a journal
/// carries until its lines are appended.
///
/// A journal holds records, not lines of text, so that whatever a journal file says, the
/// line appended is one the store made from a valid amendment (`amendment()`, then
/// `AuditEntry.body`): a newline or a forged field in a journal cannot become a line.
struct AuditRecord: Codable, Equatable {
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
    let old_minutes_late: Int?
    let new_minutes_late: Int?
    let old_note: String?
    let new_note: String?

    init(_ amendment: Amendment) {
        upn = amendment.upn.text
        group = amendment.group
        date = amendment.session.date.description
        session = amendment.session.part.rawValue
        old_code = amendment.original.symbol
        new_code = amendment.amended?.symbol
        reason = amendment.reason
        at = JSONText.instant(amendment.at)
        by = amendment.by.login
        name = amendment.by.name
        role = amendment.by.role?.rawValue
        old_minutes_late = amendment.originalMark.minutesLate
        new_minutes_late = amendment.amendedMark?.minutesLate
        old_note = amendment.originalMark.note
        new_note = amendment.amendedMark?.note
    }

    /// The amendment this record states, every field checked as the log's reader checks it.
    func amendment() throws(AuditLineError) -> Amendment {
        guard let sessionValue = Session("\(date) \(session)") else { throw .field("date", date) }
        guard let upnValue = try? UPN(upn) else { throw .field("upn", upn) }
        guard let original = try? AttendanceCode.parse(old_code) else { throw .field("old_code", old_code) }
        var amended: Mark?
        if let new_code {
            guard let parsed = try? AttendanceCode.parse(new_code) else { throw .field("new_code", new_code) }
            amended = Mark(parsed, minutesLate: new_minutes_late, note: new_note)
        }
        guard let instant = JSONText.instant(parsing: at) else { throw .field("at", at) }
        var recorderRole: StaffRole?
        if let role {
            guard let parsed = StaffRole(rawValue: role) else { throw .field("role", role) }
            recorderRole = parsed
        }
        guard !group.isEmpty else { throw .field("group", group) }
        do {
            return try Amendment(
                upn: upnValue, group: group, session: sessionValue,
                original: Mark(original, minutesLate: old_minutes_late, note: old_note), amended: amended,
                reason: reason, at: instant, by: Recorder(login: by, name: name, role: recorderRole))
        } catch {
            throw .field("reason", reason)
        }
    }
}
