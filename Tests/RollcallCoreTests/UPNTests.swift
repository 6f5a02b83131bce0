import Testing
@testable import RollcallCore

@Suite("Unique pupil numbers")
struct UPNTests {
    @Test("valid UPNs, permanent and temporary", arguments: [
        "P207000016049", // 2x2 + 7x4 + 1x9 + 6x10 + 4x12 + 9x13 = 266; 266 mod 23 = 13 -> P
        "B801200005001", // 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93; 93 mod 23 = 1 -> B
        "M80120000500A", // temporary: ...+ A(0)x13 = 80; 80 mod 23 = 11 -> M
    ])
    func acceptsValidUPNs(text: String) throws {
        #expect(try UPN(text).text == text)
        let fromBytes = try #require(UPN(utf8: Array(text.utf8)[...]))
        #expect(fromBytes == (try UPN(text)) && fromBytes.text == text)
    }

    @Test("bytes the text reader refuses, the byte reader refuses too", arguments: [
        "A801200005001", "B207000016049", "B80120000500", "B8012000050011", "X80120000A001", "A80120000500I",
        "B80120000500\u{0661}", "B80120000500\u{00E9}",
    ])
    func refusesTheSameBytes(text: String) {
        #expect(UPN(utf8: Array(text.utf8)[...]) == nil)
        #expect((try? UPN(text)) == nil)
    }

    @Test func refusesAWrongCheckLetterAndSaysWhichIsRight() {
        #expect(throws: UPNError.wrongCheckLetter("A801200005001", expected: "B")) {
            try UPN("A801200005001")
        }
        #expect(throws: UPNError.wrongCheckLetter("B207000016049", expected: "P")) {
            try UPN("B207000016049")
        }
    }

    @Test func refusesTheWrongShape() {
        #expect(throws: UPNError.wrongLength("B80120000500")) { try UPN("B80120000500") }
        #expect(throws: UPNError.notDigits("X80120000A001")) { try UPN("X80120000A001") }
        // I, O and S are never used, so a temporary UPN cannot end in one.
        #expect(throws: UPNError.notDigits("A80120000500I")) { try UPN("A80120000500I") }
        // Digits from another script look like digits but are not the UPN's.
        #expect(throws: UPNError.notDigits("B80120000500\u{0661}")) { try UPN("B80120000500\u{0661}") }
    }
}
