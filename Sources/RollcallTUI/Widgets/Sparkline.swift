import RollcallCore

/// A week-by-week trend in one line of block characters, scaled between the lowest and
/// highest rate shown so that a dip of one point is visible.
public enum Sparkline {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per rate; a week with no possible session is a space.
    public static func blocks(for rates: [Percentage?]) -> String {
        let values = rates.compactMap { $0?.value }
        guard let low = values.min(), let high = values.max() else { return String(repeating: " ", count: rates.count) }
        return String(rates.map { rate -> Character in
            guard let value = rate?.value else { return " " }
            let level = high == low ? blocks.count / 2 : Int((value - low) / (high - low) * Double(blocks.count - 1) + 0.5)
            return blocks[level]
        })
    }
}
