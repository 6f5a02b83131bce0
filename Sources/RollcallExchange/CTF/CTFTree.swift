import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A CTF's XML as a tree of elements by local name, read with Foundation's `XMLParser`
/// (libxml2 underneath), a maintained parser, set never to fetch an external entity;
/// a file with a DOCTYPE or an entity declaration is refused before it is parsed at all,
/// so no entity is ever expanded (the "billion laughs" file is refused in a scan of its
/// bytes), and nesting past `deepestNesting` stops the parse.
final class CTFTree {
    let name: String
    let line: Int
    var text = ""
    var children: [CTFTree] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    static let largestFile = CTFFile.largestFile
    static let deepestNesting = 64

    /// The root element, or the one problem that refuses the file.
    static func parse(_ bytes: [UInt8], file: String) throws(ImportFailure) -> CTFTree {
        func refuse(_ line: Int?, _ message: String) -> ImportFailure { ImportFailure([ImportProblem(file: file, line: line, message)]) }
        guard bytes.count <= largestFile else { throw refuse(nil, "the file is \(bytes.count / 1024 / 1024) MB; a CTF is refused over \(largestFile / 1024 / 1024) MB") }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw refuse(nil, "the file is not UTF-8 text") }
        for declaration in ["<!DOCTYPE", "<!ENTITY"] {
            if let at = position(of: declaration, in: bytes) {
                throw refuse(lineNumber(at, in: bytes), "the file declares \(declaration.dropFirst(2).lowercased()) (a DOCTYPE or an entity): a CTF has none, and none is read")
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        reader.parser = parser
        let parsed = parser.parse()
        if let deep = reader.tooDeep { throw refuse(deep, "elements nest more than \(deepestNesting) deep: not a CTF") }
        guard parsed, let root = reader.root else {
            throw refuse(parser.lineNumber, "not well-formed XML" + (parser.parserError.map { " (\(($0 as NSError).code))" } ?? ""))
        }
        return root
    }

    /// The first child named `name` (a local name: any namespace prefix is ignored).
    func child(_ name: String) -> CTFTree? { children.first { $0.name == name } }

    func children(_ name: String) -> [CTFTree] { children.filter { $0.name == name } }

    /// The trimmed text of the first child named any of `names`; nil when missing or empty.
    func value(_ names: String...) -> String? {
        for name in names {
            if let text = child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        }
        return nil
    }

    private static func position(of text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8).map { $0 | 0x20 }
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == UInt8(ascii: "<") {
            if (0..<needle.count).allSatisfy({ bytes[start + $0] | 0x20 == needle[$0] }) { return start }
        }
        return nil
    }

    private static func lineNumber(_ offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
    }

    private final class Reader: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        var root: CTFTree?
        var stack: [CTFTree] = []
        var tooDeep: Int?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard stack.count < CTFTree.deepestNesting else {
                tooDeep = parser.lineNumber
                parser.abortParsing()
                return
            }
            let node = CTFTree(name: name, line: parser.lineNumber)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
