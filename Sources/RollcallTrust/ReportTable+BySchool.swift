import RollcallExchange

extension ReportTable {
    /// Schools' rows of one report, one school after another, each row led by its
    /// school's values (URN, name...): the school's own report, with who it is.
    public static func bySchool(_ leading: [String], columns: [String],
                                _ schools: [(leading: [ReportTable.Value], rows: [[ReportTable.Value]])]) -> ReportTable {
        var table = ReportTable(columns: leading + columns)
        for school in schools {
            for row in school.rows { table.append(school.leading + row) }
        }
        return table
    }
}
