import Foundation

extension AttendanceCode {
    /// The replacements for codes the 2024 regulations withdrew, so an import from an
    /// old MIS export says what to use instead rather than just "unknown".
    static let withdrawnCodes: [String: String] = [
        "H": "use C (exceptional circumstances) if leave was granted, otherwise G",
        "J": "use J1 (interview)",
        "Y": "use Y1-Y7 or Q for the reason the pupil was unable to attend",
        "F": "it has not been used since 2013; use C if leave was granted, otherwise G",
    ]

    /// Reads a code as written in a file or typed by a person.
    ///
    /// Letters are accepted in either case (no two codes differ only by case) and
    /// surrounding spaces are ignored; anything else must be exactly a 2024 code.
    public static func parse(_ text: String) throws(CodeError) -> AttendanceCode {
        // The common case, a code exactly as the 2024 set writes it, without the cost of
        // trimming and case folding: an import of a year is 750,000 codes.
        if let exact = AttendanceCode(rawValue: text) { return exact }
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if trimmed.isEmpty { throw .empty }
        if let code = AttendanceCode(rawValue: trimmed) { return code }
        if trimmed == "-" { throw .noMarkPlaceholder }
        if let replacement = withdrawnCodes[trimmed] {
            throw .withdrawn(code: trimmed, replacement: replacement)
        }
        throw .unknown(text)
    }
}
