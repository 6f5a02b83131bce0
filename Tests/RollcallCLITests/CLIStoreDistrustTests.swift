#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RollcallTestSupport
import Testing

/// The store as a command meets it: a read-only copy, a full disk, a journal someone
/// planted, a group name too long to keep, an import that cannot land whole.
@Suite("rollcall on a store it cannot trust or cannot write")
struct CLIStoreDistrustTests {
    /// A small tmpfs of its own, mounted for the test (`mounted`; nil where this process
    /// may not mount one, which `allowed` says before the test starts).
    final class Mount {
        let path: String

        /// Whether a tmpfs can be mounted here: root, on a machine that allows it. Tried
        /// once per run, when the tests' traits are read; the only wait that holds a thread.
        static let allowed: Bool = {
            guard geteuid() == 0 else { return false }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-mount-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard ChildProcess.runBlocking("/bin/mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", path]) == 0 else { return false }
            ChildProcess.runBlocking("/bin/umount", [path])
            return true
        }()

        private init(path: String) {
            self.path = path
        }

        static func mounted(size: String) async -> Mount? {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-mount-\(UUID().uuidString)").path
            guard geteuid() == 0 else { return nil }
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            guard await shell("mount -t tmpfs -o size=\(size),mode=0700 tmpfs '\(path)'") else {
                try? FileManager.default.removeItem(atPath: path)
                return nil
            }
            return Mount(path: path)
        }

        func remount(readOnly: Bool) async -> Bool {
            await Mount.shell("mount -o remount,\(readOnly ? "ro" : "rw") '\(path)'")
        }

        /// Unmounted as the test lets it go: a `deinit` cannot await.
        deinit {
            ChildProcess.runBlocking("/bin/umount", [path])
            try? FileManager.default.removeItem(atPath: path)
        }

        static func shell(_ command: String) async -> Bool {
            (try? await ChildProcess.run("/bin/sh", ["-c", command]))?.status == 0
        }
    }

    /// The small school, made on the mount, with one amendment and an intervention.
    func school(on mount: Mount) async throws -> CLI {
        let cli = try CLI(directory: URL(fileURLWithPath: mount.path))
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=I", "--reason", "phoned"]).status == 0)
        #expect(try await cli.run(["intervention", "add", "letter", "--upn", SmallSchool.lukasz, "--note", "sent"]).status == 0)
        return cli
    }

    @Test(.enabled(if: Mount.allowed, "mounting a tmpfs needs root, on a machine that allows it"))
    func reportsExportTheAuditAndCheckWorkOnAReadOnlyStoreAndSaySoOnce() async throws {
        let mount = try #require(await Mount.mounted(size: "16m"))
        let cli = try await school(on: mount)
        let before = try await cli.run(["report", "pupils", "--format", "json"])
        // The digest made by that report is removed, so every report below would save it.
        try FileManager.default.removeItem(atPath: cli.store + "/derived")
        #expect(await mount.remount(readOnly: true))
        let notice = "warning: \(cli.store) cannot be written here (a read-only copy or a full disk): reports read it as it is, and nothing is saved"
        for command in [["report", "pupils", "--format", "json"], ["report", "penalty"], ["report", "summary"],
                        ["export", "marks", "--format", "csv"], ["audit"], ["intervention", "list"]] {
            let result = try await cli.run(command)
            #expect(result.status == 0, "\(command): \(result.errors)")
            let lines = result.errors.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0 == notice }.count == 1, "\(command): \(result.errors)")
        }
        #expect(try await cli.run(["report", "pupils", "--format", "json"]).output == before.output)
        #expect(try await cli.run(["audit"]).output.contains("phoned"))
        let check = try await cli.run(["check"])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("every file reads correctly"))
        // Writing is refused with the reason, and nothing is half done.
        let mark = try await cli.run(["mark", "--date", "2025-09-08", "--session", "AM", "\(SmallSchool.tomas)=/"])
        #expect(mark.status != 0)
        #expect(mark.errors.contains("Read-only file system"), "\(mark.errors)")
        #expect(await mount.remount(readOnly: false))
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test(.enabled(if: Mount.allowed, "mounting a tmpfs needs root, on a machine that allows it"))
    func reportsWorkOnAFullDiskAndSaySoOnce() async throws {
        let mount = try #require(await Mount.mounted(size: "4m"))
        let cli = try await school(on: mount)
        let before = try await cli.run(["report", "pupils", "--format", "json"])
        try FileManager.default.removeItem(atPath: cli.store + "/derived")
        // Fill the disk to the last byte.
        let filler = mount.path + "/filler"
        #expect(await !Mount.shell("dd if=/dev/zero of='\(filler)' bs=64k"))
        let result = try await cli.run(["report", "pupils", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == before.output)
        let warnings = result.errors.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 1, "\(result.errors)")
        #expect(warnings.first?.contains("derived/marks-2025-26.json could not be saved") == true, "\(result.errors)")
        #expect(try await cli.run(["export", "marks", "--format", "csv"]).status == 0)
        try FileManager.default.removeItem(atPath: filler)
        let check = try await cli.run(["check"])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func aPlantedJournalIsNamedByEveryCommandAndByCheck() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let victim = cli.directory.appendingPathComponent("victim").path
        try "mine".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: cli.store + "/journal", withIntermediateDirectories: true)
        try #"{"transaction":"x","renames":[{"from":"school.json","to":"../victim"}],"audit":[]}"#
            .write(toFile: cli.store + "/journal/x.json", atomically: false, encoding: .utf8)
        let report = try await cli.run(["report", "pupils"])
        #expect(report.status == 0)
        #expect(report.errors == "warning: journal/x.json was set aside in journal/rejected/ and nothing in it was done: '../victim' is not a file the store writes\n")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "mine")
        let check = try await cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.output.contains("\(cli.store)/journal/rejected/x.json: a journal Rollcall would not apply ('../victim' is not a file the store writes; look at it, then remove it)"))
    }

    @Test func anImportOfPupilsWithAFormTooLongToKeepIsRefusedWithItsLine() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        // 30 characters, but 180 bytes once each Ü is written %C3%9C in a file name.
        let long = String(repeating: "Ü", count: 30)
        let file = try cli.file("long.csv", """
            upn,surname,forename,date_of_birth,year_group,form
            N938432120001,Long,Form,2014-01-01,7,\(long)
            """)
        let result = try await cli.run(["import", "pupils", file])
        #expect(result.status != 0)
        #expect(result.errors == "\(file):2: form '\(long)' is too long to keep as a group (at most 150 bytes as a file name)\nNothing was imported: 1 problem to fix.\n", "\(result.errors)")
    }

    @Test func anImportOfPupilsLandsWholeOrNotAtAll() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let pupils = try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)
        // groups.json cannot be replaced: a folder stands in its place.
        try FileManager.default.removeItem(atPath: cli.store + "/groups.json")
        try FileManager.default.createDirectory(atPath: cli.store + "/groups.json", withIntermediateDirectories: false)
        let file = try cli.file("new.csv", """
            upn,surname,forename,date_of_birth,year_group,form
            N938432120001,New,Pupil,2014-01-01,7,7C
            """)
        let result = try await cli.run(["import", "pupils", file])
        #expect(result.status != 0)
        #expect(try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8) == pupils)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: cli.store).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
