import Foundation
import Testing
@testable import CapDiffCore

/// Opens the compare report, the playbook, the drift report and a batch page in headless
/// Chromium and checks the DOM the browser built (`--dump-dom`), not our own reading of the
/// file: a matrix row per function with both stances and its verdict in words; the verdict
/// colours the browser actually applied, read back by a probe script in a copy of the page; the
/// playbook's contested and gap functions in both languages; a drift row per drifting clause
/// with its kinds in words and its values marked (readable, underlined, numbered); a batch
/// section per thread with its matrix. Screenshots (and a PDF print) go to a temporary folder for
/// a person to look at; RECORD_SCREENSHOT=1 also copies the report's to docs/report.png, the
/// README's picture.
///
/// Chromium comes from `scripts/install-deps --browser`, which `scripts/test` (and so
/// `.ci/run`) calls. When it is missing here, the test installs it the same way if it can (root,
/// or sudo without a password), and otherwise fails saying how: a browser test that passes
/// without a browser would test nothing.
@Suite(.serialized) struct BrowserTests {
    @Test func compareReportRendersEveryFunctionWithItsVerdictInWordsAndColour() throws {
        let chromium = try Chromium.require()
        let folder = try Self.outputFolder()
        let expected = try Reports.rows()
        let report = folder.appendingPathComponent("report.html")
        try CLI.run(["compare", Reports.a, Reports.b, "--format", "html"]).stdout.write(to: report, atomically: true, encoding: .utf8)

        let dom = try chromium.dumpDOM(report, profile: folder.appendingPathComponent("profile"))
        let table = try #require(dom.all("table", class: "matrix").first, "the browser's DOM has the matrix")
        let rows = table.descendants("tbody").flatMap { $0.elements("tr") }
        #expect(rows.count == expected.count, "one row per function")
        for want in expected {
            let row = try #require(rows.first { $0.attributes["data-function"] == want.function && $0.attributes["data-scope"] == want.scope },
                                   "a row for \(want.function)")
            let cells = row.elements().map(\.flatText)
            try #require(cells.count == 5)
            #expect(cells[0].hasPrefix(want.labels["en"] ?? "?"))
            for side in 0..<2 {
                #expect(cells[1 + side].hasPrefix(want.stances[side] == "absent" ? "not mentioned" : want.stances[side]), "\(want.function)")
            }
            #expect(cells[3] == want.verdict, "\(want.function): the verdict in words")
        }

        // Colour: what the browser computed for each verdict cell.
        let probed = folder.appendingPathComponent("report-probe.html")
        try Self.withProbe(try String(contentsOf: report, encoding: .utf8)).write(to: probed, atomically: true, encoding: .utf8)
        let probedRows = try chromium.dumpDOM(probed, profile: folder.appendingPathComponent("profile"))
            .all("table", class: "matrix").first?.descendants("tr").filter { $0.attributes["data-probe"] != nil } ?? []
        #expect(probedRows.count == expected.count, "the probe ran")
        var backgrounds: [String: RGB] = [:]
        for row in probedRows {
            let parts = (row.attributes["data-probe"] ?? "").components(separatedBy: "|").compactMap(RGB.init)
            try #require(parts.count == 3, "\(row.attributes["data-probe"] ?? "")")
            let (background, text, edge) = (parts[0], parts[1], parts[2])
            let verdict = row.attributes["data-verdict"] ?? ""
            #expect(text.contrast(with: background) >= 4.5, "\(verdict): WCAG AA contrast")
            #expect(edge != background && edge != RGB(r: 0, g: 0, b: 0), "\(verdict): a coloured edge")
            if let seen = backgrounds[verdict] { #expect(seen == background, "one colour per verdict") }
            backgrounds[verdict] = background
        }
        #expect(Set(backgrounds.values).count == Set(expected.map(\.verdict)).count, "each verdict its own colour")

        let screenshot = try chromium.screenshot(report, to: folder.appendingPathComponent("report.png"), width: 1280, height: 1600,
                                                 profile: folder.appendingPathComponent("profile"))
        try chromium.printToPDF(report, to: folder.appendingPathComponent("report.pdf"), profile: folder.appendingPathComponent("profile"))
        if ProcessInfo.processInfo.environment["RECORD_SCREENSHOT"] != nil {
            let docs = TestPaths.packageRoot.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            let target = docs.appendingPathComponent("report.png")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: screenshot, to: target)
        }
    }

    @Test func playbookRendersContestedAndGapFunctionsInBothLanguages() throws {
        let chromium = try Chromium.require()
        let folder = try Self.outputFolder()
        let expected = try Reports.rows()
        let playbook = folder.appendingPathComponent("playbook.html")
        try CLI.run(["playbook", Reports.a, Reports.b, "--format", "html"]).stdout.write(to: playbook, atomically: true, encoding: .utf8)

        let dom = try chromium.dumpDOM(playbook, profile: folder.appendingPathComponent("profile"))
        for (verdict, id) in [("contested", "contested"), ("gap", "gaps")] {
            let section = try #require(dom.descendants("section").first { $0.attributes["id"] == id }, "section \(id)")
            let functions = expected.filter { $0.verdict == verdict }
            #expect(!functions.isEmpty)
            for row in functions {
                let cells = section.all { $0.attributes["data-function"] == row.function && $0.attributes["data-scope"] == row.scope }
                #expect(cells.map { $0.attributes["lang"] ?? "en" } == ["en", "ru"], "\(row.function)")
                #expect(cells.first?.flatText.hasPrefix(row.labels["en"] ?? "?") == true, "\(row.function) in English")
                #expect(cells.last?.flatText.hasPrefix(row.labels["ru"] ?? "?") == true, "\(row.function) in Russian")
            }
        }
        _ = try chromium.screenshot(playbook, to: folder.appendingPathComponent("playbook.png"), width: 1280, height: 1800,
                                    profile: folder.appendingPathComponent("profile"))
    }

    @Test func driftReportShowsEachDriftingClauseSideBySideWithItsValuesMarked() throws {
        let chromium = try Chromium.require()
        let folder = try Self.outputFolder()
        let profile = folder.appendingPathComponent("profile")
        let expected = try HTMLDriftTests.items(HTMLDriftTests.drifting)
        let report = folder.appendingPathComponent("drift.html")
        try HTMLDriftTests.page(HTMLDriftTests.drifting).stdout.write(to: report, atomically: true, encoding: .utf8)

        let dom = try chromium.dumpDOM(report, profile: profile)
        let table = try #require(dom.all("table", class: "drift").first, "the browser's DOM has the drift table")
        let rows = table.descendants("tbody").flatMap { $0.elements("tr") }
        var clauses: [String] = []
        for item in expected where clauses.last != item.clause { clauses.append(item.clause) }
        #expect(rows.map { $0.attributes["data-clause"] ?? "" } == clauses, "a row per drifting clause")
        for row in rows {
            let clause = row.attributes["data-clause"] ?? ""
            let want = expected.filter { $0.clause == clause }
            let cells = row.elements()
            try #require(cells.count == 4)
            #expect(cells[0].flatText == clause)
            #expect(cells[3].all("strong", class: "kind").map(\.text) == want.map(\.kind), "\(clause): each kind in words")
            for (cell, values) in [(cells[1], want.map(\.source)), (cells[2], want.map(\.translation))] {
                guard let text = cell.all("p", class: "clause-text").first else { continue }
                let marks = text.descendants("mark").map(\.text)
                for value in values where !value.isEmpty && value != text.text {
                    #expect(marks.contains(value), "\(clause): \"\(value)\" marked")
                }
            }
        }
        // Russian clauses say so, wherever the browser put them.
        #expect(rows.flatMap { $0.elements()[2].all("p", class: "clause-text") }.allSatisfy { $0.attributes["lang"] == "ru" })

        // A mark is readable on its colour and does not rely on it: the browser's computed style.
        let probed = folder.appendingPathComponent("drift-probe.html")
        let probe = """
            <script>
            for (const mark of document.querySelectorAll("table.drift mark")) {
              const style = getComputedStyle(mark), next = mark.nextElementSibling;
              mark.setAttribute("data-probe", [style.backgroundColor, style.color, style.borderBottomStyle,
                                               next ? next.className + ":" + next.textContent : ""].join("|"));
            }
            </script>
            """
        try (try String(contentsOf: report, encoding: .utf8)).replacingOccurrences(of: "</body>", with: probe + "\n</body>")
            .write(to: probed, atomically: true, encoding: .utf8)
        let marks = try chromium.dumpDOM(probed, profile: profile).descendants("mark").filter { $0.attributes["data-probe"] != nil }
        #expect(marks.count >= 15, "the probe ran")
        for mark in marks {
            let parts = (mark.attributes["data-probe"] ?? "").components(separatedBy: "|")
            try #require(parts.count == 4)
            let (background, text) = (try #require(RGB(parts[0])), try #require(RGB(parts[1])))
            #expect(text.contrast(with: background) >= 4.5, "\(mark.text): WCAG AA contrast")
            #expect(background != RGB(r: 255, g: 255, b: 255), "\(mark.text): highlighted")
            #expect(parts[2] == "solid", "\(mark.text): underlined, for a black-and-white print")
            #expect(parts[3].hasPrefix("marker:["), "\(mark.text): followed by its change's number")
        }

        // The faithful pair: a plain "no drift".
        let faithful = folder.appendingPathComponent("faithful.html")
        try HTMLDriftTests.page(HTMLDriftTests.faithful).stdout.write(to: faithful, atomically: true, encoding: .utf8)
        let calm = try chromium.dumpDOM(faithful, profile: profile)
        #expect(calm.all("table", class: "drift").isEmpty)
        #expect(calm.all("section", class: "no-drift").first?.descendants("h2").first?.text == "No drift")

        _ = try chromium.screenshot(report, to: folder.appendingPathComponent("drift.png"), width: 1280, height: 1800, profile: profile)
        try chromium.printToPDF(report, to: folder.appendingPathComponent("drift.pdf"), profile: profile)
    }

    @Test func batchReportShowsEachThreadWithItsMatrix() throws {
        let chromium = try Chromium.require()
        let folder = try Self.outputFolder()
        let profile = folder.appendingPathComponent("profile")
        let (threads, _) = try HTMLBatchTests.jsonLines(["fixtures/mail/threads.mbox"])
        let page = folder.appendingPathComponent("batch.html")
        try HTMLBatchTests.page(["fixtures/mail/threads.mbox"]).stdout.write(to: page, atomically: true, encoding: .utf8)
        let dom = try chromium.dumpDOM(page, profile: profile)
        let sections = dom.all("section", class: "thread")
        #expect(sections.map { $0.attributes["data-thread"] } == threads.map { $0["thread"] as? String }, "a section per thread")
        for (section, thread) in zip(sections, threads) {
            let rows = section.all("table", class: "matrix").first?.descendants("tbody").flatMap { $0.elements("tr") } ?? []
            let want = thread["rows"] as? [[String: Any]] ?? []
            #expect(rows.map { $0.attributes["data-function"] } == want.map { $0["function"] as? String })
            #expect(rows.map { $0.all("td", class: "verdict").first?.flatText } == want.map { $0["verdict"] as? String })
        }
        #expect(dom.all("ul", class: "legend").count == 1)
        #expect(dom.descendants("section").contains { $0.attributes["id"] == "summary" })
        _ = try chromium.screenshot(page, to: folder.appendingPathComponent("batch.png"), width: 1280, height: 1800, profile: profile)
    }

    /// A folder the test leaves behind, for a person to look at the screenshots.
    static func outputFolder() throws -> URL {
        let folder = try TestPaths.temporaryDirectory()
        print("browser test output: \(folder.path)")
        return folder
    }

    /// A copy of the page with a script that writes each row's computed colours (the row's
    /// background, which its cells show; the verdict cell's text and left edge) onto the row,
    /// where `--dump-dom` can see them.
    static func withProbe(_ html: String) -> String {
        let probe = """
            <script>
            for (const row of document.querySelectorAll("table.matrix tbody tr")) {
              const rowStyle = getComputedStyle(row), cell = getComputedStyle(row.querySelector("td.verdict"));
              row.setAttribute("data-probe", [rowStyle.backgroundColor, cell.color, cell.borderLeftColor].join("|"));
            }
            </script>
            """
        return html.replacingOccurrences(of: "</body>", with: probe + "\n</body>")
    }
}

/// Why the browser test could not do its work, as one readable line.
struct BrowserTestFailure: Error, CustomStringConvertible {
    var description: String
}

/// A colour as the browser computes it ("rgb(253, 226, 225)").
struct RGB: Hashable {
    var r: Double, g: Double, b: Double

    init(r: Double, g: Double, b: Double) { (self.r, self.g, self.b) = (r, g, b) }

    init?(_ css: String) {
        guard css.hasPrefix("rgb(") else { return nil }  // rgba(…) is transparent or translucent: not a colour here
        let parts = css.dropFirst(4).dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3 else { return nil }
        (r, g, b) = (parts[0], parts[1], parts[2])
    }

    /// WCAG 2 relative luminance.
    var luminance: Double {
        func channel(_ c: Double) -> Double {
            let s = c / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    func contrast(with other: RGB) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

/// Headless Chromium: found on PATH, or installed once per test run by
/// `scripts/install-deps --browser`.
struct Chromium {
    var path: String

    /// Looked up, and installed when missing, once per run.
    static let located: Result<Chromium, BrowserTestFailure> = locate()

    static func require() throws -> Chromium {
        switch located {
        case .success(let chromium): return chromium
        case .failure(let reason): throw reason
        }
    }

    static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static func locate() -> Result<Chromium, BrowserTestFailure> {
        if let path = find() { return .success(Chromium(path: path)) }
        let howTo = "install it with scripts/install-deps --browser (Debian's chromium package), or run scripts/test, which does"
        let sudoWorks = (try? Subprocess.run("/usr/bin/env", ["sudo", "-n", "true"], timeout: 10).status) == 0
        guard getuid() == 0 || sudoWorks else {
            return .failure(BrowserTestFailure(description: "the browser test needs headless Chromium, which is not installed, and this user cannot install it: \(howTo)"))
        }
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/install-deps").path
        let install = try? Subprocess.run("/bin/bash", [script, "--browser"], timeout: 900)
        if let path = find() { return .success(Chromium(path: path)) }
        let detail = install.map { "exit \($0.status): \($0.stderr.suffix(600))" } ?? "it did not run"
        return .failure(BrowserTestFailure(description: "the browser test needs headless Chromium; scripts/install-deps --browser could not install it (\(detail)); \(howTo)"))
    }

    /// `--no-sandbox`: Chromium's sandbox refuses to run as root (CI containers), and the page is
    /// our own. A profile folder per test keeps parallel runs apart.
    func run(_ arguments: [String], profile: URL) throws -> Subprocess.Result {
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                      "--no-default-browser-check", "--hide-scrollbars", "--force-device-scale-factor=1",
                      "--user-data-dir=\(profile.path)"]
        let result = try Subprocess.run(path, common + arguments, timeout: 120)
        if result.status != 0 {
            throw BrowserTestFailure(description: "chromium \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr.suffix(600))")
        }
        return result
    }

    /// The DOM the browser built, parsed as HTML.
    func dumpDOM(_ page: URL, profile: URL) throws -> XMLElement {
        let result = try run(["--dump-dom", page.absoluteString], profile: profile)
        try #require(!result.stdout.isEmpty, "chromium dumped no DOM: \(result.stderr.suffix(600))")
        return try XMLTree.parse(Array(result.stdout), html: true, path: page.lastPathComponent + " (DOM)")
    }

    @discardableResult
    func screenshot(_ page: URL, to png: URL, width: Int, height: Int, profile: URL) throws -> URL {
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString], profile: profile)
        let bytes = try Data(contentsOf: png)
        // A PNG starts with its signature, then the IHDR chunk: width and height, big-endian.
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(png.lastPathComponent) is a PNG")
        let size = bytes.count >= 24 ? (bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }) : (0, 0)
        #expect(size == (width, height), "\(png.lastPathComponent) is \(size.0)×\(size.1)")
        return png
    }

    func printToPDF(_ page: URL, to pdf: URL, profile: URL) throws {
        _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], profile: profile)
        #expect(try Data(contentsOf: pdf).prefix(5) == Data("%PDF-".utf8), "\(pdf.lastPathComponent) is a PDF")
    }
}

/// Runs a program with a time limit; output goes through files, so a chatty child cannot fill
/// a pipe and stall.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> Result {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw BrowserTestFailure(description: "\(executable) \(arguments.joined(separator: " ")) took longer than \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(try Data(contentsOf: out)),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
