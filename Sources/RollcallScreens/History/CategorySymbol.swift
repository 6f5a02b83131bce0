import RollcallCore
import RollcallTUI

/// One character per session in a pupil's year calendar, by category: the symbol tells
/// categories apart without colour, the role colours them where there is colour.
enum CategorySymbol {
    static func of(_ day: PupilHistory.Day) -> (text: String, role: StyleRole) {
        switch day {
        case let .marked(code):
            switch code.category {
            case .present: code == .late ? ("L", .late) : ("/", .present)
            case .approvedEducationalActivity: ("+", .approvedActivity)
            case .authorisedAbsence: ("a", .authorised)
            case .unauthorisedAbsence: ("U", .unauthorised)
            case .notCounted, .administrative: ("-", .notCounted)
            }
        case .missing: ("?", .warning)
        case .future: ("·", .dim)
        case .offRoll: (" ", .normal)
        }
    }

    static let legend: [(text: String, role: StyleRole)] = [
        ("/ present", .present), ("L late", .late), ("+ approved", .approvedActivity), ("a authorised", .authorised),
        ("U unauthorised", .unauthorised), ("- not counted", .notCounted), ("? none", .warning),
    ]
}
