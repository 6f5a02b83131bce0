/// Work a screen asks for that only the app can do: save a mark, write a file. The app
/// names its own tasks; the outcome comes back to the screen that asked.
public protocol ScreenTask: Sendable {
    /// How a failure of the task begins: "Not saved: the disk is full".
    var failure: String { get }
}
