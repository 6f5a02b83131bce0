import Foundation

/// How long the screens wait for a key before closing: a session left open on a shared
/// or stolen laptop should not stay open to the registers. Every saved mark is already
/// on disk, so closing loses nothing.
public struct IdleLimit {
    public static let allowedMinutes = 1...480

    public let minutes: Int
    /// Seconds on a clock that only goes forward.
    let now: () -> Double

    public init(minutes: Int, now: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.minutes = minutes
        self.now = now
    }

    var seconds: Double { Double(minutes) * 60 }

    /// Said a minute before closing.
    static let warning = "Closing in a minute without a key; every saved mark is on disk"
}
