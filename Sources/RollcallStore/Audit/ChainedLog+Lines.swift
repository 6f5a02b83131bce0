import Foundation
import RollcallCore
import SystemPackage

/// What every chained log's reader shares: a line decoded, a field that is wrong named
/// with its line, and the stamp every line ends with read back.
extension ChainedLog {
    /// One line of a chained log decoded as `type`, a problem named by the log's line
    /// and the field that is wrong.
    static func decode<Line: Decodable>(_ type: Line.Type, _ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> Line {
        do {
            return try JSONDecoder().decode(type, from: Data(line))
        } catch let error as DecodingError {
            let damage = JSONFile.damage(error, bytes: line, path: path.string)
            if case let .damaged(_, _, field, detail) = damage { throw .damaged(path: path.string, line: number, field: field, detail: detail) }
            throw damage
        } catch {
            throw .damaged(path: path.string, line: number, field: nil, detail: "\(error)")
        }
    }


    /// A field of line `number` that holds what no writer of the log writes (nil: it is
    /// missing). Its value is quoted as it stands; whoever prints it makes it safe.
    static func invalid(_ field: String, _ value: String?, line number: Int, path: FilePath) -> StoreError {
        .damaged(path: path.string, line: number, field: field, detail: value.map { "'\($0)' is not valid here" } ?? "missing")
    }

    /// Reads back the stamp `JSONText.stamp` ends every line with: when, and by whom. A
    /// role no staff list has is left out, as it names no permission.
    static func stamp(at: String, by login: String, name: String?, role: String?, line number: Int,
                      path: FilePath) throws(StoreError) -> (at: Date, by: Recorder) {
        guard let instant = JSONText.instant(parsing: at) else { throw invalid("at", at, line: number, path: path) }
        return (instant, Recorder(login: login, name: name, role: role.flatMap(StaffRole.init(rawValue:))))
    }
}
