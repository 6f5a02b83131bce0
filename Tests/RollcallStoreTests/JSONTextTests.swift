import Foundation
@testable import RollcallStore
import Testing

@Suite("JSON text written by hand")
struct JSONTextTests {
    @Test("instants match Foundation's ISO 8601, to the second", arguments: [
        0.0, 1_757_664_000, 1_757_664_000.9, 951_782_400, 951_868_799, -1, -86_401, 4_102_444_800,
    ])
    func instantsMatchFoundation(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(JSONText.instant(date) == date.formatted(Date.ISO8601FormatStyle()))
        #expect(JSONText.instant(parsing: JSONText.instant(date)) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    @Test func otherISOFormsStillRead() {
        #expect(JSONText.instant(parsing: "2025-09-12T09:00:00+01:00") == Date(timeIntervalSince1970: 1_757_664_000))
        #expect(JSONText.instant(parsing: "2025-09-12T08:00:00Z") == Date(timeIntervalSince1970: 1_757_664_000))
        #expect(JSONText.instant(parsing: "yesterday") == nil)
    }

    @Test func stringsAreEscapedOnlyWhereJSONNeedsIt() {
        #expect(JSONText.string("O'Brien Zoë") == "\"O'Brien Zoë\"")
        #expect(JSONText.string("\\") == "\"\\\\\"")
        #expect(JSONText.string("say \"hi\"\n\u{1}") == "\"say \\\"hi\\\"\\n\\u0001\"")
    }
}
