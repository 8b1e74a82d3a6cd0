import Foundation
@testable import CapDiffCore

/// capdiff's fuzz targets, one per reader (and one for the analysis of arbitrary text), in one
/// libFuzzer binary: `CAPDIFF_FUZZ_TARGET` names the target a run exercises (scripts/fuzz sets it).
/// One binary keeps the sanitised release build to a single link.
enum Target: String, CaseIterable {
    /// Plain text and Markdown: UTF-8/UTF-16 decoding, format sniffing, the outline reader.
    case text
    /// HTML and XHTML through libxml2's HTML parser and the HTML reader.
    case html
    /// Generic XML through libxml2 (no network, no DTDs, no entities) and the XML reader.
    case xml
    /// DOCX: the bounded ZIP reader (with zlib), document, styles and numbering parts.
    case docx
    /// PPTX: the bounded ZIP reader, slides, their relations and notes.
    case pptx
    /// ODT: the bounded ZIP reader and OpenDocument's content part.
    case odt
    /// PDF: Poppler in its limited child process, then the layout of its lines.
    case pdf
    /// An .eml or mbox as one document: the mbox splitter, GMime, charsets, reply stripping.
    case mail
    /// One raw message as `batch` reads it: GMime facade, headers, charsets, attachments, analysis.
    case message
    /// A TBX termbase imported as a glossary.
    case tbx
    /// A CSV or TSV glossary imported as a glossary.
    case csv
    /// A glossary layer in capdiff's own TSV format, then its index and lint.
    case glossary
    /// Arbitrary text analysed (tokens, glossary matching, clauses, stance, ambiguities) and
    /// rendered as text, Markdown and JSON; then `explain` of its first line.
    case analyze
    /// Two agreements (source, NUL byte, translation) checked for drift.
    case agreement

    /// The path each target gives its input: readers take the extension as a hint only.
    var path: String {
        switch self {
        case .text: "fuzz.md"
        case .html: "fuzz.html"
        case .xml: "fuzz.xml"
        case .docx: "fuzz.docx"
        case .pptx: "fuzz.pptx"
        case .odt: "fuzz.odt"
        case .pdf: "fuzz.pdf"
        case .mail: "fuzz.mbox"
        case .message: "fuzz.eml"
        case .tbx: "fuzz.tbx"
        case .csv: "fuzz.csv"
        case .glossary: "fuzz.tsv"
        case .analyze, .agreement: "fuzz.md"
        }
    }
}

/// What the targets share, built once per process: the default glossary and one pipeline.
final class Shared {
    let glossary: Glossary
    let pipeline: Pipeline
    let messages: MessageReader
    let drift: DriftChecker
    let knownFunctions: Set<String>

    init() {
        do {
            glossary = try GlossaryReader.load([GlossaryReader.defaultFiles])
        } catch {
            fatalError("the default glossary does not load: \(error)")
        }
        pipeline = Pipeline(glossary: glossary)
        messages = MessageReader(pipeline: pipeline)
        drift = DriftChecker(index: pipeline.analyzer.index)
        knownFunctions = Set(glossary.functions.map(\.id))
    }

    /// Runs a target once on a small input before fuzzing starts, so that what its first
    /// input would set up (ICU break iterators and transliterators, Snowball stemmers) is not
    /// counted against that input's time-out.
    func warmUp(_ target: Target) {
        run(target, Array("# Roles\n\n- We own creative direction, and you handle «продвижение».\n".utf8), self)
    }
}

func run(_ target: Target, _ bytes: [UInt8], _ shared: Shared) {
    let path = target.path
    switch target {
    case .text:
        _ = DocumentReader.sniff(bytes, path: path)
        guard let source = try? SourceFile.decode(bytes, path: path) else { return }
        _ = OutlineReader().read(source)
    case .html:
        _ = try? HTMLReader.read(bytes, path: path)
    case .xml:
        _ = try? XMLReader.read(bytes, path: path)
    case .docx:
        _ = try? DOCXReader.read(bytes, path: path)
    case .pptx:
        guard let archive = try? BoundedZIP(bytes, path: path) else { return }
        _ = try? PPTXReader.read(archive, path: path, notes: true)
    case .odt:
        guard let archive = try? BoundedZIP(bytes, path: path) else { return }
        _ = try? ODTReader.read(archive, path: path)
    case .pdf:
        _ = try? PDFReader.read(bytes, path: path)
    case .mail:
        _ = try? MailDocument.outline(bytes: bytes, path: path)
    case .message:
        _ = try? shared.messages.read(RawMessage(file: path, number: 1, offset: 0, line: 1, bytes: bytes))
    case .tbx, .csv:
        // Each target keeps to its own reader: the importer chooses by content.
        guard GlossaryImporter.looksLikeXML(bytes) == (target == .tbx) else { return }
        _ = try? GlossaryImporter.read(bytes: bytes, path: path, options: .init(knownFunctions: shared.knownFunctions))
    case .glossary:
        let file = GlossaryReader.File(name: path, text: String(decoding: bytes, as: UTF8.self))
        guard let glossary = try? GlossaryReader.load([[file]]) else { return }
        _ = GlossaryIndex(glossary)
        _ = GlossaryLint().check(glossary)
    case .analyze:
        guard let source = try? SourceFile.decode(bytes, path: path) else { return }
        let analysis = shared.pipeline.analyze(source)
        _ = TextRenderer(style: TextStyle(), glossary: shared.glossary).render(analysis)
        _ = MarkdownRenderer(glossary: shared.glossary, language: analysis.language).render(analysis)
        _ = JSONViews.analysis(analysis).serialized(pretty: true)
        if let first = source.text.split(separator: "\n").first {
            _ = ExplainRenderer().render(shared.pipeline.analyzer.explain(String(first)))
        }
    case .agreement:
        let cut = bytes.firstIndex(of: 0) ?? bytes.count
        let a = Array(bytes[..<cut]), b = cut < bytes.count ? Array(bytes[(cut + 1)...]) : a
        guard let source = try? SourceFile.decode(a, path: "source.md"),
              let translation = try? SourceFile.decode(b, path: "translation.md") else { return }
        let reader = OutlineReader()
        _ = shared.drift.check(source: reader.read(source), translation: reader.read(translation))
    }
}
