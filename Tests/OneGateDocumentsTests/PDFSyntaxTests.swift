import Foundation
import Testing

@testable import OneGateDocuments

struct PDFSyntaxTests {
    @Test func numbersHaveAtMostThreeDecimalsAndNoExponent() {
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (-0.5, "-0.5"), (0.125, "0.125"), (0.1254, "0.125"),
            (0.0005, "0.001"), (-0.0004, "0"), (595.28, "595.28"), (841.89, "841.89"), (1e7, "10000000"),
            (2.05, "2.05"), (3.001, "3.001"), (12.300, "12.3"),
        ]
        for (value, expected) in cases {
            #expect(PDFSyntax.number(value) == expected, "\(value)")
        }
    }

    @Test func textStringsAreLiteralForASCIIAndUTF16Otherwise() {
        #expect(PDFSyntax.textString("Sign (a)\\b") == "(Sign \\(a\\)\\\\b)")
        #expect(PDFSyntax.textString("Đ") == "<FEFF0110>")
        #expect(PDFSyntax.hex4(0x1EC5) == "1EC5" && PDFSyntax.hex4(0) == "0000")
    }
}
