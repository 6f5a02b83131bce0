import Dispatch

/// Two pieces of work that need nothing of each other, done at once: where a screen or a
/// report waits on both, and a school's server has two cores or more.
enum SideBySide {
    static func run<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
        let firstResult = Slot<First>(), secondResult = Slot<Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { firstResult.value = first() } else { secondResult.value = second() }
        }
        return (firstResult.value!, secondResult.value!)
    }

    /// One worker's result: written by that worker alone, and read only once
    /// `concurrentPerform` has returned, which orders the two.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
