import RollcallCore

/// A table of the pack: the numbers a chart draws, or a list of counts, as a person
/// reads them. Its `id` names it for the tests and for anyone linking to a section.
struct PackTable {
    let id: String
    let caption: String
    let columns: [String]
    var rows: [[String]] = []

    /// Written in place of a cohort's figures when it has fewer pupils than
    /// `CohortFigures.smallCohort`: a child or two could be recognised, and moves the
    /// rate a lot.
    static let suppressed = "suppressed"
    static let fewPupils = "fewer than \(CohortFigures.smallCohort)"
    /// A rate with nothing to divide by.
    static let none = "–"

    static func rate(_ percentage: Percentage?) -> String { percentage?.description ?? none }

    /// Numbers line up on the right, words read from the left.
    static func alignment(of cell: String) -> String {
        Double(cell) != nil || cell == none ? "number" : "text"
    }

    func markup() -> Markup {
        var html = Markup()
        html.open("table", ["id": id])
        html.element("caption", caption)
        html.open("thead")
        html.open("tr")
        // A heading lines up with its column: the first row says which hold numbers.
        let first = rows.first ?? []
        for (index, column) in columns.enumerated() {
            html.element("th", ["scope": "col", "class": index < first.count ? PackTable.alignment(of: first[index]) : "text"], column)
        }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for row in rows {
            html.open("tr")
            for (index, cell) in row.enumerated() {
                if index == 0 {
                    html.element("th", ["scope": "row"], cell)
                } else {
                    html.element("td", ["class": PackTable.alignment(of: cell)], cell)
                }
            }
            html.close("tr")
        }
        html.close("tbody")
        html.close("table")
        return html
    }
}
