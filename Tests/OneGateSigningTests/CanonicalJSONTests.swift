import Foundation
import OneGateCore
import Testing

@Suite("RFC 8785 canonical JSON")
struct CanonicalJSONTests {
    private func text(_ value: JSONValue) -> String {
        String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
    }

    private func decode(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    @Test("RFC 8785 §3.2.3: members sorted by UTF-16 code units")
    func sortingExample() throws {
        let input = try decode(
            #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#)
        let expected =
            #"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","\#u{f6}":"Latin Small Letter O With Diaeresis","#
            + #""\#u{20ac}":"Euro Sign","\#u{1F600}":"Emoji: Grinning Face","#
            + #""\#u{fb33}":"Hebrew Letter Dalet With Dagesh"}"#
        #expect(text(input) == expected)
    }

    @Test("RFC 8785 §3.2.2: the full serialisation example")
    func serialisationExample() throws {
        let input = try decode(
            #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#)
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
            + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(text(input) == expected)
    }

    @Test(
        "RFC 8785 Appendix B: ECMAScript number serialisation",
        arguments: [
            (0x0000_0000_0000_0000, "0"),
            (0x8000_0000_0000_0000, "0"),
            (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"),
            (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
            (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
            (0x4340_0000_0000_0000, "9007199254740992"),
            (0xC340_0000_0000_0000, "-9007199254740992"),
            (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
            (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
            (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
            (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
            (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
            (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"),
            (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"),
            (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"),
            (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
            (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ] as [(UInt64, String)])
    func numbers(bits: UInt64, expected: String) {
        #expect(text(.double(Double(bitPattern: bits))) == expected)
    }

    @Test("More ECMAScript layouts: small and large exponents, integral doubles")
    func numberLayouts() {
        #expect(text(.double(1e21)) == "1e+21")
        #expect(text(.double(1e20)) == "100000000000000000000")
        #expect(text(.double(1e-7)) == "1e-7")
        #expect(text(.double(1.5e-7)) == "1.5e-7")
        #expect(text(.double(0.1)) == "0.1")
        #expect(text(.double(-0.0)) == "0")
        #expect(text(.double(3.0)) == "3")
        #expect(text(.double(-12.5)) == "-12.5")
        #expect(text(.double(123_456_789_012.0)) == "123456789012")
        #expect(text(.double(.nan)) == "null")
        #expect(text(.int(-42)) == "-42")
        #expect(text(.int(Int64.max)) == "9223372036854775807")
    }

    @Test("Strings: only quote, backslash and controls are escaped; non-ASCII is raw UTF-8")
    func strings() {
        #expect(text("a\"b\\c") == #""a\"b\\c""#)
        #expect(text("\u{8}\u{c}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(text("\u{0}\u{1f}\u{7f}") == "\"\\u0000\\u001f\u{7f}\"")
        #expect(text("Đà Nẵng / 😀") == "\"Đà Nẵng / 😀\"")
        #expect(CanonicalJSON.encode("é") == [0x22, 0xC3, 0xA9, 0x22])
    }

    @Test("Nested structures have no whitespace and sorted members at every level")
    func nesting() {
        let value: JSONValue = ["b": [1, ["z": nil, "a": false]], "a": [:], "c": []]
        #expect(text(value) == #"{"a":{},"b":[1,{"a":false,"z":null}],"c":[]}"#)
    }

    @Test("Canonical output re-canonicalises to itself")
    func idempotent() throws {
        let value: JSONValue = [
            "n": .double(0.000001), "big": .double(1e+30), "i": 7, "s": "x\u{1}y", "emoji": ["😀": true],
        ]
        let once = CanonicalJSON.encode(value)
        let again = CanonicalJSON.encode(try JSONDecoder().decode(JSONValue.self, from: Data(once)))
        #expect(once == again)
    }
}
