import Events
import Foundation

/// A problem in an input file, located by file and line.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public init(file: String, line: Int?, _ error: any Error) {
        self.init(file: file, line: line, message: String(describing: error))
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reading report files as the ledger stores them.
public enum ReportFile {
    /// Reads a file (or standard input for `-`) as UTF-8 text, normalised.
    public static func readText(_ path: String) throws -> String {
        try InputFile.check(path)
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, message: "cannot read the file (\(error.localizedDescription)); check the path")
        }
        let text: String
        do { text = try ReportText.decode([UInt8](data)) } catch { throw InputError(file: path, line: error.line, message: error.description) }
        let normalised = ReportText.normalise(text)
        if normalised.allSatisfy(\.isWhitespace) { throw InputError(file: path, message: "the file is empty; nothing to ingest") }
        return normalised
    }
}

/// What a path names on disk.
public enum PathKind: Sendable {
    case missing, file, folder

    public init(_ path: String) {
        var isFolder: ObjCBool = false
        self = !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) ? .missing : isFolder.boolValue ? .folder : .file
    }
}

public enum InputFile {
    /// Fails with a message that says what is wrong when `path` (other than `-`, standard input)
    /// is missing or a folder; reading it would otherwise fail with the system's own words.
    public static func check(_ path: String) throws {
        guard path != "-" else { return }
        switch PathKind(path) {
        case .missing: throw InputError(file: path, message: "no such file; check the path")
        case .folder: throw InputError(file: path, message: "is a folder; give the path of a file in it")
        case .file: return
        }
    }
}

/// Reads a file line by line without holding it all in memory. Lines are split on LF; a
/// trailing CR is dropped, and so is a byte-order mark at the start of the file.
public struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var start = 0
    var atEnd = false
    public private(set) var lineNumber = 0
    public private(set) var bytesRead = 0

    public init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            try InputFile.check(path)
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(file: path, message: "cannot open the file; check the path")
            }
            self.handle = handle
        }
    }

    public mutating func next() -> [UInt8]? {
        while true {
            if lineNumber == 0, start == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                lineNumber += 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
                bytesRead += chunk.count
            } else {
                atEnd = true
            }
        }
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var appended = 0
    public var skipped = 0
    public var lines = 0
    /// Things the import stored as asked but that a user likely did not mean ("file:line: …").
    public var warnings: [String] = []
    public init() {}
}

extension LedgerStore {
    /// Appends NDJSON events in the append wire format: every line is validated and checked
    /// against the ledger; all are appended in one transaction, or, on the first error (which
    /// names the line and field), none.
    public func appendLines(path: String, actor: String) throws -> ImportSummary {
        var reader = try LineReader(path: path)
        return try write(actor: actor) { appender in
            var summary = ImportSummary()
            while let line = reader.next() {
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
                summary.lines += 1
                do {
                    guard let text = String(validating: line, as: UTF8.self) else {
                        throw WireFormatError(field: "", reason: "invalid UTF-8; the input must be UTF-8 JSON")
                    }
                    let outcome = try appender.append(try NewEvent.parse(line: text))
                    if outcome.isNew { summary.appended += 1 } else { summary.skipped += 1 }
                } catch {
                    throw InputError(file: path, line: reader.lineNumber, error)
                }
            }
            if summary.lines == 0 { throw InputError(file: path, message: "the input is empty; expected one JSON event per line") }
            return summary
        }
    }

    /// Imports an export (`claims export`) exactly: positions, envelopes and hashes. The
    /// export must continue this ledger (usually: an empty one); events already here are
    /// skipped, so an interrupted import can simply be run again.
    public func importEvents(path: String, refreshingProjections: Bool = true, progress: ((Int) -> Void)? = nil) throws -> ImportSummary {
        var reader = try LineReader(path: path)
        return try write(actor: "import", refreshingProjections: refreshingProjections) { appender in
            var summary = ImportSummary()
            while let line = reader.next() {
                guard !line.isEmpty else { continue }
                summary.lines += 1
                do {
                    guard let text = String(validating: line, as: UTF8.self) else {
                        throw WireFormatError(field: "", reason: "invalid UTF-8; an export is UTF-8 JSON")
                    }
                    let (recorded, event) = try RecordedEvent.parse(exportLine: text)
                    let outcome = try appender.replicate(recorded, event)
                    if outcome.isNew { summary.appended += 1 } else { summary.skipped += 1 }
                } catch {
                    throw InputError(file: path, line: reader.lineNumber, error)
                }
                if summary.lines % 10_000 == 0 { progress?(reader.bytesRead) }
            }
            if summary.lines == 0 { throw InputError(file: path, message: "the file is empty; expected one exported event per line") }
            return summary
        }
    }

    /// Writes every event, in position order, one canonical JSON object per line.
    public func export(to handle: FileHandle) throws -> Int64 {
        var count: Int64 = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try forEachEvent { event in
            buffer.append(contentsOf: event.exportLine.utf8)
            buffer.append(0x0A)
            count += 1
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        return count
    }
}
