import Foundation

/// Counter values summed over a scope (units × months), kept per procedure so that the figures can be
/// broken down by procedure and the per-service components of the 766 index (3.2) can be computed.
///
/// A province's breakdown adds up the sums of every unit and reads each metric many times, so the
/// metrics of a procedure are kept in an array indexed by ``CounterProjection/Metric`` rather than
/// by name, and the totals over procedures are kept beside them: adding costs one lookup per
/// procedure, and reading a total none.
public struct CounterSums: Sendable, Hashable {
    /// Procedure code → its metrics.
    private var procedures: [String: MetricSums]
    /// Every metric summed over every procedure (the figures read these).
    private var metricTotals: MetricSums

    /// The empty sums.
    public init() {
        procedures = [:]
        metricTotals = MetricSums()
    }

    /// Sums per procedure, as a store returns them (`GROUP BY procedure, metric`).
    public init(byProcedure: [String: [String: Int]] = [:]) {
        self.init()
        for (procedure, metrics) in byProcedure {
            var sums = MetricSums()
            for (metric, value) in metrics { sums.add(value, metric: metric) }
            add(sums, procedure: procedure)
        }
    }

    /// Totals whose procedures are unknown (such as `DossierStore.counters(units:periods:tenant:)`): every
    /// figure works except the per-procedure ones (766 component 3.2 and procedure breakdowns).
    public init(totals: [String: Int]) {
        self.init(byProcedure: totals.isEmpty ? [:] : [CounterSums.unknownProcedure: totals])
    }

    /// Sums counter rows (or deltas) that fall in `units` and `periods`; the in-memory equivalent of the
    /// store's query, for tests and rebuild checks.
    public init(rows: [CounterDelta], units: Set<String>, periods: Set<String>) {
        self.init()
        for row in rows where units.contains(row.unit) && periods.contains(row.period) {
            add(row.delta, procedure: row.procedure, metric: row.metric)
        }
    }

    /// The key used by ``init(totals:)`` for sums whose procedure is unknown.
    public static let unknownProcedure = "*"

    /// Procedure code → metric name → sum: the metrics a store returned for each procedure, zeros
    /// included.
    public var byProcedure: [String: [String: Int]] { procedures.mapValues(\.byName) }

    /// The codes of the procedures that have counters (``unknownProcedure`` for totals alone).
    public var procedureCodes: [String] { Array(procedures.keys) }

    /// Whether the sums are broken down by procedure (so that per-procedure figures are meaningful).
    public var hasProcedures: Bool { procedures[CounterSums.unknownProcedure] == nil }

    /// The total of a metric over every procedure.
    public subscript(metric: CounterProjection.Metric) -> Int { metricTotals[metric] }

    /// The value of a metric for one procedure.
    public func value(_ metric: CounterProjection.Metric, procedure: String) -> Int {
        procedures[procedure]?[metric] ?? 0
    }

    /// Every metric summed over every procedure.
    public var totals: [String: Int] { metricTotals.byName }

    /// The sums of one procedure only (for a procedure's own figures).
    public func only(procedure: String) -> CounterSums {
        var result = CounterSums()
        if let sums = procedures[procedure] { result.add(sums, procedure: procedure) }
        return result
    }

    /// Adds one counter row (a store's `procedure, metric, value`).
    public mutating func add(_ value: Int, procedure: String, metric: String) {
        let index = MetricSums.index(of: metric)
        procedures[procedure, default: MetricSums()].add(value, metric: metric, index: index)
        metricTotals.add(value, metric: metric, index: index)
    }

    /// Adds another scope's sums (months or units that do not overlap with these), in place.
    public mutating func add(_ other: CounterSums) {
        guard !other.procedures.isEmpty else { return }
        if procedures.isEmpty {
            self = other
            return
        }
        for (procedure, sums) in other.procedures { procedures[procedure, default: MetricSums()].add(sums) }
        metricTotals.add(other.metricTotals)
    }

    /// Adds another scope's sums (months or units that do not overlap with these).
    public func adding(_ other: CounterSums) -> CounterSums {
        var result = self
        result.add(other)
        return result
    }

    private mutating func add(_ sums: MetricSums, procedure: String) {
        procedures[procedure, default: MetricSums()].add(sums)
        metricTotals.add(sums)
    }
}

extension CounterSums {
    /// The metrics of one procedure (or the totals): the metrics ``CounterProjection/Metric`` names in
    /// an array by their position, any other name (a metric this version does not know) by name.
    /// Which metrics were given is kept, so that ``CounterSums/byProcedure`` gives back exactly the
    /// rows added, zeros included.
    struct MetricSums: Sendable, Hashable {
        /// By ``CounterSums/MetricSums/known`` position; 0 when not given.
        private var values: [Int]
        /// Bit `i` set when the metric at position `i` was given.
        private var given: UInt64
        /// Metrics no known position covers.
        private var others: [String: Int]

        /// The metrics that have a position: as many as the `given` mask can mark.
        static let known = Array(CounterProjection.Metric.allCases.prefix(UInt64.bitWidth))
        static let positions = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1.rawValue, $0) })

        init() {
            values = []
            given = 0
            others = [:]
        }

        static func index(of metric: String) -> Int? { positions[metric] }

        subscript(metric: CounterProjection.Metric) -> Int {
            guard let index = Self.positions[metric.rawValue] else { return others[metric.rawValue] ?? 0 }
            return index < values.count ? values[index] : 0
        }

        var byName: [String: Int] {
            var result = others
            var mask = given
            while mask != 0 {
                let index = mask.trailingZeroBitCount
                result[Self.known[index].rawValue] = values[index]
                mask &= mask - 1
            }
            return result
        }

        mutating func add(_ value: Int, metric: String) {
            add(value, metric: metric, index: Self.index(of: metric))
        }

        mutating func add(_ value: Int, metric: String, index: Int?) {
            guard let index else {
                others[metric, default: 0] += value
                return
            }
            if values.isEmpty { values = Array(repeating: 0, count: Self.known.count) }
            values[index] += value
            given |= 1 << UInt64(index)
        }

        mutating func add(_ other: MetricSums) {
            if !other.values.isEmpty {
                if values.isEmpty {
                    values = other.values
                } else {
                    for index in other.values.indices { values[index] += other.values[index] }
                }
            }
            given |= other.given
            for (metric, value) in other.others { others[metric, default: 0] += value }
        }
    }
}
