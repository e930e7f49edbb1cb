import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func importProcedures(_ procedures: [Procedure], tenant: String) async throws -> CatalogueImportSummary {
        for procedure in procedures { try procedure.validate() }
        let encoder = self.encoder
        let decoder = self.decoder
        return try await transaction { connection in
            // Two imports of one province's catalogue at once would both read version n and both
            // write n + 1; imports are rare, so they simply take turns.
            try await connection.run(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("catalogue:" + tenant), 0))", logger: self.logger)
            var summary = CatalogueImportSummary()
            for incoming in procedures {
                let current = try await connection.first(
                    """
                    SELECT body FROM procedures WHERE tenant = \(tenant) AND code = \(incoming.code) AND current
                    FOR UPDATE
                    """, logger: self.logger
                ).map { try decoder.decode(Procedure.self, from: Data(try $0.decode(String.self).utf8)) }
                var stored = incoming
                if let current {
                    if current.sameContent(as: incoming) {
                        summary.unchanged += 1
                        continue
                    }
                    stored.version = current.version + 1
                    try await connection.run(
                        "UPDATE procedures SET current = false WHERE tenant = \(tenant) AND code = \(incoming.code)",
                        logger: self.logger)
                    summary.newVersions += 1
                } else {
                    summary.created += 1
                }
                let body = String(decoding: try encoder.encode(stored), as: UTF8.self)
                try await connection.run(
                    """
                    INSERT INTO procedures(tenant, code, version, current, level, body, search_text)
                    VALUES (\(tenant), \(stored.code), \(stored.version), true, \(stored.level.rawValue), \(body),
                    \(Self.searchWords(stored.searchText)))
                    """, logger: self.logger)
            }
            return summary
        }
    }

    public func procedure(code: String, version: Int?, tenant: String) async throws -> Procedure? {
        let query: PostgresQuery =
            if let version {
                "SELECT body FROM procedures WHERE tenant = \(tenant) AND code = \(code) AND version = \(version)"
            } else {
                "SELECT body FROM procedures WHERE tenant = \(tenant) AND code = \(code) AND current"
            }
        return try await bodies(query).first.map { try decode(Procedure.self, $0) }
    }

    public func currentProcedures(tenant: String) async throws -> [Procedure] {
        try await bodies("SELECT body FROM procedures WHERE tenant = \(tenant) AND current ORDER BY code")
            .map { try decode(Procedure.self, $0) }
    }

    public func searchProcedures(
        folded query: String, level: ProcedureLevel?, tenant: String, limit: Int, offset: Int
    ) async throws -> Page<Procedure> {
        let search: String?
        switch Self.prefixQuery(folded: query) {
        case .nothing: return Page(items: [], total: 0, limit: limit, offset: offset)
        case .everything: search = nil
        case .query(let terms): search = terms
        }
        let levelFilter = level?.rawValue
        let pageLimit = max(limit, 0)
        let pageOffset = max(offset, 0)
        // Without words the catalogue is listed by code; with words, best matches first. A null
        // parameter switches a condition off, so there is one statement and no SQL is assembled.
        let (total, bodies) = try await snapshot { connection -> (Int, [String]) in
            let total =
                try await connection.first(
                    """
                    SELECT count(*) FROM procedures WHERE tenant = \(tenant) AND current
                    AND (\(levelFilter)::text IS NULL OR level = \(levelFilter)::text)
                    AND (\(search)::text IS NULL OR search @@ to_tsquery('simple', \(search)::text))
                    """, logger: self.logger
                )?.decode(Int.self) ?? 0
            let bodies = try await connection.all(
                """
                SELECT body FROM procedures WHERE tenant = \(tenant) AND current
                AND (\(levelFilter)::text IS NULL OR level = \(levelFilter)::text)
                AND (\(search)::text IS NULL OR search @@ to_tsquery('simple', \(search)::text))
                ORDER BY ts_rank(search, to_tsquery('simple', \(search)::text)) DESC NULLS LAST, code
                LIMIT \(pageLimit) OFFSET \(pageOffset)
                """, logger: self.logger
            ).map { try $0.decode(String.self) }
            return (total, bodies)
        }
        let items = try bodies.map { try decode(Procedure.self, $0) }
        return Page(items: items, total: total, limit: limit, offset: offset)
    }

    /// The words of folded text as SQLite's `unicode61` tokenizer sees them: runs of letters and
    /// digits, everything else a separator. Stored as the procedure's `search_text`, so that the
    /// 'simple' parser of PostgreSQL finds exactly those words (it would otherwise read
    /// `61/2018/nd-cp` as one file name, or `1.001193` as one number).
    static func searchWords(_ folded: String) -> String {
        String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// The `tsquery` for a folded search, built like the SQLite store's FTS5 query: each word keeps
    /// only letters, digits and dots and becomes a phrase whose last token is a prefix
    /// (`1.0011` → `1 <-> 0011:*`); all words are required. Nothing of the user's text can be read
    /// as tsquery syntax, and the result is still passed as a bound parameter.
    static func prefixQuery(folded query: String) -> SearchTerms {
        let words = query.split(separator: " ")
            .map { $0.filter { $0.isLetter || $0.isNumber || $0 == "." } }
            .filter { !$0.isEmpty }
            .prefix(12)
        guard !words.isEmpty else { return .everything }
        var phrases: [String] = []
        for word in words {
            let tokens = word.split(separator: ".")
            // A word of dots only holds no token; FTS5 matches nothing for it either.
            guard !tokens.isEmpty else { return .nothing }
            phrases.append(tokens.joined(separator: " <-> ") + ":*")
        }
        return .query(phrases.joined(separator: " & "))
    }

    enum SearchTerms: Equatable {
        /// No word: list the catalogue.
        case everything
        /// A word that can match nothing.
        case nothing
        case query(String)
    }
}
