import Crypto
public import Foundation
public import OneGateCore
import OneGateDocuments
import X509

/// One signature of a document, as a verifier sees it.
public struct SignatureCheck: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A person's signature (the approving leader, a receiving officer).
        case personal
        /// A unit's seal.
        case seal
        /// The platform's reception seal.
        case platform
        case unknown
    }

    /// The name in the signer's certificate.
    public var signer: String
    public var kind: Kind
    public var signedAt: Date?
    /// The signature and its certificate check (chain to the instance CA, validity at the signing
    /// time, not revoked before it).
    public var valid: Bool
    /// The signature covers the file up to its end (no change after it).
    public var coversWholeFile: Bool
    /// Why it is not valid, a stable code: `digest_mismatch`, `bad_signature`, `untrusted`,
    /// `certificate_expired`, `certificate_revoked`, `unreadable`.
    public var problem: String?
}

/// The answer of the public verification (results.md): authentic or not and why, who signed and
/// when, whether it still stands, and whether the log includes it.
public struct ResultVerification: Sendable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Exactly the file this instance issued, every signature valid.
        case authentic
        /// Signatures fail, or the file differs from every result issued.
        case notAuthentic = "not_authentic"
        /// Nothing matches the code and number given.
        case notFound = "not_found"
    }

    public var verdict: Verdict
    /// Stable codes: `modified_after_signing`, `signature_invalid`, `not_issued_here`,
    /// `leader_revision_only`, `no_signature`, `not_in_log`.
    public var reasons: [String]
    public var result: IssuedResult?
    public var standing: ResultStanding?
    public var signatures: [SignatureCheck]
    /// Whether the result's log entry is included in the current signed tree head.
    public var includedInLog: Bool?
    public var treeHead: TreeHead?
}

/// Checks results: by dossier code and number (the QR link) or by an uploaded PDF.
public struct ResultVerifier: Sendable {
    public let store: any OneGateStore
    public let signer: InstanceSigner
    public let log: TransparencyLog
    public let tenant: String

    public init(store: any OneGateStore, signer: InstanceSigner, log: TransparencyLog, tenant: String) {
        self.store = store
        self.signer = signer
        self.log = log
        self.tenant = tenant
    }

    /// The result with this number for the dossier with this code.
    public func verify(code: String, number: String, now: Date) async throws -> ResultVerification {
        guard let result = try await store.result(code: code, number: number, tenant: tenant) else {
            return ResultVerification(
                verdict: .notFound, reasons: [], result: nil, standing: nil, signatures: [], includedInLog: nil,
                treeHead: nil)
        }
        guard let document = try await store.document(sha256: result.document, tenant: tenant) else {
            return try await conclude(result: result, signatures: [], reasons: ["document_missing"], now: now)
        }
        return try await verify(pdf: document.bytes, known: result, now: now)
    }

    /// An uploaded file: matched against the results issued by its SHA-256, and its signatures
    /// checked whatever it matches.
    public func verify(pdf: [UInt8], now: Date) async throws -> ResultVerification {
        let sha = Hex.sha256(pdf)
        let result = try await store.result(document: sha, tenant: tenant)
        return try await verify(pdf: pdf, known: result, now: now)
    }

    private func verify(pdf: [UInt8], known: IssuedResult?, now: Date) async throws -> ResultVerification {
        if let known, known.digitised { return try await verifyDigitised(pdf: pdf, result: known, now: now) }
        let found = PDFSignatureScanner.signatures(in: pdf)
        let checks = try found.map(check)
        var reasons: [String] = []
        if found.isEmpty { reasons.append("no_signature") }
        if checks.contains(where: { !$0.valid }) {
            reasons.append(
                checks.contains { $0.problem == "digest_mismatch" } ? "modified_after_signing" : "signature_invalid")
        }
        if let last = checks.last, last.valid, !last.coversWholeFile { reasons.append("modified_after_signing") }
        if known == nil {
            reasons.append("not_issued_here")
            // A revision the leader signed before the seal is a draft, not the result.
            if checks.count == 1, checks[0].kind == .personal, found[0].coversWholeFile {
                reasons.append("leader_revision_only")
            }
        }
        return try await conclude(result: known, signatures: checks, reasons: reasons, now: now)
    }

    /// A scanned paper result carries no PDF signature of ours: the scanning officer's detached
    /// CMS signature over the file is checked instead.
    private func verifyDigitised(pdf: [UInt8], result: IssuedResult, now: Date) async throws -> ResultVerification {
        guard let sha = result.detachedSignature,
            let signature = try await store.document(sha256: sha, tenant: tenant)
        else { return try await conclude(result: result, signatures: [], reasons: ["no_signature"], now: now) }
        let check = try self.check(
            FoundSignature(
                byteRange: [0, pdf.count, pdf.count, 0], cms: signature.bytes, signedContent: pdf, coversWholeFile: true
            ))
        return try await conclude(
            result: result, signatures: [check], reasons: check.valid ? [] : ["signature_invalid"], now: now)
    }

    private func conclude(
        result: IssuedResult?, signatures: [SignatureCheck], reasons: [String], now: Date
    ) async throws -> ResultVerification {
        var reasons = reasons
        var included: Bool?
        var head: TreeHead?
        if let result, let index = result.logIndex {
            head = try await log.currentHead()
            if let head, index < head.size,
                let stored = try await store.transparencyLeaves(from: index, limit: 1, tenant: tenant).first,
                stored.index == index
            {
                // The entry must say what the row says, hash to the leaf, and the leaf must be in the
                // signed tree: a row edited after the fact, or an entry swapped, fails here.
                let says = try? JSONDecoder().decode(JSONValue.self, from: Data(stored.entry))
                let matches =
                    says?["document"] == .string(result.document) && says?["number"] == .string(result.number)
                    && says?["dossier"] == .string(result.dossierCode)
                let proof = try await log.inclusionProof(index: index, size: head.size)
                included =
                    matches && MerkleHash.leaf(stored.entry) == stored.leafHash
                    && MerkleTree.verifyInclusion(
                        leafHash: stored.leafHash, index: index, size: head.size, proof: proof,
                        root: Hex.decode(head.root))
            }
            if included != true { reasons.append("not_in_log") }
        }
        let authentic = result != nil && reasons.isEmpty && !signatures.isEmpty
        return ResultVerification(
            verdict: authentic ? .authentic : (result == nil && signatures.isEmpty ? .notFound : .notAuthentic),
            reasons: reasons, result: result, standing: result?.standing(at: now), signatures: signatures,
            includedInLog: included, treeHead: head)
    }

    /// One signature: message digest, ECDSA over the signed attributes, chain to the instance CA,
    /// validity and revocation at the signing time.
    func check(_ found: FoundSignature) throws -> SignatureCheck {
        guard let info = try? CMSSignatureInfo(der: found.cms),
            let certificate = try? Certificate(derEncoded: info.signerCertificate)
        else {
            return SignatureCheck(
                signer: "", kind: .unknown, signedAt: nil, valid: false, coversWholeFile: found.coversWholeFile,
                problem: "unreadable")
        }
        let name =
            certificate.subject.flatMap { $0 }.first { $0.type == .RDNAttributeType.commonName }
            .map { String(describing: $0.value) } ?? ""
        let kind: SignatureCheck.Kind
        switch SignerSubject.holder(of: certificate) {
        case .officer: kind = .personal
        case .unitSeal: kind = .seal
        case .receptionService: kind = .platform
        case .unknown: kind = .unknown
        }
        var problem: String?
        let digest = Array(SHA256.hash(data: found.signedContent))
        if digest != info.messageDigest {
            problem = "digest_mismatch"
        } else if !info.isValid(contentDigest: digest) {
            problem = "bad_signature"
        } else if let path = trustStore().path(for: certificate) {
            let at = info.signingTime ?? Date()
            if TrustStore.firstInvalid(in: path, at: at) != nil {
                problem = "certificate_expired"
            } else if let revoked = signer.allCredentials().first(where: {
                $0.certificateDER == info.signerCertificate
            })?.revokedAt, at >= revoked {
                problem = "certificate_revoked"
            }
        } else {
            problem = "untrusted"
        }
        return SignatureCheck(
            signer: name, kind: kind, signedAt: info.signingTime, valid: problem == nil,
            coversWholeFile: found.coversWholeFile, problem: problem)
    }

    private func trustStore() -> TrustStore {
        let anchor = try? Certificate(derEncoded: signer.authority.certificateDER)
        return TrustStore(anchors: anchor.map { [$0] } ?? [])
    }
}
