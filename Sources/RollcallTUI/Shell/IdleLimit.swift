import Foundation

/// How long the screens wait for a key before closing: a session left open on a shared
/// or stolen laptop should not stay open to the registers. Every saved mark is already
/// on disk, so closing loses nothing.
public struct IdleLimit: Sendable {
    public static let allowedMinutes = 1...480

    public let minutes: Int
    /// Seconds on a clock that only goes forward.
    let now: @Sendable () -> Double

    public init(minutes: Int, now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.minutes = minutes
        self.now = now
    }

    var seconds: Double { Double(minutes) * 60 }

    /// Said a minute before closing.
    static let warning = "Closing in a minute without a key; everything saved is on disk"

    /// Said once the screens have closed for want of a key.
    public var farewell: String {
        "Closed after \(minutes) minute\(minutes == 1 ? "" : "s") without a key; everything saved is on disk."
    }
}

extension IdleLimit {
    /// The limit a session gets in any app: the minutes asked for, else 15 over SSH
    /// (where a laptop left open is likeliest to be someone else's to find), else none.
    public static func forSession(minutes: Int?, environment: [String: String]) -> IdleLimit? {
        let overSSH = !(environment["SSH_CONNECTION"] ?? "").isEmpty
        return (minutes ?? (overSSH ? 15 : nil)).map { IdleLimit(minutes: $0) }
    }
}
