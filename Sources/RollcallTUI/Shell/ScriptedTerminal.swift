/// A terminal for tests: keys from a script, every frame kept, and the end of the script
/// heard as a stop signal (as if the SSH link dropped), so a session cannot hang. Like
/// ratatui's `TestBackend`, it lets any app's whole sessions run in process.
/// One test drives it from one thread, so it is Sendable for the idle clock to read.
public final class ScriptedTerminal: TerminalDevice, @unchecked Sendable {
    public private(set) var size: Size
    private var script: [Key?]
    public private(set) var frames: [CellBuffer] = []
    public private(set) var stopRequested = false
    /// A clock for the idle limit: each read moves it on by `secondsPerRead`.
    public private(set) var clock: Double = 0
    public var secondsPerRead: Double = 0

    /// `nil` in the script is a key timeout: nothing pressed for a while.
    public init(size: Size = Size(width: 80, height: 24), keys: [Key?]) {
        self.size = size
        script = keys
    }

    public func draw(_ buffer: CellBuffer) { frames.append(buffer) }

    public func readKey(milliseconds: Int32) -> Key? {
        clock += secondsPerRead
        guard !script.isEmpty else {
            stopRequested = true
            return nil
        }
        let key = script.removeFirst()
        if case let .resize(newSize) = key { size = newSize }
        return key
    }

    public var lastFrame: CellBuffer { frames.last ?? CellBuffer(size) }
}
