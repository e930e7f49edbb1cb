import Foundation

/// Small server-side SVG charts for the dashboards, written here rather than with a library so that
/// nothing is fetched and no script runs. Each chart is an image with a title and a description for
/// screen readers (`role="img"`, `<title>`, `<desc>`); the page always shows the same numbers in a
/// table beside it, and every bar carries its value as text, so colour never carries meaning alone.
///
/// The result is markup the page embeds unescaped, so every text that goes into it passes through
/// ``escape(_:)`` first; nothing else is interpolated but numbers this code computed.
enum IndicatorChart {
    /// One bar: its label, its share (0...1, `nil` without data) and the text shown beside it.
    struct Bar: Sendable {
        var label: String
        var value: Double?
        var display: String
    }

    /// Bars: #1d70b8 on white is 5.2:1; text #0b0c0c is 19:1; the target line #b10e1e is 7:1.
    static let barColour = "#1d70b8"
    static let textColour = "#0b0c0c"
    static let targetColour = "#b10e1e"
    static let gridColour = "#505a5f"

    /// A horizontal bar chart, one bar per row (the sub-units of a unit), shares from 0 to 100%, with
    /// an optional dashed target line that is named in the legend.
    static func bars(
        id: String, title: String, description: String, bars: [Bar], target: Double?, targetLabel: String,
        noData: String
    ) -> String {
        let width = 720.0
        let labelWidth = 260.0
        let plotWidth = width - labelWidth - 80
        let rowHeight = 30.0
        let top = 24.0
        let height = top + Double(max(bars.count, 1)) * rowHeight + 28
        var svg = header(id: id, width: width, height: height, title: title, description: description)
        svg += axis(x: labelWidth, top: top, bottom: height - 24, plotWidth: plotWidth)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += text(
                x: labelWidth - 8, y: y + rowHeight / 2 + 5, anchor: "end", truncate(bar.label, to: 34))
            if let value = bar.value {
                let length = max(0, min(1, value)) * plotWidth
                svg +=
                    "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 5))\" width=\"\(number(length))\" "
                    + "height=\"\(number(rowHeight - 10))\" fill=\"\(barColour)\"/>"
                svg += text(x: labelWidth + length + 6, y: y + rowHeight / 2 + 5, anchor: "start", bar.display)
            } else {
                svg += text(x: labelWidth + 6, y: y + rowHeight / 2 + 5, anchor: "start", noData)
            }
        }
        if let target {
            let x = labelWidth + max(0, min(1, target)) * plotWidth
            svg +=
                "<line x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\" "
                + "y2=\"\(number(height - 24))\" stroke=\"\(targetColour)\" stroke-width=\"2\" "
                + "stroke-dasharray=\"6 4\"/>"
            svg += text(
                x: x, y: top - 10, anchor: "middle", "\(targetLabel) \(percent(target))", colour: targetColour)
        }
        return svg + "</svg>"
    }

    /// A column per month (the last twelve months of one indicator), shares from 0 to 100%, with
    /// each value written above its column and the month below it.
    static func columns(id: String, title: String, description: String, bars: [Bar], noData: String) -> String {
        let width = 720.0
        let height = 260.0
        let left = 48.0
        let bottom = height - 36
        let top = 24.0
        let plotHeight = bottom - top
        let slot = (width - left - 8) / Double(max(bars.count, 1))
        var svg = header(id: id, width: width, height: height, title: title, description: description)
        for tick in [0.0, 0.5, 1.0] {
            let y = bottom - tick * plotHeight
            svg +=
                "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(width - 8))\" y2=\"\(number(y))\" "
                + "stroke=\"\(gridColour)\" stroke-width=\"1\"/>"
            svg += text(x: left - 6, y: y + 5, anchor: "end", percent(tick, decimals: 0))
        }
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot
            let centre = x + slot / 2
            if let value = bar.value {
                let length = max(0, min(1, value)) * plotHeight
                svg +=
                    "<rect x=\"\(number(x + slot * 0.15))\" y=\"\(number(bottom - length))\" "
                    + "width=\"\(number(slot * 0.7))\" height=\"\(number(length))\" fill=\"\(barColour)\"/>"
                svg += text(x: centre, y: bottom - length - 6, anchor: "middle", bar.display, size: 12)
            } else {
                svg += text(x: centre, y: bottom - 6, anchor: "middle", noData, size: 12)
            }
            svg += text(x: centre, y: bottom + 20, anchor: "middle", bar.label, size: 12)
        }
        return svg + "</svg>"
    }

    // MARK: - Pieces

    private static func header(
        id: String, width: Double, height: Double, title: String, description: String
    )
        -> String
    {
        let safe = escape(id)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"100%\" role=\"img\" aria-labelledby=\"\(safe)-title \(safe)-desc\" "
            + "font-family=\"sans-serif\" font-size=\"14\">"
            + "<title id=\"\(safe)-title\">\(escape(title))</title>"
            + "<desc id=\"\(safe)-desc\">\(escape(description))</desc>"
    }

    private static func axis(x: Double, top: Double, bottom: Double, plotWidth: Double) -> String {
        var svg = ""
        for tick in [0.0, 0.5, 1.0] {
            let position = x + tick * plotWidth
            svg +=
                "<line x1=\"\(number(position))\" y1=\"\(number(top))\" x2=\"\(number(position))\" "
                + "y2=\"\(number(bottom))\" stroke=\"\(gridColour)\" stroke-width=\"1\"/>"
            svg += text(x: position, y: bottom + 18, anchor: "middle", percent(tick, decimals: 0), size: 12)
        }
        return svg
    }

    private static func text(
        x: Double, y: Double, anchor: String, _ content: String, colour: String = textColour, size: Int = 14
    ) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" fill=\"\(colour)\" "
            + "font-size=\"\(size)\">\(escape(content))</text>"
    }

    /// Escapes a text for SVG content or an attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func truncate(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    static func percent(_ share: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f%%", share * 100)
    }
}
