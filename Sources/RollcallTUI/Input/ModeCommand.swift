/// What a key does while a screen waits for an answer: text being typed (a reason, a
/// filter, minutes late) or a choice from a short list (the codes).
public enum ModeCommand: Hashable, Sendable {
    /// A character recognised by kind: a letter of the text, a digit.
    case type
    /// A key the text field takes: Backspace, Delete, the cursor keys.
    case edit
    case accept
    case cancel
    /// After the register has closed, keep `L` rather than `U`.
    case keepLate
    case up, down, pageUp, pageDown
    /// Stop typing and move with the key pressed.
    case move
    case quit
}

extension KeyBinding where Action == ModeCommand {
    /// The keys a `TextField` takes besides the characters typed, as one line of help.
    public static func editing(_ what: String) -> KeyBinding {
        KeyBinding(.edit, [.backspace, .delete, .left, .right, .home, .end], "edit \(what): delete, move the cursor")
    }
}
