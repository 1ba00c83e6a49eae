import Foundation

/// Which writing system a token is in.
enum Script: Sendable { case latin, arabic, other }

/// A word, number or punctuation mark of a report, located by Unicode-scalar offsets into the
/// normalised report text (`end` exclusive). A class: the rules look at tokens many times, and a
/// reference is cheaper to pass around than three strings and an array. Tokens are filled in
/// once by the tokenizer and ``Run`` and never changed afterwards.
final class Token: @unchecked Sendable {
    init(kind: Kind, start: Int, end: Int, text: String, norm: String, script: Script, spaceBefore: Bool, stems: [String]) {
        self.kind = kind; self.start = start; self.end = end; self.text = text; self.norm = norm
        self.script = script; self.spaceBefore = spaceBefore; self.stems = stems
    }
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    var start: Int
    var end: Int
    /// The text as written.
    var text: String
    /// Matching form: Latin lower-cased without diacritics; Arabic without harakat and tatweel,
    /// with أ إ آ ٱ → ا, ى → ي, ة → ه. Numbers: ASCII digits with `.` as the decimal mark.
    var norm: String
    var script: Script
    /// Whether whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// Whether a line break separates this token from the previous one.
    var lineBefore: Bool = false
    /// Whether a blank line (or a paragraph separator) separates this token from the previous one.
    var paragraphBefore: Bool = false
    /// For Arabic words: the stems that remain after removing proclitics (و ف ب ل ك ال لل),
    /// longest first, the word itself included.
    var stems: [String]
    /// Lexicon look-ups, filled once per token by ``Run`` (the rules ask them many times).
    var cachedTrigger: String? = nil
    var cachedGroup: (String, GrammaticalNumber)? = nil
    var cachedThing: String? = nil
    /// Which single-victim and war-toll rules may start at this word (``SingleVictim/cues``).
    var cachedCues: VictimCues = []
}

enum Scalars {
    static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0621...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v)
            || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v) && v != 0xFEFF
    }
    static func isArabicMark(_ v: UInt32) -> Bool { (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640 || (0x06D6...0x06ED).contains(v) }
    static func digit(_ v: UInt32) -> UInt32? {
        if (0x30...0x39).contains(v) { return v - 0x30 }
        if (0x0660...0x0669).contains(v) { return v - 0x0660 }
        if (0x06F0...0x06F9).contains(v) { return v - 0x06F0 }
        return nil
    }
    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { return true }
        if v < 0xC0 { return false }
        if (0x0300...0x036F).contains(v) { return true } // combining marks stay inside words
        return v < 0x0600 && s.properties.isAlphabetic || (0x1E00...0x1EFF).contains(v)
    }
    /// Bidi controls and other invisible format characters: skipped like spaces.
    static func isInvisible(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF || v == 0x061C || v == 0x00AD
    }
}

enum ArabicNorm {
    /// Matching form of an Arabic word (see ``Token/norm``): harakat and tatweel removed, أ إ آ ٱ → ا,
    /// ى → ي, ة → ه, and then every Arabic letter written as one ASCII character (capitals and
    /// symbols, never lower-case letters, so no Arabic form equals an English one). ASCII strings
    /// hash and compare without Unicode normalisation and short ones need no allocation: this is
    /// what makes the word lists fast. Letters keep their count, so prefixes and suffixes
    /// (`hasPrefix(n("ال"))`) still work. Apply it to every Arabic literal a rule compares with.
    static func normalise(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            var v = u.value
            if Scalars.isArabicMark(v) { continue }
            switch v {
            case 0x0623, 0x0625, 0x0622, 0x0671: v = 0x0627
            case 0x0649: v = 0x064A
            case 0x0629: v = 0x0647
            default: break
            }
            if (0x0621...0x064A).contains(v), let a = ascii[Int(v - 0x0621)] { out.append(a) } else { out.append(Unicode.Scalar(v)!) }
        }
        return String(out)
    }

    /// ASCII stand-ins for U+0621…U+064A (nil: normalised away above, or not a letter).
    static let ascii: [Unicode.Scalar?] = {
        var table = [Unicode.Scalar?](repeating: nil, count: 0x064A - 0x0621 + 1)
        let letters: [UInt32] = [0x0621, 0x0624, 0x0626, 0x0627, 0x0628] + Array(0x062A...0x063F) + Array(0x0641...0x0648) + [0x064A]
        let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ$&*+<>|~^_".unicodeScalars)
        for (k, v) in letters.enumerated() { table[Int(v - 0x0621)] = symbols[k] }
        return table
    }()

    /// A matching form written back in Arabic letters (harakat and letter variants stay
    /// normalised away), for ids a person reads.
    static func readable(_ norm: String) -> String {
        String(String.UnicodeScalarView(norm.unicodeScalars.map { arabic[$0] ?? $0 }))
    }
    static let arabic: [Unicode.Scalar: Unicode.Scalar] = {
        var d: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (k, a) in ascii.enumerated() { if let a { d[a] = Unicode.Scalar(UInt32(0x0621 + k))! } }
        return d
    }()

    static let waw: Character = Character(normalise("و")), fa: Character = Character(normalise("ف"))
    static let ba: Character = Character(normalise("ب")), lam: Character = Character(normalise("ل")), kaf: Character = Character(normalise("ك"))
    static let lamLam = normalise("لل"), al = normalise("ال")


    /// Candidate stems of a normalised Arabic word with proclitics removed, the word first.
    static func stems(_ w: String) -> [String] {
        var result: [String] = [w]
        func add(_ s: Substring) { if s.count >= 2 { let t = String(s); if !result.contains(t) { result.append(t) } } }
        var bases: [Substring] = [Substring(w)]
        if let f = w.first, f == waw || f == fa, w.count > 2 { bases.append(w.dropFirst()) }
        for b in bases {
            add(b)
            var c = b
            if let f = c.first, f == ba || f == lam || f == kaf, c.count > 2 {
                c = c.dropFirst()
                add(c)
                if b.hasPrefix(lamLam) { add(al + b.dropFirst(2)); add(b.dropFirst(2)) }
            }
            if c.hasPrefix(al), c.count > 3 { add(c.dropFirst(2)) }
        }
        return result
    }
}

enum LatinNorm {
    static func normalise(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ʿ", with: "").replacingOccurrences(of: "ʾ", with: "")
    }
}

/// Splits normalised text into tokens in one linear pass.
enum Tokenizer {
    static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        // UTF-8 offset of each scalar, so a token's text is one copy of its bytes.
        let bytes = Array(text.utf8)
        var byteAt = [Int](repeating: 0, count: scalars.count + 1)
        var offset = 0
        for (k, u) in scalars.enumerated() { byteAt[k] = offset; offset += UTF8.width(u) }
        byteAt[scalars.count] = offset
        func slice(_ a: Int, _ b: Int) -> String { String(decoding: bytes[byteAt[a]..<byteAt[b]], as: UTF8.self) }
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        var space = true
        var line = true
        var lineBreaks = 2
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            let v = s.value
            if v == 0x20 || (v < 0x80 ? (0x09...0x0D).contains(v) : (s.properties.isWhitespace || Scalars.isInvisible(v) || v == 0xA0)) {
                space = true
                if v == 0x0A || v == 0x2029 || v == 0x2028 { line = true; lineBreaks += v == 0x2029 ? 2 : 1 }
                i += 1; continue
            }
            let start = i
            if Scalars.digit(v) != nil {
                // Digits with inner group or decimal separators: 1,000 · 1.5 · ١٬٢٠٠ · ٣٫٥
                var digits = ""
                var j = i
                var length = 0
                while j < n {
                    let u = scalars[j].value
                    if let d = Scalars.digit(u) {
                        length += 1
                        if length <= 40 { digits.unicodeScalars.append(Unicode.Scalar(0x30 + d)!) }
                        j += 1
                    } else if (u == 0x2C || u == 0x066C || u == 0x2E || u == 0x066B) && j + 1 < n && Scalars.digit(scalars[j + 1].value) != nil {
                        if u == 0x2E || u == 0x066B { digits.append(".") } else { digits.append(",") }
                        j += 1
                    } else { break }
                }
                let raw = slice(start, j)
                tokens.append(Token(kind: .number, start: start, end: j, text: raw, norm: length > 40 ? "overflow" : digits,
                                    script: .other, spaceBefore: space, stems: []))
                i = j
            } else if Scalars.isArabicLetter(v) || Scalars.isArabicMark(v) {
                var j = i
                while j < n, Scalars.isArabicLetter(scalars[j].value) || Scalars.isArabicMark(scalars[j].value) { j += 1 }
                var raw = slice(start, j)
                var norm = ArabicNorm.normalise(raw)
                if let cut = GluedWords.split(norm), let rawCut = GluedWords.rawOffset(scalars, start, j, letters: cut) {
                    // "مصادرعن": a source noun run into the word after it is two words.
                    let first = slice(start, rawCut)
                    let firstNorm = ArabicNorm.normalise(first)
                    tokens.append(Token(kind: .word, start: start, end: rawCut, text: first, norm: firstNorm, script: .arabic,
                                        spaceBefore: space, stems: ArabicNorm.stems(firstNorm)))
                    tokens[tokens.count - 1].lineBefore = line
                    tokens[tokens.count - 1].paragraphBefore = lineBreaks >= 2
                    space = false; line = false; lineBreaks = 0
                    raw = slice(rawCut, j)
                    norm = ArabicNorm.normalise(raw)
                    tokens.append(Token(kind: .word, start: rawCut, end: j, text: raw, norm: norm, script: .arabic,
                                        spaceBefore: false, stems: ArabicNorm.stems(norm)))
                    i = j
                    continue
                }
                tokens.append(Token(kind: .word, start: start, end: j, text: raw, norm: norm, script: .arabic,
                                    spaceBefore: space, stems: j - start > 60 ? [norm] : ArabicNorm.stems(norm)))
                i = j
            } else if Scalars.isLatinLetter(s) {
                var j = i
                while j < n {
                    let u = scalars[j]
                    if Scalars.isLatinLetter(u) { j += 1; continue }
                    // Inner apostrophes: Qa'ida, don't
                    if (u == "'" || u == "\u{2019}") && j + 1 < n && Scalars.isLatinLetter(scalars[j + 1]) && j > start { j += 1; continue }
                    break
                }
                let raw = slice(start, j)
                let norm = LatinNorm.normalise(raw)
                tokens.append(Token(kind: .word, start: start, end: j, text: raw, norm: norm, script: .latin,
                                    spaceBefore: space, stems: [norm]))
                i = j
            } else {
                tokens.append(Token(kind: .punct, start: start, end: start + 1, text: String(s), norm: String(s),
                                    script: .other, spaceBefore: space, stems: []))
                i += 1
            }
            tokens[tokens.count - 1].lineBefore = line
            tokens[tokens.count - 1].paragraphBefore = lineBreaks >= 2
            space = false
            line = false
            lineBreaks = 0
        }
        return tokens
    }
}

/// Source nouns typed without the space before the next word (`مصادرعن`, `مصدرأن`): news text
/// often loses that space, and the source would go unnoticed.
enum GluedWords {
    static let sourceNouns: [String] = ["مصادر", "مصدر", "ناشطون", "ناشطين", "نشطاء", "مسؤولون", "شهود"].map(ArabicNorm.normalise)
    static let following: Set<String> = Set(["عن", "أن", "إن", "بأن", "في", "من", "إلى", "على"].map(ArabicNorm.normalise))

    /// Number of letters of the normalised word that form the source noun, when the rest is a
    /// preposition or complementiser.
    static func split(_ norm: String) -> Int? {
        var w = Substring(norm)
        var proclitic = 0
        if let f = w.first, f == ArabicNorm.waw || f == ArabicNorm.fa, w.count > 4 { w = w.dropFirst(); proclitic = 1 }
        for noun in sourceNouns where w.hasPrefix(noun) && w.count > noun.count {
            if following.contains(String(w.dropFirst(noun.count))) { return proclitic + noun.count }
        }
        return nil
    }

    /// The scalar offset where the first `letters` letters (not counting marks) of a raw word end.
    static func rawOffset(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, letters: Int) -> Int? {
        var seen = 0
        var k = start
        while k < end {
            if !Scalars.isArabicMark(scalars[k].value) {
                if seen == letters { return k }
                seen += 1
            }
            k += 1
        }
        return nil
    }
}
