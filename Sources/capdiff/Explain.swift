import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each pipeline step for a phrase or a line of a file: why it was read as it was.",
            discussion: """
                Prints the normalised text, tokens with stems and transliterations, the detected \
                language, glossary matches with the file and line of each entry, stance cues, \
                hedges, clauses with their stance and negation, the claims and ambiguity flags, \
                and the words the glossary does not cover.
                """)

        @Argument(help: ArgumentHelp("A phrase in quotes, or FILE:LINE (FILE:PAGE:LINE for a PDF's page, or a deck's slide).", valueName: "phrase|file:line"))
        var target: String

        @OptionGroup var options: CommonOptions

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            if options.format == .markdown || options.format == .html {
                throw ValidationError("explain prints text or json, not \(options.format.rawValue)")
            }
        }

        func run() throws {
            let glossary = try options.loadGlossary()
            let pipeline = reading.pipeline(glossary)
            CapDiff.keepAlive.append(pipeline)
            let explanation: Explanation
            var pages: PageMap?
            if let (path, page, line) = Self.fileAndLine(target) {
                let outline = try pipeline.read(path: path)
                pages = outline.pages
                let running: Int
                if let map = outline.pages {
                    // A PDF's or a deck's lines are counted per page or slide: FILE:PAGE:LINE.
                    let part = map.kind.rawValue
                    guard let page else {
                        throw Diagnostic.error(path, "counts its lines per \(part); name the \(part) too: \(path):\(part.uppercased()):LINE, such as \(path):\(line):1")
                    }
                    guard let found = map.runningLine(page: page, line: line) else {
                        let count = map.ends.indices.contains(page - 1) ? map.ends[page - 1] - (page == 1 ? 0 : map.ends[page - 2]) : nil
                        throw Diagnostic.error(path, count.map { "\(part) \(page) has \($0) line\($0 == 1 ? "" : "s") of text, not \(line)" }
                                               ?? "has \(map.ends.count) \(part)s, not \(page)")
                    }
                    running = found
                } else {
                    guard page == nil else {
                        throw Diagnostic.error(path, "has no pages or slides; name a line as \(path):LINE")
                    }
                    running = line
                }
                guard let found = pipeline.analyzer.explain(outline, line: running) else {
                    let place = pages?.location(ofLine: running).text() ?? "line \(line)"
                    throw Diagnostic.error(path, line: pages == nil ? line : nil,
                                           "no text on \(pages == nil ? "this line" : place); give a line with a list item, heading or sentence")
                }
                explanation = found
            } else {
                explanation = pipeline.analyzer.explain(target)
            }
            let renderer = ExplainRenderer(pages: pages)
            switch options.format {
            case .json: Output.write(renderer.json(explanation).serialized(pretty: true) + "\n")
            case .text, .markdown, .html: Output.write(renderer.render(explanation))  // the last two refused in validate()
            }
        }

        /// "notes.md:12" names a line of a file, "deck.pdf:3:12" a page's (or slide's) line,
        /// when the file exists; anything else is a phrase.
        static func fileAndLine(_ target: String) -> (path: String, page: Int?, line: Int)? {
            guard let colon = target.lastIndex(of: ":"), let line = Int(target[target.index(after: colon)...]), line > 0 else { return nil }
            let path = String(target[..<colon])
            if FileManager.default.fileExists(atPath: path) { return (path, nil, line) }
            guard let second = path.lastIndex(of: ":"), let page = Int(path[path.index(after: second)...]), page > 0 else { return nil }
            let file = String(path[..<second])
            return FileManager.default.fileExists(atPath: file) ? (file, page, line) : nil
        }
    }
}
