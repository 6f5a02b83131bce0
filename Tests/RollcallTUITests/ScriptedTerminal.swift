@testable import RollcallTUI

/// A terminal for tests: keys from a script, every frame kept, and the end of the script
/// heard as a stop signal (as if the SSH link dropped), so a session cannot hang.
final class ScriptedTerminal: TerminalDevice {
    var size: Size
    private var script: [Key?]
    private(set) var frames: [CellBuffer] = []
    private(set) var stopRequested = false
    /// A clock for the idle limit: each read moves it on by `secondsPerRead`.
    private(set) var clock: Double = 0
    var secondsPerRead: Double = 0

    /// `nil` in the script is a key timeout: nothing pressed for a while.
    init(size: Size = Size(width: 80, height: 24), keys: [Key?]) {
        self.size = size
        script = keys
    }

    func draw(_ buffer: CellBuffer) { frames.append(buffer) }

    func readKey(milliseconds: Int32) -> Key? {
        clock += secondsPerRead
        guard !script.isEmpty else {
            stopRequested = true
            return nil
        }
        let key = script.removeFirst()
        if case let .resize(newSize) = key { size = newSize }
        return key
    }

    var lastFrame: CellBuffer { frames.last ?? CellBuffer(size) }
}
