/// An immutable index of the unit tree, for subtree checks on every authorised request.
public struct UnitTree: Sendable {
    public let units: [String: AdministrativeUnit]
    private let children: [String: [String]]

    public init(_ units: [AdministrativeUnit]) {
        var byCode: [String: AdministrativeUnit] = [:]
        var children: [String: [String]] = [:]
        for unit in units {
            byCode[unit.code] = unit
            if let parent = unit.parent { children[parent, default: []].append(unit.code) }
        }
        self.units = byCode
        self.children = children.mapValues { $0.sorted() }
    }

    public subscript(code: String) -> AdministrativeUnit? { units[code] }

    /// The root units (normally one: the province).
    public var roots: [AdministrativeUnit] {
        units.values.filter { $0.parent == nil || units[$0.parent!] == nil }.sorted { $0.code < $1.code }
    }

    public func children(of code: String) -> [AdministrativeUnit] {
        (children[code] ?? []).compactMap { units[$0] }
    }

    /// Whether `code` is `ancestor` or lies below it. Walks up the parent chain, which is short.
    public func isWithin(_ code: String, subtreeOf ancestor: String) -> Bool {
        var current: String? = code
        var steps = 0
        while let here = current, steps < 64 {
            if here == ancestor { return true }
            current = units[here]?.parent
            steps += 1
        }
        return false
    }

    /// Every unit code of the subtree rooted at `code`, itself included.
    public func subtree(of code: String) -> [String] {
        var result: [String] = []
        var stack = [code]
        while let next = stack.popLast() {
            guard units[next] != nil else { continue }
            result.append(next)
            stack.append(contentsOf: children[next] ?? [])
        }
        return result
    }

    /// The province (tenant) a unit belongs to: its root.
    public func tenant(of code: String) -> String? {
        var current = units[code]
        var steps = 0
        while let unit = current, let parent = unit.parent, let up = units[parent], steps < 64 {
            current = up
            steps += 1
        }
        return current?.code
    }
}
