import Foundation
import Mustache

/// The Mustache templates of the portal, loaded once from the target's resources. Double braces
/// escape for HTML; triple braces are used only for HTML this code rendered itself (the page
/// body inside the layout), never for anything a person typed.
final class PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Templates")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("template \(file) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// The names of the loaded templates (for the tests that check every text key exists).
    static func templateSources() -> [String: String] {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Templates")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var sources: [String: String] = [:]
        for file in files where file.hasSuffix(".mustache") {
            sources[file] = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return sources
    }

    /// Renders `template` with `data`; a missing template is a programming error caught by tests.
    func render(_ template: String, _ data: [String: Any]) -> String {
        guard let html = library.render(Self.prepare(data), withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }

    /// Empty texts become nulls, so that `{{#text}}…{{/text}}` shows only when there is something
    /// to show (the library counts an empty string as present), and a nested empty value still
    /// hides an outer one of the same name.
    static func prepare(_ value: Any) -> Any {
        switch value {
        case let text as String: return text.isEmpty ? NSNull() : text
        case let dictionary as [String: Any]: return dictionary.mapValues(prepare)
        case let list as [[String: Any]]: return list.map { $0.mapValues(prepare) }
        case let list as [Any]: return list.map(prepare)
        default: return value
        }
    }

    /// A static asset's bytes and media type.
    static func asset(named name: String) -> (bytes: [UInt8], contentType: String)? {
        guard name.range(of: #"^[a-z0-9-]+\.(css|js|svg|ico)$"#, options: .regularExpression) != nil else {
            return nil
        }
        let url = Bundle.module.resourceURL!.appendingPathComponent("Static").appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { return nil }
        let type: String
        switch url.pathExtension {
        case "css": type = "text/css; charset=utf-8"
        case "js": type = "text/javascript; charset=utf-8"
        case "svg": type = "image/svg+xml"
        default: type = "image/x-icon"
        }
        return (Array(data), type)
    }
}
