import CGMime

/// The one Swift file that calls the GMime facade.
enum GMime {
    /// GMime's version, e.g. 30213 for 3.2.13.
    static var version: Int { Int(cgmime_version()) }
}
