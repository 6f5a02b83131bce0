import RollcallCore

/// A mark the register asks to save: nil clears it; `previous` is what the screen showed
/// before, put back if the save fails.
public struct MarkChange: Hashable, Sendable {
    public let upn: UPN
    public let group: String
    public let session: Session
    public let mark: Mark?
    public let previous: Mark?
    /// Why, for the audit: nil for a first mark.
    public let reason: String?
    /// The pupil's earlier forms, so a mark made there is changed where it stands.
    public let formerGroups: [String]

    public init(upn: UPN, group: String, session: Session, mark: Mark?, previous: Mark?, reason: String?, formerGroups: [String] = []) {
        self.upn = upn
        self.group = group
        self.session = session
        self.mark = mark
        self.previous = previous
        self.reason = reason
        self.formerGroups = formerGroups
    }
}
