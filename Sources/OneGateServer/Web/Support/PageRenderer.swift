import Foundation
import Mustache

/// The Mustache templates of the portal, loaded once from the target's resources. Double braces
/// escape for HTML; triple braces are used only for HTML this code rendered itself (the page
/// body inside the layout, charts drawn by our own code), never for anything a person typed.
final class PageRenderer: Sendable {
    let library: MustacheLibrary

    /// One renderer per process: every router shares it, so templates are parsed once.
    static let shared = PageRenderer()

    /// The resources folder as a plain path, resolved once (file paths, not URL objects, are used
    /// from here on, so that no lazily cached URL state is shared between threads).
    static let resources: String = Bundle.module.resourceURL!.path

    private init() {
        var library = MustacheLibrary()
        for (file, text) in Self.templateSources().sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("template \(file) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Every template's source by file name (also read by the tests that check the templates).
    static func templateSources() -> [String: String] {
        let folder = resources + "/Templates"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var sources: [String: String] = [:]
        for file in files where file.hasSuffix(".mustache") {
            sources[file] = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)
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

    /// The static assets (a stylesheet, a script, an icon), read once.
    static let assets: [String: (bytes: [UInt8], contentType: String)] = {
        let folder = resources + "/Static"
        var assets: [String: (bytes: [UInt8], contentType: String)] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
            let type: String
            switch file.split(separator: ".").last {
            case "css": type = "text/css; charset=utf-8"
            case "js": type = "text/javascript; charset=utf-8"
            case "svg": type = "image/svg+xml"
            default: type = "application/octet-stream"
            }
            assets[file] = (Array(data), type)
        }
        return assets
    }()

    /// A static asset's bytes and media type.
    static func asset(named name: String) -> (bytes: [UInt8], contentType: String)? { assets[name] }
}
