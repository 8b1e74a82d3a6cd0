// swift-tools-version:6.0
import PackageDescription

// C libraries stay at the edges. System ICU and libxml2 headers clash with the ICU that
// Foundation bundles on Linux ("'UErrorCode' has different definitions in different modules"),
// so only the facades' .c files include them; their public headers use plain C types.
// The `.systemLibrary` targets only supply include and link flags to those facades.
let package = Package(
    name: "capdiff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capdiff", targets: ["capdiff"]),
        .library(name: "CapDiffCore", targets: ["CapDiffCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CICUSystem", path: "Sources/CICUSystem", pkgConfig: "icu-i18n",
                       providers: [.apt(["libicu-dev"])]),
        .target(name: "CICU", dependencies: ["CICUSystem"], path: "Sources/CICU"),
        .systemLibrary(name: "CLibXML2System", path: "Sources/CLibXML2System", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2", dependencies: ["CLibXML2System"], path: "Sources/CLibXML2"),
        .systemLibrary(name: "CGMimeSystem", path: "Sources/CGMimeSystem", pkgConfig: "gmime-3.0",
                       providers: [.apt(["libgmime-3.0-dev"])]),
        .target(name: "CGMime", dependencies: ["CGMimeSystem"], path: "Sources/CGMime"),
        .systemLibrary(name: "CPopplerSystem", path: "Sources/CPopplerSystem", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "CPoppler", dependencies: ["CPopplerSystem"], path: "Sources/CPoppler"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer",
                       providers: [.apt(["libstemmer-dev"])]),
        // DEFLATE for DOCX (Input/BoundedZIP.swift reads the ZIP structure itself).
        .systemLibrary(name: "CZlibSystem", path: "Sources/CZlibSystem", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CZlib", dependencies: ["CZlibSystem"], path: "Sources/CZlib"),
        .target(
            name: "CapDiffCore",
            dependencies: ["CICU", "CLibXML2", "CGMime", "CPoppler", "CStemmer", "CZlib"],
            path: "Sources/CapDiffCore",
            plugins: ["EmbedGlossary"]
        ),
        .executableTarget(
            name: "capdiff",
            dependencies: [
                "CapDiffCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/capdiff"
        ),
        // Compiles glossary/*.tsv into the library, so the default glossary travels with the
        // binary and capdiff behaves the same from any folder.
        .executableTarget(name: "embed-glossary", path: "Plugins/EmbedGlossaryTool"),
        .plugin(name: "EmbedGlossary", capability: .buildTool(), dependencies: ["embed-glossary"],
                path: "Plugins/EmbedGlossary"),
        .testTarget(
            name: "CapDiffCoreTests",
            dependencies: ["CapDiffCore"],
            path: "Tests/CapDiffCoreTests",
            exclude: ["Golden"]
        ),
    ]
)
