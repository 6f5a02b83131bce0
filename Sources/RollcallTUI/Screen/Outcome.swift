/// How a task went, as the screen that asked will say it.
public struct Outcome: Sendable {
    public let task: (any ScreenTask)?
    public let message: String?
    public let isError: Bool

    public init(_ task: (any ScreenTask)?, message: String?, isError: Bool) {
        self.task = task
        self.message = message
        self.isError = isError
    }
}
