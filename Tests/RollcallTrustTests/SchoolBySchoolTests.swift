@testable import RollcallTrust
import Testing

/// Each school's figures worked out on every core come back in the schools' order, and
/// one school's refusal is the whole answer's.
@Suite("School by school, on every core")
struct SchoolBySchoolTests {
    struct Refused: Error, Equatable { let school: Int }

    @Test func resultsKeepTheirOrderAndAnErrorIsThrown() throws {
        let schools = Array(1...500)
        #expect(try schools.concurrentMap { $0 * $0 } == schools.map { $0 * $0 })
        #expect(try [Int]().concurrentMap { $0 }.isEmpty)
        #expect(throws: Refused(school: 250)) {
            try schools.concurrentMap { school -> Int in
                if school == 250 { throw Refused(school: school) }
                return school
            }
        }
    }
}
