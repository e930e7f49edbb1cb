import Foundation
import Testing

@testable import OneGateServer

/// Rules every template and text follows, checked over all of them at once.
struct WebTemplateTests {
    @Test func everyTextKeyUsedExistsInBothLanguagesWithDiacritics() throws {
        let sources = PageRenderer.templateSources()
        #expect(sources.count > 10)
        let key = try NSRegularExpression(pattern: #"\{\{\s*t\.([a-z0-9_]+)\s*\}\}"#)
        var missing: [String] = []
        for (name, text) in sources {
            for match in key.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let used = String(text[Range(match.range(at: 1), in: text)!])
                if WebTexts.all[used] == nil { missing.append("\(name): \(used)") }
            }
        }
        #expect(missing.isEmpty, "\(missing.sorted())")
        for (name, text) in WebTexts.all {
            #expect(!text.vi.isEmpty && !text.en.isEmpty, "\(name)")
            // A Vietnamese text written without its diacritics reads as another language.
            let folded = text.vi.folding(options: .diacriticInsensitive, locale: nil)
            if text.vi.split(separator: " ").count >= 4, text.vi != text.en {
                #expect(folded != text.vi, "\(name) has no Vietnamese diacritics: \(text.vi)")
            }
        }
    }

    @Test func templatesUseNoInlineScriptsOrUnescapedData() throws {
        for (name, text) in PageRenderer.templateSources() {
            let scripts = text.components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(#" src="/static/"#) }, "\(name) has an inline script")
            #expect(
                text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(name) has an inline handler")
            #expect(!text.contains("style=\""), "\(name) has an inline style")
            // Only the layout places HTML this code rendered itself.
            // The dashboard embeds the SVG charts its own code drew, with every text in them escaped.
            if name != "layout.mustache" && name != "indicator-dashboard.mustache" {
                #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name) outputs unescaped data")
            }
        }
        let layout = try #require(PageRenderer.templateSources()["layout.mustache"])
        #expect(layout.contains(#"<script src="/static/onegate.js" defer></script>"#))
    }

    @Test func formsThatChangeSomethingCarryTheToken() throws {
        let post = try NSRegularExpression(pattern: #"<form[^>]*method="post"[^>]*>([\s\S]*?)</form>"#)
        for (name, text) in PageRenderer.templateSources() {
            for match in post.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let body = String(text[Range(match.range(at: 1), in: text)!])
                #expect(body.contains("{{> csrf}}") || body.contains("{{csrf}}"), "\(name) has a form without a token")
            }
        }
    }

    @Test func emptyTextsHideTheirSections() {
        let renderer = PageRenderer.shared
        let html = renderer.render("error", ["title": "x", "message": "", "code": "c", "requestId": "r", "t": [:]])
        #expect(!html.contains("class=\"lead\">x"))
        #expect(html.contains("<code>c</code>"))
    }
}
