/// The login a command acts as when `rollcall gate` runs it for a member of staff who
/// arrived over SSH: set once by the gate, before the command is parsed, and by nothing
/// else (no option or variable sets it). nil: the operating system's login.
enum ActingLogin {
    nonisolated(unsafe) static var current: String?
}
