import ArgumentParser
import Foundation
import RollcallTrust

extension UnreadableSchools {
    /// After a report of every school that could be read: each that could not, a line on
    /// standard error, and exit status 1, so that a script knows the report is not whole.
    func sayAndFail() throws {
        let messages = messages
        for message in messages { FileHandle.standardError.write(Data("rollcall-trust: \(message)\n".utf8)) }
        if !messages.isEmpty { throw ExitCode(1) }
    }
}
