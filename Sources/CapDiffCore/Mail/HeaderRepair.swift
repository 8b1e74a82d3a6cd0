import Foundation

/// Header blocks read leniently, as Python's `email` package and mail clients read them, before
/// GMime sees the message. GMime drops a line of a header block that is not a header field;
/// Python takes it as the first line of the body (the blank separator line is missing, as in
/// "Content-Type: text/plain" directly followed by the text). So a line break is inserted there,
/// in the message's own header block and in each part's (after a boundary the message
/// declares). Lines of only spaces before the first header are dropped (GMime would take the
/// first as the end of the headers). Offsets found in the repaired bytes map back to the raw ones.
struct HeaderRepair {
    /// The bytes to parse: the raw ones when nothing needed repair.
    let bytes: [UInt8]
    /// Leading raw bytes dropped.
    let dropped: Int
    /// Positions in `bytes` of the inserted line breaks, ascending.
    let inserted: [Int]

    init(_ raw: [UInt8]) {
        var dropped = 0
        // Lines of only spaces or tabs before the first header.
        while true {
            var i = dropped
            while i < raw.count, raw[i] == 0x20 || raw[i] == 0x09 { i += 1 }
            guard i > dropped, i < raw.count, raw[i] == 0x0A || raw[i] == 0x0D else { break }
            while i < raw.count, raw[i] == 0x0D { i += 1 }
            if i < raw.count, raw[i] == 0x0A { i += 1 }
            dropped = i
        }
        let breaks = Self.missingSeparators(raw, from: dropped)
        self.dropped = dropped
        if breaks.isEmpty {
            bytes = dropped == 0 ? raw : Array(raw[dropped...])
            inserted = []
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count - dropped + breaks.count)
        var positions: [Int] = []
        var copied = dropped
        for at in breaks {
            out += raw[copied..<at]
            positions.append(out.count)
            out.append(0x0A)
            copied = at
        }
        out += raw[copied...]
        bytes = out
        inserted = positions
    }

    /// The raw offset of an offset in `bytes`.
    func rawOffset(_ offset: Int) -> Int {
        offset + dropped - inserted.prefix { $0 < offset }.count
    }

    /// Raw positions of lines that end a header block without the blank line.
    static func missingSeparators(_ raw: [UInt8], from start: Int) -> [Int] {
        var result: [Int] = []
        var boundaries: [[UInt8]] = []
        var inHeaders = true
        var header: [UInt8] = []  // the current field, continuations included, to find boundaries
        func endField() {
            if let boundary = boundary(header) { boundaries.append(boundary) }
            header.removeAll(keepingCapacity: true)
        }
        var lineStart = start
        raw.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            while lineStart < raw.count {
                let hit = memchr(base + lineStart, 0x0A, raw.count - lineStart)
                let lineEnd = hit.map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
                var contentEnd = lineEnd
                while contentEnd > lineStart, raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = raw[lineStart..<contentEnd]
                if inHeaders {
                    if line.isEmpty {
                        endField()
                        inHeaders = false
                        // No boundary declared so far: no part header block can follow.
                        if boundaries.isEmpty { return }
                    } else if line.first == 0x20 || line.first == 0x09 {
                        if !header.isEmpty { header += line }
                    } else if isField(line) || (lineStart == start && line.starts(with: "From ".utf8)) {
                        // (An mbox envelope line left at the top of a file is no body line.)
                        endField()
                        header += line
                    } else {
                        endField()
                        result.append(lineStart)
                        inHeaders = false
                        if boundaries.isEmpty { return }
                    }
                } else if line.count >= 3, line[lineStart] == 0x2D, line[lineStart + 1] == 0x2D {
                    // "--boundary" opens a part (its header block follows); "--boundary--" closes.
                    let rest = line.dropFirst(2)
                    if let b = boundaries.first(where: { rest.starts(with: $0) }) {
                        let tail = rest.dropFirst(b.count)
                        if !tail.starts(with: [0x2D, 0x2D]) { inHeaders = true }
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return result
    }

    /// "Name:" — a field name of printable ASCII other than space and colon.
    static func isField(_ line: ArraySlice<UInt8>) -> Bool {
        for (n, b) in line.enumerated() {
            if b == 0x3A { return n > 0 }
            guard b > 0x20, b < 0x7F else { return false }
        }
        return false
    }

    /// The boundary parameter of a Content-Type field, if it is one.
    static func boundary(_ field: [UInt8]) -> [UInt8]? {
        guard field.count > 13, field.prefix(13).map({ $0 | 0x20 }).elementsEqual("content-type:".utf8) else { return nil }
        let lower = field.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("boundary=".utf8)
        guard let at = (0...(lower.count - key.count)).first(where: { lower[$0..<($0 + key.count)].elementsEqual(key) }) else {
            return nil
        }
        var value = field[(at + key.count)...]
        if value.first == 0x22 {
            value = value.dropFirst().prefix { $0 != 0x22 }
        } else {
            value = value.prefix { $0 != 0x3B && $0 != 0x20 && $0 != 0x09 }
        }
        return value.isEmpty ? nil : Array(value)
    }
}
