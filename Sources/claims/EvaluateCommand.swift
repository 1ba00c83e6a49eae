import ArgumentParser

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extractor and the projections on evaluation sets.",
        subcommands: [EvaluateExtraction.self])
}
