/// Horizontal bars, one per row (absence codes, cohorts), each with its value written
/// beside it, and optionally a line marking the school's figure so a gap shows at a
/// glance.
struct BarChart {
    struct Bar {
        let label: String
        /// nil for a row shown without a bar: a cohort too small to publish.
        let value: Double?
        /// What is written beside the bar: "12.5%", "340", "fewer than 10 pupils".
        let text: String
        let colour: (role: String, xterm: Int)
    }

    let id: String
    let title: String
    let summary: String
    let bars: [Bar]
    var marker: ColumnChart.Reference? = nil

    private let width = 680.0, rowHeight = 22.0
    private let labelWidth = 230.0, valueWidth = 130.0, top = 22.0

    func svg() -> Markup {
        let height = top + rowHeight * Double(max(bars.count, 1)) + 10
        let most = max(bars.compactMap(\.value).max() ?? 0, marker?.value ?? 0, 1)
        let plotWidth = width - labelWidth - valueWidth
        func x(_ value: Double) -> Double { labelWidth + plotWidth * value / most }
        var svg = Markup.chart(id: id, title: title, summary: summary, width: width, height: height)
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.element("text", ["x": Markup.number(labelWidth - 6), "y": Markup.number(y + 14), "text-anchor": "end", "class": "tick"], bar.label)
            if let value = bar.value {
                svg.empty("rect", ["x": Markup.number(labelWidth), "y": Markup.number(y + 3), "width": Markup.number(x(value) - labelWidth),
                                   "height": Markup.number(rowHeight - 6), "fill": PackPalette.fill(bar.colour)])
            }
            // Values in a column of their own, clear of the marker line.
            svg.element("text", ["x": Markup.number(bar.value == nil ? labelWidth : labelWidth + plotWidth + 8), "y": Markup.number(y + 14),
                                 "class": "tick"], bar.text)
        }
        if let marker {
            svg.empty("line", ["x1": Markup.number(x(marker.value)), "x2": Markup.number(x(marker.value)), "y1": Markup.number(top - 4),
                               "y2": Markup.number(height - 6), "stroke": PackPalette.marker, "stroke-width": "1.5", "stroke-dasharray": "4 2"])
            svg.element("text", ["x": Markup.number(x(marker.value)), "y": Markup.number(top - 8), "text-anchor": "middle", "class": "tick"],
                        marker.label)
        }
        svg.close("svg")
        return svg
    }
}
