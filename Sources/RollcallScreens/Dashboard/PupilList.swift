import RollcallTUI

/// A school's lists are lists of pupils: Enter opens the pupil's history. A list opened
/// read-only (a trust's view) offers no export.
enum PupilList {
    static let keys = TableCommand.keys.describing(.open, as: "open the pupil's history", hint: "pupil")

    static func keys(readOnly: Bool) -> KeyTable<TableCommand> { readOnly ? keys.readOnly : keys }

    /// Every key of a list, for its `?` overlay.
    static func sections(readOnly: Bool) -> [KeySection] { [keys(readOnly: readOnly).section, TableCommand.filterKeys.section] }
}
