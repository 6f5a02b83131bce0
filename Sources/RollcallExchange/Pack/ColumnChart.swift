/// Columns over categories (weeks, year groups, sessions of the week), one per series in
/// each, drawn as inline SVG with its title and description for a screen reader. The
/// table beside it in the pack holds the same numbers.
struct ColumnChart {
    struct Series {
        let name: String
        let colour: (role: String, xterm: Int)
        /// One per category; nil draws nothing (no sessions, or a cohort too small to show).
        let values: [Double?]
    }

    /// A line across the chart: the school's figure, or the persistent-absence line.
    struct Reference {
        let label: String
        let value: Double
    }

    let id: String
    let title: String
    let summary: String
    let categories: [String]
    let series: [Series]
    /// The y axis, in percent.
    let range: ClosedRange<Double>
    var reference: Reference? = nil
    /// A dashed line before the category at each index, labelled (term boundaries).
    var dividers: [(index: Int, label: String)] = []
    /// Label every nth category, when there are too many to read (weeks).
    var labelEvery = 1

    private let width = 680.0, height = 260.0
    private let left = 44.0, right = 12.0, top = 28.0, bottom = 44.0

    func svg() -> Markup {
        var svg = Markup.chart(id: id, title: title, summary: summary, width: width, height: height)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ value: Double) -> Double {
            let clamped = min(max(value, range.lowerBound), range.upperBound)
            return top + plotHeight * (1 - (clamped - range.lowerBound) / (range.upperBound - range.lowerBound))
        }
        for tick in ticks() {
            svg.empty("line", ["x1": Markup.number(left), "x2": Markup.number(width - right), "y1": Markup.number(y(tick)),
                               "y2": Markup.number(y(tick)), "stroke": PackPalette.grid, "stroke-width": "0.5"])
            svg.element("text", ["x": Markup.number(left - 4), "y": Markup.number(y(tick) + 3), "text-anchor": "end", "class": "tick"],
                        "\(Markup.number(tick))%")
        }
        let slot = plotWidth / Double(max(categories.count, 1))
        let columnWidth = slot * 0.8 / Double(max(series.count, 1))
        for (index, category) in categories.enumerated() {
            let x = left + slot * Double(index)
            for (number, series) in series.enumerated() {
                guard let value = series.values[index] else { continue }
                let top = y(value)
                svg.empty("rect", ["x": Markup.number(x + slot * 0.1 + columnWidth * Double(number)), "y": Markup.number(top),
                                   "width": Markup.number(columnWidth), "height": Markup.number(y(range.lowerBound) - top),
                                   "fill": PackPalette.fill(series.colour)])
            }
            if index % labelEvery == 0 {
                svg.element("text", ["x": Markup.number(x + slot / 2), "y": Markup.number(height - bottom + 14), "text-anchor": "middle",
                                     "class": "tick"], category)
            }
        }
        for divider in dividers {
            let x = left + slot * Double(divider.index)
            svg.empty("line", ["x1": Markup.number(x), "x2": Markup.number(x), "y1": Markup.number(top - 14), "y2": Markup.number(y(range.lowerBound)),
                               "stroke": PackPalette.ink, "stroke-width": "1", "stroke-dasharray": "3 3"])
            svg.element("text", ["x": Markup.number(x + 3), "y": Markup.number(top - 6), "class": "tick"], divider.label)
        }
        if let reference {
            svg.empty("line", ["x1": Markup.number(left), "x2": Markup.number(width - right), "y1": Markup.number(y(reference.value)),
                               "y2": Markup.number(y(reference.value)), "stroke": PackPalette.marker, "stroke-width": "1.5"])
            svg.element("text", ["x": Markup.number(width - right), "y": Markup.number(y(reference.value) - 4), "text-anchor": "end",
                                 "class": "tick"], reference.label)
        }
        legend(into: &svg)
        svg.close("svg")
        return svg
    }

    /// Grid lines at a round step (1, 2, 5, 10, 20, 25 or 50 points), four to six across
    /// the range.
    private func ticks() -> [Double] {
        let span = range.upperBound - range.lowerBound
        let step = [1.0, 2, 5, 10, 20, 25, 50].first { span / $0 <= 5 } ?? 100
        return stride(from: (range.lowerBound / step).rounded(.up) * step, through: range.upperBound, by: step).map { $0 }
    }

    private func legend(into svg: inout Markup) {
        guard series.count > 1 else { return }
        var x = left
        for series in series {
            svg.empty("rect", ["x": Markup.number(x), "y": Markup.number(height - 16), "width": "10", "height": "10",
                               "fill": PackPalette.fill(series.colour)])
            svg.element("text", ["x": Markup.number(x + 14), "y": Markup.number(height - 7), "class": "tick"], series.name)
            x += 22 + Double(series.name.count) * 6.5
        }
    }
}
