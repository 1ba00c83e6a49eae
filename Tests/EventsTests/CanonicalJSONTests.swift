import Foundation
import Testing
@testable import Events

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("keys are sorted by UTF-8 bytes and whitespace is dropped")
    func sortedKeys() throws {
        let value = try JSONValue.parse(#" { "b" : 1, "a": [ true, null ], "ع": "x", "Z": {"y": 2, "x": 1} } "#)
        #expect(value.canonicalString == #"{"Z":{"x":1,"y":2},"a":[true,null],"b":1,"ع":"x"}"#)
    }

    @Test("one spelling per number", arguments: [
        ("13", "13"), ("13.0", "13"), ("1.3e1", "13"), ("-0", "0"), ("0.5", "0.5"), ("1e20", "1e+20"), ("9007199254740992", "9007199254740992"),
    ])
    func numbers(input: String, canonical: String) throws {
        #expect(try JSONValue.parse(input).canonicalString == canonical)
    }

    @Test("strings escape only quotes, backslashes and control characters")
    func escaping() throws {
        let value = JSONValue.string("a\"b\\c\nd\u{1}é/ع")
        #expect(value.canonicalString == "\"a\\\"b\\\\c\\nd\\u0001é/ع\"")
        #expect(try JSONValue.parse(value.canonicalString) == value)
    }

    @Test("surrogate pairs decode; lone surrogates are rejected")
    func surrogates() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(#""\ud83d""#) }
    }

    @Test("syntax errors name the column", arguments: [
        (#"{"a": 1,}"#, 9), (#"{"a" 1}"#, 6), ("[1, 2", 6), ("", 1), (#"{"a": 01}"#, 7), (#"{"a":1} x"#, 9), (#"{"a":1,"a":2}"#, 8),
    ])
    func syntaxErrors(input: String, column: Int) {
        #expect {
            try JSONValue.parse(input)
        } throws: { error in
            (error as? JSONSyntaxError)?.column == column
        }
    }

    @Test("numbers that overflow a double are rejected, not turned into infinity")
    func hugeNumbers() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("1e400") }
    }

    @Test("nesting is bounded")
    func deepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }

    struct Row: Codable, Equatable {
        struct Part: Codable, Equatable { var name: String; var share: Double }
        var zeta: Int
        var alpha: String?
        var missing: String?
        var parts: [Part]
        var byName: [String: Int]
        var flags: [Bool?]
        var path: String
    }

    @Test("the canonical Encoder writes sorted keys, leaves out nil optionals, and reads back with JSONDecoder")
    func encoder() throws {
        let row = Row(zeta: 13, alpha: "ع/\"", missing: nil, parts: [Row.Part(name: "b", share: 0.25), Row.Part(name: "a", share: 2)],
                      byName: ["y": 1, "x": -2], flags: [true, nil], path: "a/b")
        let bytes = try CanonicalEncoder.bytes(row)
        #expect(String(decoding: bytes, as: UTF8.self)
            == #"{"alpha":"ع/\"","byName":{"x":-2,"y":1},"flags":[true,null],"parts":[{"name":"b","share":0.25},{"name":"a","share":2}],"path":"a/b","zeta":13}"#)
        #expect(try JSONDecoder().decode(Row.self, from: Data(bytes)) == row)
        // The same value always gives the same bytes, and they are already canonical.
        #expect(try JSONValue.parse(bytes: bytes).canonicalBytes == bytes)
    }

    @Test("the canonical Encoder refuses numbers JSON cannot hold")
    func encoderNonFinite() {
        #expect(throws: EncodingError.self) { try CanonicalEncoder.bytes([Double.nan]) }
    }

    class Base: Encodable {
        var a = 1
    }

    final class Derived: Base {
        var b = "x"
        enum Keys: String, CodingKey { case b }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(b, forKey: .b)
            try super.encode(to: container.superEncoder())
        }
    }

    @Test("a superclass's encoding goes under \"super\", beside the subclass's members")
    func encoderSuper() throws {
        #expect(String(decoding: try CanonicalEncoder.bytes(Derived()), as: UTF8.self) == #"{"b":"x","super":{"a":1}}"#)
    }

    @Test("integers of any size are written in full", arguments: [Int64.max, Int64.min, 0, -7, 1_000_000_000_000_000_000])
    func integers(n: Int64) {
        var out: [UInt8] = []
        JSONValue.writeInteger(n, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(n))
    }
}
