import RollcallCore

/// Reading the values of import files: the spellings MIS exports and spreadsheets use.
enum FieldValue {
    /// `Y`, `yes`, `true`, `1` and their opposites; blank is no.
    static func flag(_ text: String?) -> Bool? {
        guard let text else { return false }
        switch text.lowercased() {
        case "y", "yes", "true", "1": return true
        case "n", "no", "false", "0": return false
        default: return nil
        }
    }

    static func date(_ text: String?) -> CalendarDate? {
        text.flatMap(CalendarDate.init)
    }
}
