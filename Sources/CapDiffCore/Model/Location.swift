/// Where a line is, as its reader finds it: "line 12" in a text file, "page 3, line 12" in a
/// PDF, "slide 4, line 2" in a presentation.
///
/// A document with pages or slides still numbers its lines once through (the running line
/// number that `Unit.line`, `Claim.line` and `Ambiguity.line` hold, so lines keep their order and
/// identity in every stage); its `PageMap` turns a running line into a page (or slide) and the
/// line within it, for people and for JSON.
public struct Location: Sendable, Hashable {
    /// A part of a document that numbers its own lines.
    public enum Part: String, Sendable, Hashable {
        case page, slide
    }

    /// A page or slide; nil where lines are lines of the whole file.
    public var kind: Part?
    /// The page's or slide's 1-based number (0 without one).
    public var number: Int
    /// The 1-based line: within the page or slide, else within the file.
    public var line: Int

    public init(line: Int) {
        kind = nil
        number = 0
        self.line = line
    }

    public init(_ kind: Part, _ number: Int, line: Int) {
        self.kind = kind
        self.number = number
        self.line = line
    }

    /// "line 12", "page 3, line 12", "slide 4, line 2" (or in Russian: «строка 12»,
    /// «страница 3, строка 12», «слайд 4, строка 2»).
    public func text(_ language: Language = .en) -> String {
        let ru = language == .ru
        let line = (ru ? "строка " : "line ") + String(self.line)
        switch kind {
        case nil: return line
        case .page: return (ru ? "страница " : "page ") + "\(number), " + line
        case .slide: return (ru ? "слайд " : "slide ") + "\(number), " + line
        }
    }

    /// "name:12" for a line of a file, "name, page 3, line 12" for a paged document: how
    /// reports name the place of a quoted line.
    public func place(_ name: String, _ language: Language = .en) -> String {
        kind == nil ? "\(name):\(line)" : "\(name), \(text(language))"
    }

    /// Just the number for a line of a file, else "page 3, line 12" (a table's Line column).
    public func short(_ language: Language = .en) -> String {
        kind == nil ? String(line) : text(language)
    }
}

/// A paged document's pages (or a presentation's slides) as runs of its running line numbers:
/// page n holds the running lines after `ends[n - 2]` up to `ends[n - 1]`.
public struct PageMap: Sendable, Equatable {
    public var kind: Location.Part
    /// The last running line of each page (a page without text ends where the one before it does).
    public var ends: [Int]

    public init(kind: Location.Part, ends: [Int]) {
        self.kind = kind
        self.ends = ends
    }

    /// The page (or slide) and line within it of a running line.
    public func location(ofLine line: Int) -> Location {
        // The first page whose end is at or after the line.
        var low = 0, high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] < line { low = mid + 1 } else { high = mid }
        }
        guard low < ends.count else { return Location(line: line) }
        let start = low == 0 ? 0 : ends[low - 1]
        return Location(kind, low + 1, line: line - start)
    }

    /// The running line of a page's (or slide's) line; nil when the page has no such line.
    public func runningLine(page: Int, line: Int) -> Int? {
        guard ends.indices.contains(page - 1), line >= 1 else { return nil }
        let start = page == 1 ? 0 : ends[page - 2]
        return start + line <= ends[page - 1] ? start + line : nil
    }
}

extension Analysis {
    /// The analysis with each claim and ambiguous line located on its page or slide (a no-op
    /// for a document without pages).
    public func located(by pages: PageMap?) -> Analysis {
        guard let pages else { return self }
        var copy = self
        copy.pages = pages
        for i in copy.claims.indices { copy.claims[i].location = pages.location(ofLine: copy.claims[i].line) }
        for i in copy.ambiguities.indices { copy.ambiguities[i].location = pages.location(ofLine: copy.ambiguities[i].line) }
        return copy
    }

    /// Where a running line of this document is.
    public func location(ofLine line: Int) -> Location {
        pages?.location(ofLine: line) ?? Location(line: line)
    }
}

extension Claim {
    /// Where the claim's line is: its page or slide and line there, else its line.
    public var place: Location { location ?? Location(line: line) }
}

extension Ambiguity {
    /// Where the ambiguous line is: its page or slide and line there, else its line.
    public var place: Location { location ?? Location(line: line) }
}
