import CFuzzer
import Foundation

/// The target this process fuzzes and what the targets share, chosen and built on first use.
nonisolated(unsafe) private var state: (target: Target, shared: Shared)?

private func selected() -> (target: Target, shared: Shared) {
    if let state { return state }
    let name = ProcessInfo.processInfo.environment["CAPDIFF_FUZZ_TARGET"] ?? ""
    guard let target = Target(rawValue: name) else {
        let names = Target.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("capdiff-fuzz: set CAPDIFF_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    let made = (target, Shared())
    made.1.warmUp(target)
    state = made
    return made
}

/// libFuzzer's entry: one input, any bytes. Returning is success; a crash, a sanitizer report,
/// a time-out or a leak is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (target, shared) = selected()
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    run(target, bytes, shared)
    return 0
}

@main
enum FuzzMain {
    static func main() {
        _ = selected()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
