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

    /// Pads to a width counted in characters (Arabic and Latin alike; isolation marks take none).
    static func pad(_ text: String, _ width: Int) -> String {
        let shown = Terminal.width(of: text)
        return shown >= width ? text : text + String(repeating: " ", count: width - shown)
    }

    static func width(of text: String) -> Int {
        text.count - text.unicodeScalars.filter { $0 == firstStrongIsolate || $0 == popDirectionalIsolate }.count
    }

    static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    static let popDirectionalIsolate: Unicode.Scalar = "\u{2069}"

    /// Text with right-to-left letters (Arabic, Hebrew) wrapped in a first-strong isolate
    /// (U+2068 … U+2069, Unicode bidi algorithm), so a terminal lays it out on its own: the
    /// brackets, offsets and arrows printed around it stay where they are written. Left-to-right
    /// text is returned as it is.
    static func isolated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRightToLeft) else { return text }
        return "\(Character(firstStrongIsolate))\(text)\(Character(popDirectionalIsolate))"
    }

    static func isRightToLeft(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }
}
