import Foundation

/// What a command should tell its user once, whatever it was doing: a journal set aside,
/// a store that cannot be written here. The store carries on in each case, so these are
/// not errors; saying them once keeps a long report from repeating one line a thousand
/// times.
public final class StoreNotices: @unchecked Sendable {
    private let lock = NSLock()
    private var said: Set<String> = []
    private var waiting: [String] = []
    private var listener: (@Sendable (String) -> Void)?
    private var readOnly = false

    init() {}

    /// Whether the store was found to be unwritable here: a report then does not try to
    /// save its digest, which would only say the same thing again.
    var storeIsReadOnly: Bool {
        get { lock.lock(); defer { lock.unlock() }; return readOnly }
        set { lock.lock(); defer { lock.unlock() }; readOnly = newValue }
    }

    /// Says `text` unless it was said already.
    func post(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard said.insert(text).inserted else { return }
        if let listener { listener(text) } else { waiting.append(text) }
    }

    /// Sends every notice, those already posted first, to `listener`.
    public func deliver(to listener: @escaping @Sendable (String) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        self.listener = listener
        for text in waiting { listener(text) }
        waiting = []
    }

    /// The notices posted so far that no listener has taken.
    public var pending: [String] {
        lock.lock()
        defer { lock.unlock() }
        return waiting
    }
}
