/// The two sides of a mail exchange, told apart by their senders' addresses: `--side
/// NAME=@domain` (repeatable; several domains per side, comma-separated or in repeated flags).
/// "@example.com" (or "example.com") matches that domain and its subdomains; "anna@example.com"
/// matches one address. When an address matches both sides, the more specific pattern wins
/// (an address over a domain, a longer domain over a shorter one).
public struct MailSides: Sendable, Equatable {
    public struct Side: Sendable, Equatable {
        public var name: String
        public var patterns: [String]
    }

    public var sides: [Side]

    public var names: [String] { sides.map(\.name) }

    /// Parses "NAME=@domain[,@domain…]" arguments; the result has exactly two sides.
    public init(arguments: [String]) throws(Diagnostic) {
        var sides: [Side] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw .error(nil, "--side takes NAME=@domain (such as --side ours=@example.com), not \"\(argument)\"")
            }
            let name = String(argument[..<equals]).trimmingWhitespace()
            let patterns = argument[argument.index(after: equals)...].split(separator: ",")
                .map { Self.normalized(String($0)) }.filter { !$0.isEmpty && $0 != "@" }
            guard !name.isEmpty, !patterns.isEmpty else {
                throw .error(nil, "--side takes NAME=@domain (such as --side ours=@example.com), not \"\(argument)\"")
            }
            if let i = sides.firstIndex(where: { $0.name == name }) {
                sides[i].patterns += patterns
            } else {
                sides.append(Side(name: String(name), patterns: patterns))
            }
        }
        guard sides.count == 2 else {
            throw .error(nil, "batch compares two sides: give --side twice with two names, such as --side ours=@a.com --side theirs=@b.com (got \(sides.count))")
        }
        self.sides = sides
    }

    /// "@Example.COM " → "@example.com"; "example.com" → "@example.com".
    static func normalized(_ pattern: String) -> String {
        let p = pattern.trimmingWhitespace().lowercased()
        return p.contains("@") ? String(p) : "@" + p
    }

    /// The index of the side an address belongs to, or nil.
    public func side(of address: String?) -> Int? {
        guard let address = address?.lowercased(), let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        var best: (side: Int, specificity: Int)?
        for (index, side) in sides.enumerated() {
            for pattern in side.patterns {
                let specificity: Int
                if pattern.hasPrefix("@") {
                    let d = pattern.dropFirst()
                    guard domain == d || domain.hasSuffix("." + d) else { continue }
                    specificity = d.count
                } else {
                    guard address == pattern else { continue }
                    specificity = Int.max
                }
                if best.map({ specificity > $0.specificity }) ?? true { best = (index, specificity) }
            }
        }
        return best?.side
    }
}
