/// What a screen may know of the world when it handles a key.
public struct ScreenContext: Hashable, Sendable {
    /// Minutes after midnight: whether a late arrival is before the register closed.
    public let minute: Int

    public init(minute: Int) {
        self.minute = minute
    }
}
