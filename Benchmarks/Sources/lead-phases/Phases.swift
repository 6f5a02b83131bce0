/// Each phase's times, in milliseconds, in the order the phases first ran.
final class Phases {
    private var phases: [(name: String, times: [Double])] = []

    func time<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try work()
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if let index = phases.firstIndex(where: { $0.name == name }) { phases[index].times.append(ms) } else { phases.append((name, [ms])) }
        return result
    }

    /// Each phase's median, and with `first` its first run too (everything cold, as in a
    /// whole process).
    func report(first: Bool = false) {
        for phase in phases {
            let median = phase.times.sorted()[phase.times.count / 2]
            let shown = first ? String(format: "%8.2f ms first, %8.2f ms median", phase.times[0], median) : String(format: "%8.2f ms", median)
            print("\(shown)  \(phase.name)")
        }
    }
}
