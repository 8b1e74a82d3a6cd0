import CapDiffCore
import Foundation

/// A one-line progress bar on stderr — only when stderr is a terminal, so logs and pipes stay
/// clean: done fraction, messages per second, MB per second and the time left.
final class ProgressBar {
    let enabled: Bool
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func update(_ p: BatchEngine.Progress) {
        guard enabled, p.seconds > 0 else { return }
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesDone) / Double(p.totalBytes)) : 0
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = Double(p.messages) / p.seconds
        let mbps = Double(p.bytesDone) / 1_048_576 / p.seconds
        let left = fraction > 0.01 ? p.seconds * (1 - fraction) / fraction : nil
        var line = "[\(bar)] \(Int(fraction * 100))%  \(p.messages) msgs  \(Int(rate)) msg/s  \(String(format: "%.1f", mbps)) MB/s"
        if let left { line += "  \(Self.clock(left)) left" }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the bar, so the lines that follow start clean.
    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
