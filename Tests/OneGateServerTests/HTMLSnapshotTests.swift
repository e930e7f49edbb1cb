import Foundation
import OneGateTestSupport
import Testing

/// The main public pages, compared with the HTML committed under `Snapshots/`. A change to a
/// template shows up here as a diff to review; record anew with `ONEGATE_RECORD_SNAPSHOTS=1`.
/// The CSRF token is the only value that differs between runs and is blanked out.
struct HTMLSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let pages: [(name: String, path: String, language: String)] = [
        ("home-vi", "/", "vi"),
        ("home-en", "/", "en"),
        ("search-khai-sinh", "/procedures?q=khai%20sinh", "vi"),
        ("procedure-birth-registration", "/procedures/1.001193", "vi"),
        ("sign-in", "/sign-in", "vi"),
        ("status", "/status", "vi"),
        ("verify", "/verify", "en"),
    ]

    @Test func mainPagesMatchTheirSnapshots() async throws {
        try await withWeb { _, _, browser in
            let record = ProcessInfo.processInfo.environment["ONEGATE_RECORD_SNAPSHOTS"] == "1"
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            for page in Self.pages {
                let web = browser()
                if page.language != "vi" { _ = try await web.get("/language/\(page.language)?next=/") }
                let answer = try await web.get(page.path)
                #expect(answer.status == 200, "\(page.name)")
                let html = answer.body.replacingOccurrences(
                    of: #"name="_csrf" value="[^"]*""#, with: #"name="_csrf" value="CSRF""#,
                    options: .regularExpression)
                let file = Self.folder.appendingPathComponent("\(page.name).html")
                if record || !FileManager.default.fileExists(atPath: file.path) {
                    try html.write(to: file, atomically: true, encoding: .utf8)
                    continue
                }
                let expected = try String(contentsOf: file, encoding: .utf8)
                if expected != html {
                    try html.write(
                        to: Self.folder.appendingPathComponent("\(page.name).actual.html"), atomically: true,
                        encoding: .utf8)
                }
                #expect(expected == html, "\(page.name) differs from Snapshots/\(page.name).html (see .actual.html)")
            }
        }
    }
}
