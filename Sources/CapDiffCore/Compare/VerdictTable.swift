/// The contract's verdict table: the verdict for one function from two stances (nil = the
/// side does not mention it). Symmetric.
public enum VerdictTable {
    public static func verdict(_ a: Stance?, _ b: Stance?) -> Verdict {
        switch (a, b) {
        case (.owns, .owns): return .contested
        case (.owns, .shares), (.owns, .supports), (.shares, .owns), (.supports, .owns): return .shared
        case (.owns, _), (_, .owns): return .covered
        case (.shares, .shares), (.shares, .supports), (.supports, .shares): return .shared
        case (.shares, _), (_, .shares), (.supports, _), (_, .supports): return .unclear
        default: return .gap  // needs, excludes or absent on both sides
        }
    }

    /// The side that leads a shared function: the one that owns it, if one does.
    public static func lead(_ a: Stance?, _ b: Stance?) -> Int? {
        if a == .owns && b != .owns { return 0 }
        if b == .owns && a != .owns { return 1 }
        return nil
    }
}
