/// Reads generic XML into an outline of paragraphs: an element with text of its own is a
/// paragraph (its whole text, inline markup included, on the source lines it spans); an
/// element holding only elements is walked into. XML names no headings or lists that capdiff
/// could know, so the analysis relies on the wording of each paragraph.
enum XMLReader {
    static func read(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        let root = try XMLTree.parse(bytes, html: false, path: path)
        var blocks: [OutlineBlock] = []
        collect(root, into: &blocks)
        return OutlineReader().read(blocks: blocks, path: path)
    }

    private static func collect(_ element: XMLElement, into blocks: inout [OutlineBlock]) {
        let hasOwnText = element.children.contains { child in
            if case .text(let text) = child { text.contains { !$0.isWhitespace } } else { false }
        }
        guard hasOwnText else {
            for child in element.elements() { collect(child, into: &blocks) }
            return
        }
        var text = MarkupText()
        text.addAll(element)
        if let block = text.block { blocks.append(block) }
    }
}
