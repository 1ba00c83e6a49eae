import Testing
@testable import Events

@Suite("Claims tables (CSV)")
struct ClaimsTableTests {
    @Test("quoted fields are unquoted and each row keeps its line and Unicode-scalar span")
    func rowsAndOffsets() throws {
        let text = "object,attribute,source,value\n\"a, b\",pop,\"s \"\"x\"\"\",12\nحلب,pop,t,label\n"
        let rows = try CSVParser.rows(text)
        #expect(rows.count == 3)
        #expect(rows[1].fields == ["a, b", "pop", "s \"x\"", "12"])
        #expect(rows[2].fields == ["حلب", "pop", "t", "label"])
        #expect(rows[2].line == 3)
        #expect(ScalarOffsetIndex(text).text(from: rows[2].start, to: rows[2].end) == "حلب,pop,t,label")
    }

    @Test("an unclosed quote names the line where its row starts")
    func unclosedQuote() {
        #expect(throws: CSVSyntaxError(line: 2, reason: "a quoted field is not closed")) {
            try CSVParser.rows("object,attribute,source,value\n\"open,pop,s,1\n")
        }
    }

    @Test("a row maps to an exact numeric claim or a label, with no group, quoting its row")
    func mapping() throws {
        let rows = try CSVParser.rows("object,attribute,source,value\n o1 ,population,s1, 120\no2,breed,s2,terrier\no3,code,s3,0x1F\n")
        let report = String(repeating: "a", count: 64)
        let number = try ClaimsTable.claim(from: rows[1], reportID: report)
        #expect(number.incidentID == "o1" && number.figure == "population" && number.originator == "s1" && number.group == nil)
        #expect(number.value == .number(120) && number.bound == .exact && number.low == 120 && number.high == 120)
        #expect(number.quotes == [Quote(text: " o1 ,population,s1, 120", start: 30, end: 53)])
        #expect(number.claimID == "csv:aaaaaaaaaaaaaaaa:2")
        #expect(try ClaimsTable.claim(from: rows[2], reportID: report).value == .label("terrier"))
        #expect(try ClaimsTable.claim(from: rows[3], reportID: report).value == .label("0x1F"))
    }

    @Test("a short row or an empty field is refused, naming the field")
    func badRows() throws {
        let rows = try CSVParser.rows("object,attribute,source,value\no1,population,s1\no1,,s1,3\n")
        let report = String(repeating: "a", count: 64)
        #expect { try ClaimsTable.claim(from: rows[1], reportID: report) } throws: { ($0 as? WireFormatError)?.reason.contains("expected 4 fields") == true }
        #expect { try ClaimsTable.claim(from: rows[2], reportID: report) } throws: { ($0 as? WireFormatError)?.field == "attribute" }
    }
}
