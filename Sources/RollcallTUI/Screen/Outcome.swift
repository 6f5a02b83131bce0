/// How a task went, as the screen that asked will say it.
public struct Outcome: Hashable, Sendable {
    public let task: ScreenTask?
    public let message: String?
    public let isError: Bool

    public init(_ task: ScreenTask?, message: String?, isError: Bool) {
        self.task = task
        self.message = message
        self.isError = isError
    }
}
