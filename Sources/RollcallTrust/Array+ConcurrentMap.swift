import Dispatch

extension Array where Element: Sendable {
    /// `transform` of each element, on every core: each school's figures are worked out
    /// apart from every other's, so a trust of 50 schools waits for the slowest core,
    /// not for the sum.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        let outcomes = UnsafeMutableBufferPointer<Swift.Result<Result, any Error>?>.allocate(capacity: count)
        outcomes.initialize(repeating: nil)
        defer { outcomes.deinitialize(); outcomes.deallocate() }
        nonisolated(unsafe) let slots = outcomes
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = Swift.Result { try transform(self[index]) }
            }
        }
        return try outcomes.map { try $0!.get() }
    }
}
