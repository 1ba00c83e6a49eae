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
        let number = try #require(try ClaimsTable.claim(from: rows[1], reportID: report))
        #expect(number.incidentID == "o1" && number.figure == "population" && number.originator == "s1" && number.group == nil)
        #expect(number.value == .number(120) && number.bound == .exact && number.low == 120 && number.high == 120)
        #expect(number.quotes == [Quote(text: " o1 ,population,s1, 120", start: 30, end: 53)])
        #expect(number.claimID == "csv:aaaaaaaaaaaaaaaa:2")
        #expect(try ClaimsTable.claim(from: rows[2], reportID: report)?.value == .label("terrier"))
        #expect(try ClaimsTable.claim(from: rows[3], reportID: report)?.value == .label("0x1F"))
    }

    @Test("a short row or an empty field is refused, naming the field")
    func badRows() throws {
        let rows = try CSVParser.rows("object,attribute,source,value\no1,population,s1\no1,,s1,3\n")
        let report = String(repeating: "a", count: 64)
        #expect { try ClaimsTable.claim(from: rows[1], reportID: report) } throws: { ($0 as? WireFormatError)?.reason.contains("expected 4 fields") == true }
        #expect { try ClaimsTable.claim(from: rows[2], reportID: report) } throws: { ($0 as? WireFormatError)?.field == "attribute" }
    }

    @Test("numbers as tables write them: thousands, currency, percent, K/M/B/T and bn/mn, the minus sign, Arabic-Indic digits")
    func formattedNumbers() {
        let read: [(String, Double)] = [
            ("1,234,567", 1_234_567), ("-1,234", -1234), ("1 234", 1234), ("1\u{00A0}234.5", 1234.5), ("$3.50", 3.5), ("+0.50%", 0.5),
            ("380.67K", 380_670), ("2.08B", 2_080_000_000), ("1.5M", 1_500_000), ("١٢٣٬٤٥٦", 123_456), ("١٢٫٥", 12.5), ("۷۸", 78),
            (" 42 ", 42), ("1e6", 1_000_000), ("007", 7), ("\u{2212}3.5", -3.5), ("1.2bn", 1_200_000_000), ("$3.4BN", 3_400_000_000),
            ("25mn", 25_000_000),
        ]
        for (text, value) in read { #expect(ClaimsTable.number(text) == value, "\(text)") }
        // Not numbers: broken grouping, mixed separators, words, times, codes, units other than K/M/B/T
        for text in ["1,23", "1,2345", "1,234 567", "12 people", "7:45", "n/a", "0x1F", "1.2.3", "12m", "K", "$", "", "1e6K", "bn", "1e6bn", "12 bn"] {
            #expect(ClaimsTable.number(text) == nil, "\(text)")
        }
    }

    @Test("an empty value states no claim; a number that cannot be stored exactly is refused, quoting it as written")
    func emptyAndOutOfRange() throws {
        let rows = try CSVParser.rows("object,attribute,source,value\no1,price,s1,\no1,price,s1,  \no1,n,s1,1e400\no1,n,s1,9007199254740993\no1,n,s1,9007199254740991\n")
        let report = String(repeating: "a", count: 64)
        #expect(try ClaimsTable.claim(from: rows[1], reportID: report) == nil)
        #expect(try ClaimsTable.claim(from: rows[2], reportID: report) == nil)
        #expect { try ClaimsTable.claim(from: rows[3], reportID: report) } throws: { ($0 as? WireFormatError)?.reason.contains("\"1e400\" is a number too large") == true }
        #expect { try ClaimsTable.claim(from: rows[4], reportID: report) } throws: { ($0 as? WireFormatError)?.reason.contains("\"9007199254740993\"") == true }
        #expect(try ClaimsTable.claim(from: rows[5], reportID: report)?.value == .number(9_007_199_254_740_991))
    }

    @Test("columns may come in any order, group is optional, other columns are ignored; a missing column is named")
    func columns() throws {
        let rows = try CSVParser.rows("Value,source,OBJECT,attribute,group,notes\n6,scd,atmeh,killed,children,from the wire\n13,scd,atmeh,killed,,\n")
        let columns = try ClaimsTable.Columns(header: rows[0].fields)
        #expect(columns.ignored == ["notes"] && columns.group == 4 && columns.count == 6)
        let report = String(repeating: "a", count: 64)
        let children = try #require(try ClaimsTable.claim(from: rows[1], columns: columns, reportID: report))
        #expect(children.incidentID == "atmeh" && children.figure == "killed" && children.group == "children"
                && children.originator == "scd" && children.value == .number(6))
        #expect(try ClaimsTable.claim(from: rows[2], columns: columns, reportID: report)?.group == nil)
        #expect { try ClaimsTable.Columns(header: ["object", "figure", "source", "value"]) } throws: {
            ($0 as? WireFormatError)?.reason.contains("has no column attribute") == true
        }
        #expect { try ClaimsTable.Columns(header: ["object", "attribute", "source", "value", "value"]) } throws: {
            ($0 as? WireFormatError)?.reason.contains("names the column value twice") == true
        }
    }

    @Test("a measured value written with decimals stands for what they cover; whole numbers and counts stay exact")
    func writtenPrecision() throws {
        func ends(_ text: String) -> [Double]? { ClaimsTable.writtenPrecision(text).map { [$0.low, $0.high] } }
        #expect(ends("159.4") == [159.35, 159.45])
        #expect(ends("159.40") == [159.395, 159.405])
        #expect(ends("-3.5") == [-3.55, -3.45])
        #expect(ends("2.08B") == [2_075_000_000, 2_085_000_000])
        #expect(ends("$1,234.5") == [1234.45, 1234.55])
        #expect(ends("159") == nil && ends("8860") == nil && ends("1e3") == nil && ends("n/a") == nil)
        // A value that is not negative does not stand for negatives; a negative one keeps both sides
        #expect(ends("0.0") == [0, 0.05] && ends("-0.05") == [-0.055, -0.045])
        // Too many digits for exact ends: taken as written, never an interval that misses the value
        for text in ["72143260770.64444", "7219438894093.811", "123456789012345.67"] {
            let value = try #require(ClaimsTable.number(text))
            if let (low, high) = ClaimsTable.writtenPrecision(text) { #expect(low <= value && value <= high, "\(text)") }
        }
        #expect { try ClaimsTable.parseValue("1e-400") } throws: { ($0 as? WireFormatError)?.reason.contains("too small") == true }
        let rows = try CSVParser.rows("object,attribute,group,source,value\ns,close,,a,159.4\ni,killed,children,a,6\n")
        let columns = try ClaimsTable.Columns(header: rows[0].fields)
        let price = try #require(try ClaimsTable.claim(from: rows[1], columns: columns, reportID: String(repeating: "a", count: 64)))
        #expect(price.value == .number(159.4) && price.bound == .exact && price.low == 159.35 && price.high == 159.45)
        let count = try #require(try ClaimsTable.claim(from: rows[2], columns: columns, reportID: String(repeating: "a", count: 64)))
        #expect(count.low == 6 && count.high == 6)
    }

    @Test("a value is read to the decimals its source writes on values as large: a shorter one lost trailing zeros")
    func writtenPlacesOfASource() throws {
        let table = """
        object,attribute,source,value
        s,close,cents,1.9
        t,close,cents,12.34
        s,volume,cents,2.5
        s,close,tenths,1.9
        t,close,tenths,12.3
        s,close,figures,12.3
        t,close,figures,1.23
        u,close,figures,0.1
        s,close,whole,7
        t,close,whole,7.25
        """
        let rows = try CSVParser.rows(table)
        let places = ClaimsTable.WrittenPlaces(rows: rows.dropFirst(), columns: .standard)
        func ends(_ line: Int) throws -> [Double?] {
            let claim = try #require(try ClaimsTable.claim(from: rows[line - 1], reportID: String(repeating: "a", count: 64), places: places))
            return [claim.low, claim.high]
        }
        // A source that writes cents elsewhere in the attribute wrote 1.90 as "1.9"
        #expect(try ends(2) == [1.895, 1.905] && ends(3) == [12.335, 12.345])
        // Another attribute is read on its own, and a source that writes tenths rounds to tenths
        #expect(try ends(4) == [2.45, 2.55] && ends(5) == [1.85, 1.95])
        // Significant figures: more decimals on smaller values say nothing about larger ones, while
        // a smaller value is read at least as finely as larger ones are written
        #expect(try ends(7) == [12.25, 12.35] && ends(8) == [1.225, 1.235] && ends(9) == [0.095, 0.105])
        // A whole number stays exact, whatever else its source writes
        #expect(try ends(10) == [7, 7])
        // Without the table's places a value is read as written
        #expect(try ClaimsTable.claim(from: rows[1], reportID: String(repeating: "a", count: 64))?.low == 1.85)
    }
}
