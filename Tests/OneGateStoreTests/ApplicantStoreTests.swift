import Foundation
import OneGateCore
import OneGateTestSupport
import Testing

/// Drafts, evaluations and owned documents, on every available backend.
struct ApplicantStoreTests {
    @Test(arguments: StoreBackend.available)
    func draftsAreSavedReplacedListedAndDeleted(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let store = test.store
            let now = test.clock.now
            var draft = Draft(
                id: "draft-1", tenant: Fixtures.tenant, applicantID: "citizen-1", procedureCode: "1.001193",
                data: ["childName": .string("Nguyễn Thị Bình")], createdAt: now, updatedAt: now)
            try await store.saveDraft(draft)
            draft.data["childName"] = .string("Nguyễn Thị Bình An")
            draft.components = [DossierComponent(requirement: "birth_notice", document: "abc", digitised: false)]
            draft.fileNames = ["birth_notice": "giấy chứng sinh.pdf"]
            draft.prefilled = ["full_name": "registry"]
            draft.updatedAt = now.addingTimeInterval(60)
            try await store.saveDraft(draft)
            let other = Draft(
                id: "draft-2", tenant: Fixtures.tenant, applicantID: "citizen-2", procedureCode: "1.001193",
                createdAt: now, updatedAt: now)
            try await store.saveDraft(other)
            let loaded = try await store.draft(id: "draft-1", tenant: Fixtures.tenant)
            #expect(loaded == draft)
            #expect(try await store.drafts(applicantID: "citizen-1", tenant: Fixtures.tenant).map(\.id) == ["draft-1"])
            #expect(try await store.draft(id: "draft-1", tenant: "another-province") == nil)
            try await store.deleteDraft(id: "draft-1", tenant: Fixtures.tenant)
            #expect(try await store.draft(id: "draft-1", tenant: Fixtures.tenant) == nil)
            #expect(try await store.drafts(applicantID: "citizen-2", tenant: Fixtures.tenant).count == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func evaluationIsOnePerDossier(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let store = test.store
            let first = ServiceEvaluation(
                dossierID: "d1", tenant: Fixtures.tenant, applicantID: "citizen-1", rating: 2, comment: "Chậm",
                createdAt: test.clock.now)
            try await store.saveEvaluation(first)
            var second = first
            second.rating = 5
            second.comment = "Rất hài lòng"
            try await store.saveEvaluation(second)
            #expect(try await store.evaluation(dossierID: "d1", tenant: Fixtures.tenant) == second)
            #expect(try await store.evaluation(dossierID: "d2", tenant: Fixtures.tenant) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func ownedDocumentsAreListedForTheirOwnerOnly(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let store = test.store
            let bytes = Array("%PDF-1.4 test".utf8)
            let document = StoredDocument(
                sha256: "aa11", contentType: "application/pdf", bytes: bytes, createdAt: test.clock.now)
            try await store.putDocument(document, owner: "citizen-1", tenant: Fixtures.tenant)
            let owned = try await store.documents(ownedBy: "citizen-1", tenant: Fixtures.tenant, limit: 10)
            #expect(owned.map(\.sha256) == ["aa11"])
            #expect(owned.first?.size == bytes.count)
            #expect(try await store.documents(ownedBy: "citizen-2", tenant: Fixtures.tenant, limit: 10).isEmpty)
        }
    }
}

/// An applicant's own list comes newest first on every backend.
struct ApplicantListOrderTests {
    @Test(arguments: StoreBackend.available)
    func newestFirstOrdersBySubmission(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            var ids: [String] = []
            for _ in 0..<3 {
                test.clock.set(test.clock.now.addingTimeInterval(3600))
                let opened = try await test.service.receiveAtCounter(
                    ApplicationInput(
                        procedureCode: "1.001193", receivingUnit: Fixtures.communeA,
                        competentUnit: Fixtures.communeA, secret: "SECRET2345", data: Fixtures.birthData,
                        components: [DossierComponent(requirement: "birth_notice", document: nil)]),
                    applicant: test.citizen("an"), channel: .counter, assisted: false,
                    by: test.officer("reception.a"), idempotency: nil)
                ids.append(try TestInstance.dossier(opened).id)
            }
            var query = DossierQuery(tenant: Fixtures.tenant, applicantID: "applicant-an")
            query.newestFirst = true
            #expect(try await test.store.dossiers(query).items.map(\.id) == ids.reversed())
        }
    }
}
