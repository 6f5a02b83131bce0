import SystemPackage

extension FilePath {
    /// The folder holding this path and its last name, split as text. `FilePath`'s
    /// component view checks its invariants at every step in a debug build, which made
    /// it most of the cost of a store operation there; every read and write asks this.
    var folderAndName: (folder: String, name: String) {
        let text = string
        guard let slash = text.lastIndex(of: "/") else { return (".", text) }
        return (slash == text.startIndex ? "/" : String(text[..<slash]), String(text[text.index(after: slash)...]))
    }

    /// The last name: `7A.json` of `.../marks/2025-26/7A.json`.
    var name: String { folderAndName.name }

    /// The folder holding this path.
    var folder: FilePath { FilePath(folderAndName.folder) }

    /// Another file in the same folder.
    func sibling(_ name: String) -> FilePath {
        let folder = folderAndName.folder
        return FilePath(folder == "/" ? "/" + name : folder + "/" + name)
    }

    /// This path below `root`, as `marks/2025-26/7A.json`.
    func relative(to root: FilePath) -> String {
        let text = string, prefix = root.string.hasSuffix("/") ? root.string : root.string + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
