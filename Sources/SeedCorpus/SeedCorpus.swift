import Foundation

/// The five seed articles and the hand annotation of their claims, bundled as example data
/// for `claims demo` and for tests.
public enum SeedCorpus {
    public struct Article: Sendable {
        public var fileName: String
        public var url: URL
        /// What `claims ingest` would be told about it.
        public var outlet: String?
        public var language: String
        public var published: String
    }

    static var dataDirectory: URL { Bundle.module.url(forResource: "Data", withExtension: nil)! }

    /// The articles, in file-name order, with what is known of each beyond its text.
    public static var articles: [Article] {
        let manifest = dataDirectory.appendingPathComponent("articles.tsv")
        let lines = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
        return lines.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Article(fileName: f[0], url: dataDirectory.appendingPathComponent("articles/\(f[0])"),
                           outlet: f[1].isEmpty ? nil : f[1], language: f[2], published: f[3])
        }
    }

    /// The hand annotation: NDJSON events in the append wire format (sources, incidents, claims).
    public static var annotation: URL { dataDirectory.appendingPathComponent("annotation.ndjson") }
}
