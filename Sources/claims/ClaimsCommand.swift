import ArgumentParser
import Foundation
import Ledger

@main
struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "An event-sourced ledger of casualty claims from news reports.",
        discussion: """
            Every assertion extracted from a report is appended once, as an immutable, hash-chained \
            event with its provenance. The ledger is one SQLite file: --ledger PATH, or $CLAIMS_LEDGER, \
            or ./claims.sqlite.
            """,
        subcommands: [
            Init.self, Ingest.self, Append.self, Import.self, Export.self, Log.self, Verify.self, Stats.self,
            Schema.self, Extract.self, Reextract.self, Demo.self,
            Incidents.self, ConsensusCommand.self, ReliabilityCommand.self, HistoryCommand.self, Explain.self, Rebuild.self, Evaluate.self,
        ]
    )
}

/// The ledger file every command works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger file (default: $CLAIMS_LEDGER, else ./claims.sqlite).", valueName: "path"))
    var ledger: String?

    var path: String {
        ledger ?? ProcessInfo.processInfo.environment["CLAIMS_LEDGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "claims.sqlite"
    }

    func open(_ access: LedgerStore.Access) throws -> LedgerStore {
        try LedgerStore.open(at: path, access: access)
    }
}

/// Who appends: recorded in every event's envelope.
struct ActorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Who is appending, recorded in each event (default: $USER).", valueName: "name"))
    var actor: String?

    var name: String { actor ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "claims" }
}

/// Prints an error the way every command does and exits non-zero.
func fail(_ error: any Error) -> ExitCode {
    Terminal.error(String(describing: error))
    return ExitCode.failure
}

/// Runs a command body, turning ledger and input errors into a message and exit code 1.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        throw fail(error)
    }
}
