import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `rollcall trust ...` runs `rollcall-trust`, a program of its own, so that a school's
/// rollcall never carries the database driver: the pattern git uses for its
/// own commands.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "A trust's view across its schools, on PostgreSQL (runs rollcall-trust).",
        discussion: """
            Subcommands: init, add-school, add-reader, schools, new-password, remove-school, remove-reader, publish, \
            report (schools, pupils, penalty, followups), tui. 'rollcall trust --help' lists them.
            rollcall-trust is looked for in $ROLLCALL_TRUST, beside this rollcall, then on the PATH; build it with \
            'swift build --product rollcall-trust'.
            """)

    @Argument(parsing: .captureForPassthrough, help: "The trust command and its options.") var arguments: [String] = []

    func run() throws {
        try TrustCommand.exec(arguments)
    }

    /// Becomes `rollcall-trust` with `arguments`; returns only by throwing.
    static func exec(_ arguments: [String]) throws {
        let program = try TrustCommand.locate()
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        throw Failure("cannot run \(program): \(String(cString: strerror(errno)))")
    }

    static func locate() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["ROLLCALL_TRUST"], !given.isEmpty { return given }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("rollcall-trust").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/rollcall-trust"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure("rollcall-trust is not installed: build it with 'swift build --product rollcall-trust' and put it beside rollcall, or set ROLLCALL_TRUST")
    }
}
