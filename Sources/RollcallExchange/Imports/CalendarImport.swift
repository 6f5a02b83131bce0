import Foundation
import RollcallCore
import RollcallStore
import SystemPackage

/// One academic year's terms and closures from JSON:
/// `{"academic_year":"2025-26","terms":[{"name","start","end"}],
///   "closures":[{"date","sessions":"AM"|"PM"|"AM+PM","reason"}]}`.
public enum CalendarImport {
    public static func read(_ bytes: [UInt8], file: String) throws(ImportFailure) -> AcademicYear {
        do {
            return try JSONDecoder().decode(AcademicYear.self, from: Data(bytes))
        } catch let error as CalendarError {
            throw ImportFailure([ImportProblem(file: file, line: nil, error.description)])
        } catch let error as DecodingError {
            if case let .damaged(_, line, field, detail) = JSONFile.damage(error, bytes: bytes, path: file) {
                let message = field.map { "\($0): \(detail)" } ?? detail
                throw ImportFailure([ImportProblem(file: file, line: line, message)])
            }
            throw ImportFailure([ImportProblem(file: file, line: nil, "\(error)")])
        } catch {
            throw ImportFailure([ImportProblem(file: file, line: nil, "\(error)")])
        }
    }

    /// The year as the import reads it, on one line: what the calendar's log shows
    /// before and after a change.
    public static func text(_ year: AcademicYear) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(year)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
