/// Runs screens on a terminal: draws a frame after each change (and again once the screen
/// has done what it left until after its first), hands each key to the top screen, and
/// carries out what it asks. Tasks happen before the next key is read,
/// so every mark shown as saved is on disk and a dropped link loses nothing. Screens
/// stack: Esc goes back to the one below, and leaving the last one ends the session.
///
/// The loop knows no app and no screen by name: it opens origins through the app's
/// services, hands them the tasks screens ask for, gives outcomes back to whoever asked,
/// and after a `.refresh` builds every screen that has an origin again. The idle limit
/// is the shell's, whichever app runs in it.
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
    public func run(from origin: any ScreenOrigin, notice: String? = nil) throws -> Ending {
        var stack: [any Screen] = [try services.open(origin, size: terminal.size)]
        if let notice { stack[0].receive(Outcome(nil, message: notice, isError: false)) }
        // A frame is drawn only after something happened; the key timeout is there so a
        // stop signal is noticed, not to redraw an unchanged screen four times a second.
        var changed = true
        var lastKey = idle?.now() ?? 0, warned = false
        while !terminal.stopRequested, let top = stack.last {
            if changed {
                terminal.draw(top.render())
                if stack[stack.count - 1].settle() { terminal.draw(stack[stack.count - 1].render()) }
            }
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

    /// Carries out one key's effects: first its tasks, together and in order (so the app
    /// can save a whole form's marks in one write), then the rest in order. The outcomes
    /// reach the screen that asked once every effect is done, so a refresh after an
    /// amendment does not wipe out the line that reports it. False when the session
    /// should end.
    private func carryOut(_ effects: [ScreenEffect], from asking: Int, on stack: inout [any Screen]) -> Bool {
        let tasks = effects.compactMap { effect -> (any ScreenTask)? in
            guard case let .perform(task) = effect else { return nil }
            return task
        }
        var outcomes = tasks.isEmpty ? [] : services.perform(tasks)
        for effect in effects {
            switch effect {
            case let .push(screen): stack.append(screen)
            case let .open(origin):
                do {
                    stack.append(try services.open(origin, size: terminal.size))
                } catch {
                    outcomes.append(Outcome(nil, message: "\(error)", isError: true))
                }
            case .perform: continue
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
