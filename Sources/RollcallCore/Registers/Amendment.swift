import Foundation

/// A change to a mark already in the register.
///
/// The regulations keep the original entry visible and require the amended entry, the
/// reason, the date of the amendment and the name and position of whoever made it; an
/// amendment cannot exist without a reason. A mark entered in error and taken straight
/// back (the register screen's undo) is an amendment to no code: the entry is cleared,
/// and the audit still shows what it was.
public struct Amendment: Hashable, Sendable {
    public let upn: UPN
    public let group: String
    public let session: Session
    public let original: AttendanceCode
    /// The new code; nil when the entry was cleared as made in error.
    public let amended: AttendanceCode?
    public let reason: String
    public let at: Date
    public let by: Recorder
    /// The mark before and after, minutes late and note included: changing either of
    /// those is an amendment too, since minutes late decide `L` against `U` and a note
    /// is what the office relied on.
    public let originalMark: Mark
    public let amendedMark: Mark?

    public init(
        upn: UPN, group: String, session: Session, original: Mark, amended: Mark?,
        reason: String, at: Date, by: Recorder
    ) throws(AmendmentError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired(upn: upn, session: session) }
        self.upn = upn
        self.group = group
        self.session = session
        self.original = original.code
        self.amended = amended?.code
        originalMark = original
        amendedMark = amended
        self.reason = reason
        self.at = at
        self.by = by
    }

    /// An amendment of codes alone, with no minutes late or notes either side.
    public init(
        upn: UPN, group: String, session: Session, original: AttendanceCode,
        amended: AttendanceCode?, reason: String, at: Date, by: Recorder
    ) throws(AmendmentError) {
        try self.init(upn: upn, group: group, session: session, original: Mark(original), amended: amended.map { Mark($0) },
                      reason: reason, at: at, by: by)
    }
}
