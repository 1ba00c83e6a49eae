import Crypto
import Foundation

/// Report text as the ledger stores it, and its identity.
public enum ReportText {
    /// NFC, line ends as LF, no leading byte-order mark. Offsets of quotes refer to this form.
    public static func normalise(_ text: String) -> String {
        var t = text
        if t.unicodeScalars.first == "\u{FEFF}" { t.unicodeScalars.removeFirst() }
        if t.utf8.contains(0x0D) {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        // Pure ASCII is already NFC; skip the costly normalisation for it.
        if t.utf8.contains(where: { $0 >= 0x80 }), !isStableUnderNFC(t) { t = t.precomposedStringWithCanonicalMapping }
        return t
    }

    /// What `claims ingest` stores: normalised text without the whitespace and blank lines it ends
    /// with, so that a copy differing only there (a trailing newline an editor added) is the same
    /// report. Nothing before the end moves, so quote offsets are unaffected.
    public static func trimmingEnd(_ normalised: String) -> String {
        let scalars = normalised.unicodeScalars
        guard let last = scalars.last, last.properties.isWhitespace else { return normalised }
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[..<end])
    }

    /// A cheap, conservative check that NFC leaves `text` unchanged: every scalar is below
    /// U+0300 (no combining marks), an Arabic letter, digit or sign that neither decomposes nor
    /// composes, an Arabic short vowel (U+064B–U+0652: no compositions) not following another
    /// combining mark (so no reordering), or general punctuation U+2002–U+2027. False means
    /// "do the full normalisation", never "not NFC".
    static func isStableUnderNFC(_ text: String) -> Bool {
        var previousWasMark = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x0600...0x064A).contains(v) || (0x0660...0x066F).contains(v) || (0x0671...0x06D5).contains(v)
                || (0x2002...0x2027).contains(v) {
                previousWasMark = false
            } else if (0x064B...0x0652).contains(v), !previousWasMark {
                previousWasMark = true
            } else {
                return false
            }
        }
        return true
    }

    /// SHA-256 of the UTF-8 bytes of already normalised text, lowercase hex.
    public static func id(ofNormalised text: String) -> String {
        Hex.encode(Array(SHA256.hash(data: Array(text.utf8))))
    }

    /// Decodes file bytes as UTF-8, naming the byte offset and line of the first invalid sequence.
    public static func decode(_ bytes: [UInt8]) throws(InvalidUTF8) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find where it breaks: decode scalar by scalar.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput: break loop
            case .error: throw InvalidUTF8(byteOffset: offset, line: line)
            }
        }
        throw InvalidUTF8(byteOffset: offset, line: line)
    }
}

public struct InvalidUTF8: Error, Equatable, Sendable, CustomStringConvertible {
    public var byteOffset: Int
    public var line: Int
    public var description: String { "invalid UTF-8 at byte \(byteOffset) (line \(line)); convert the file to UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)" }
}

/// Finds text by Unicode-scalar offsets in O(1 + stride) after one pass over the text.
public struct ScalarOffsetIndex: Sendable {
    static let stride = 128
    let utf8: [UInt8]
    /// UTF-8 byte offset of every `stride`-th scalar.
    let checkpoints: [Int]
    public let scalarCount: Int

    public init(_ text: String) {
        utf8 = Array(text.utf8)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(utf8.count / ScalarOffsetIndex.stride + 1)
        var count = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            if count % ScalarOffsetIndex.stride == 0 { checkpoints.append(offset) }
            count += 1
        }
        self.checkpoints = checkpoints
        scalarCount = count
    }

    func byteOffset(ofScalar index: Int) -> Int {
        if index >= scalarCount { return utf8.count }
        var offset = checkpoints[index / ScalarOffsetIndex.stride]
        var remaining = index % ScalarOffsetIndex.stride
        while remaining > 0 {
            offset += 1
            while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The text between two scalar offsets, or nil when they are out of range.
    public func text(from start: Int, to end: Int) -> String? {
        guard start >= 0, start <= end, end <= scalarCount else { return nil }
        return String(decoding: utf8[byteOffset(ofScalar: start)..<byteOffset(ofScalar: end)], as: UTF8.self)
    }
}

/// Lowercase hexadecimal, as hashes and ids are written.
public enum Hex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: bytes.count * 2)
        for (i, b) in bytes.enumerated() {
            out[2 * i] = digits[Int(b >> 4)]
            out[2 * i + 1] = digits[Int(b & 0xF)]
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
