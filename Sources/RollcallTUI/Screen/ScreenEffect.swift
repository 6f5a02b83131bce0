/// What a screen asks the shell to do.
public enum ScreenEffect: Sendable {
    /// Put a screen the screen made itself on top (a list of the dashboard's figures).
    case push(any Screen)
    /// Build a screen from the records and put it on top.
    case open(any ScreenOrigin)
    /// Do something to the records or the disk; the outcome comes back to `receive`.
    case perform(any ScreenTask)
    /// The records changed: build every screen that has an origin again.
    case refresh
    case back
    case quit
}
