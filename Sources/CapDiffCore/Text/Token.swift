/// The writing system of a token.
public enum Script: Sendable, Equatable {
    case latin, cyrillic, other
}

/// A word, number or punctuation mark of a text, with the forms capdiff matches on.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case word, number, punctuation }

    public var kind: Kind
    /// As written (for a split contraction, the part: "do" and "not" of "don't").
    public var surface: String
    /// NFKC case-folded, ё → е, lookalike letters repaired.
    public var normalized: String
    /// The Snowball stem of `normalized` (English for Latin words, Russian for Cyrillic):
    /// the key glossary phrases are matched on.
    public var key: String
    public var script: Script
    /// UTF-8 offsets in the text the token came from.
    public var range: Range<Int>
    /// The written word mixes Cyrillic and Latin letters.
    public var isMixedScript: Bool
    /// `key` and `normalized` interned by the tokenizer that made the token, so the glossary
    /// tries compare integers rather than hash strings.
    public var keyID: Int32 = -1
    public var exactID: Int32 = -1

    public var isWord: Bool { kind != .punctuation }
    public var description: String { key }
}
