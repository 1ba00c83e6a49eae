import Foundation

/// Output helpers: results to stdout, messages and progress to stderr.
enum Terminal {
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("claims: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// A progress line that rewrites itself; shown only when stderr is a terminal.
    static func progress(_ label: String, done: Int, total: Int) {
        guard stderrIsTerminal else { return }
        let percent = total > 0 ? done * 100 / total : 100
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total) (\(percent)%)\u{1B}[K".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Pads to a width counted in characters (Arabic and Latin alike).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
