import RollcallCore
import RollcallTUI

/// What the register is waiting for: marks, or the answer to a question it asked.
public enum RegisterMode: Hashable, Sendable {
    case marking
    /// `C`, `J` or `Y` typed: waiting to see if a digit follows (`C1`, `J1`, `Y3`).
    case pendingCode(Character)
    /// The list of every code, with the highlighted entry.
    case codePicker(index: Int)
    /// `L` typed: how many minutes late. After the register has closed the arrival is
    /// `U` unless the tutor keeps `L` with Tab.
    case minutesLate(TextField, afterClose: Bool)
    /// A change to a mark someone else saved, or saved earlier: why.
    case reason(TextField, change: PendingChange)
    case finding(TextField)
    /// The `?` overlay.
    case help(HelpOverlay)
}

/// A mark waiting for its reason before it is saved.
public struct PendingChange: Hashable, Sendable {
    public let row: Int
    public let column: Int
    public let mark: Mark?
}

/// One change the tutor can take back with undo: the marks as they were before it.
public struct UndoStep: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let row: Int
        public let mark: Mark?
        public let markedHere: Bool
    }

    public let column: Int
    public let previous: [Entry]
}
