/// What a key does while a screen waits for an answer: text being typed (a reason, a
/// filter, minutes late) or a choice from a short list (the codes).
public enum ModeCommand: Hashable, Sendable {
    /// A character recognised by kind: a letter of the text, a digit.
    case type
    case erase
    case accept
    case cancel
    /// After the register has closed, keep `L` rather than `U`.
    case keepLate
    case up, down, pageUp, pageDown
    /// Stop typing and move with the key pressed.
    case move
    case quit
}
