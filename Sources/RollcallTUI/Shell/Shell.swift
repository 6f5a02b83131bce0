/// Runs screens on a terminal: draws a frame after each change, hands each key to the
/// top screen, and carries out what it asks. Saves happen before the next key is read,
/// so every mark shown as saved is on disk and a dropped link loses nothing. Screens
/// stack: Esc goes back to the one below, and leaving the last one ends the session.
///
/// The loop knows no screen by name: it opens origins through the services, gives
/// outcomes back to whoever asked, and after a `.refresh` builds every screen that has
/// an origin again.
public struct Shell {
    let terminal: any TerminalDevice
    let services: any ScreenServices
    let idle: IdleLimit?

    /// How a session ended.
    public enum Ending: Equatable, Sendable {
        /// The person left, or a stop signal arrived.
        case left
        /// No key came for the idle limit.
        case idle
    }

    public init(terminal: any TerminalDevice, services: any ScreenServices, idle: IdleLimit? = nil) {
        self.terminal = terminal
        self.services = services
        self.idle = idle
    }

    /// Runs from `origin` until the person quits, leaves the last screen, a stop signal
    /// arrives or the idle limit passes, the first screen saying `notice` if there is
    /// one. Throws only if the first screen cannot be built.
    @discardableResult
    public func run(from origin: ScreenOrigin, notice: String? = nil) throws -> Ending {
        var stack: [any Screen] = [try services.open(origin, size: terminal.size)]
        if let notice { stack[0].receive(Outcome(nil, message: notice, isError: false)) }
        // A frame is drawn only after something happened; the key timeout is there so a
        // stop signal is noticed, not to redraw an unchanged screen four times a second.
        var changed = true
        var lastKey = idle?.now() ?? 0, warned = false
        while !terminal.stopRequested, let top = stack.last {
            if changed { terminal.draw(top.render()) }
            guard let key = terminal.readKey(milliseconds: 250) else {
                changed = false
                if let idle {
                    let waited = idle.now() - lastKey
                    if waited >= idle.seconds { return .idle }
                    if waited >= idle.seconds - 60, !warned {
                        warned = true
                        changed = true
                        stack[stack.count - 1].receive(Outcome(nil, message: IdleLimit.warning, isError: true))
                    }
                }
                continue
            }
            lastKey = idle?.now() ?? 0
            warned = false
            changed = true
            let asking = stack.count - 1
            let effects = stack[asking].handle(key, in: ScreenContext(minute: services.minute))
            guard carryOut(effects, from: asking, on: &stack) else { return .left }
            // A screen uncovered by going back may have been drawn for another size.
            if stack.count <= asking, !stack.isEmpty {
                _ = stack[stack.count - 1].handle(.resize(terminal.size), in: ScreenContext(minute: services.minute))
            }
        }
        return .left
    }

    /// Carries out one key's effects in order; false when the session should end. The
    /// outcomes of tasks reach the screen that asked once every effect is done, so a
    /// refresh after an amendment does not wipe out the line that reports it.
    private func carryOut(_ effects: [ScreenEffect], from asking: Int, on stack: inout [any Screen]) -> Bool {
        var outcomes = save(effects.compactMap { effect -> MarkChange? in
            guard case let .perform(.save(change)) = effect else { return nil }
            return change
        })
        for effect in effects {
            switch effect {
            case let .push(screen): stack.append(screen)
            case let .open(origin):
                do {
                    stack.append(try services.open(origin, size: terminal.size))
                } catch {
                    outcomes.append(Outcome(nil, message: "\(error)", isError: true))
                }
            case .perform(.save): continue
            case let .perform(task):
                do {
                    outcomes.append(Outcome(task, message: try services.perform(task), isError: false))
                } catch {
                    outcomes.append(Outcome(task, message: "\(task.failure): \(error)", isError: true))
                }
            case .refresh: refresh(&stack)
            case .back: stack.removeLast()
            case .quit: return false
            }
        }
        if stack.indices.contains(asking) {
            for outcome in outcomes { stack[asking].receive(outcome) }
        }
        return !stack.isEmpty
    }

    /// Saves the marks one key made, in one write for all that share a reason (marking
    /// a whole form present is one fsync, not 30). A save that works says nothing: the
    /// mark in its cell, drawn only once it is durable, is the confirmation, and a line
    /// saying so again would cost a slow link more than the mark.
    private func save(_ changes: [MarkChange]) -> [Outcome] {
        var batches: [(reason: String?, changes: [MarkChange])] = []
        for change in changes {
            if let index = batches.firstIndex(where: { $0.reason == change.reason }) {
                batches[index].changes.append(change)
            } else {
                batches.append((change.reason, [change]))
            }
        }
        return batches.flatMap { batch -> [Outcome] in
            do {
                try services.save(batch.changes, reason: batch.reason)
                return []
            } catch {
                return batch.changes.map { Outcome(.save($0), message: "Not saved: \(error)", isError: true) }
            }
        }
    }

    /// Builds every screen that came from the records again, each at the terminal's size.
    /// One that cannot be built now (the records unreadable for a moment) keeps what it
    /// showed: the outcome of the task that changed them is still said.
    private func refresh(_ stack: inout [any Screen]) {
        for index in stack.indices {
            guard let origin = stack[index].origin, let fresh = try? services.open(origin, size: terminal.size) else { continue }
            stack[index] = fresh
        }
    }
}
