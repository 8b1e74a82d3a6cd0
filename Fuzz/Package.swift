// swift-tools-version:6.0
import Foundation
import PackageDescription

// capdiff's fuzz targets: a package of its own beside the main one, so the main package's build
// and tests never see libFuzzer. Build and run through scripts/fuzz (release, -sanitize=fuzzer,address,
// -enable-testing so the targets can reach the readers' internal entry points).
//
// A path dependency's identity is its folder's name, which is "capdiff" in a fresh clone but
// differs in a worktree or a CI checkout; so the name is read from the path itself.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "capdiff-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .systemLibrary(name: "CFuzzer", path: "Sources/CFuzzer"),
        .executableTarget(
            name: "capdiff-fuzz",
            dependencies: ["CFuzzer", .product(name: "CapDiffCore", package: root.lastPathComponent)],
            path: "Sources/capdiff-fuzz",
            // SwiftPM links every executable with main renamed to <module>_main, so libFuzzer's own
            // main() is never used: the target's @main calls libFuzzer's LLVMFuzzerRunDriver.
            // Only this executable links libFuzzer: scripts/fuzz passes -sanitize=address and the
            // coverage that -sanitize=fuzzer implies to every module, since -sanitize=fuzzer on
            // every link breaks the main package's build-tool executable (embed-glossary).
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
