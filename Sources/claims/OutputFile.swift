import Foundation
import Ledger

/// Writing a command's output file: whole or not at all, and never over something that is not
/// an output file.
enum OutputFile {
    /// Writes `path` through `body` into a temporary file beside it, then renames that over
    /// `path` in one step, so a failure leaves the old file (or none) and no half file. Refuses a
    /// folder and the ledger file `sparing`, which renaming would destroy.
    static func replace<T>(_ path: String, sparing ledgerPath: String, _ body: (FileHandle) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        if path.hasSuffix("/") || PathKind(path) == .folder {
            let example = (path as NSString).appendingPathComponent("export.ndjson")
            throw InputError(file: path, message: "names a folder; give the path of a file to write, e.g. \(example)")
        }
        if url.resolvingSymlinksInPath().standardizedFileURL == URL(fileURLWithPath: ledgerPath).resolvingSymlinksInPath().standardizedFileURL {
            throw InputError(file: path, message: "is the ledger itself; give another file to write")
        }
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw InputError(file: path, message: "cannot create the file; check that the folder \(folder) exists and is writable")
        }
        do {
            let result = try body(handle)
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw InputError(file: path, message: "cannot replace it (\(String(cString: strerror(errno)))); nothing was written")
            }
            return result
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
