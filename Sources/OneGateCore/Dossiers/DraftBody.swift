import Foundation

/// The part of a draft stored as one JSON text, the same in every store.
public struct DraftBody: Sendable, Codable {
    public var data: [String: JSONValue]
    public var components: [DossierComponent]
    public var fileNames: [String: String]
    /// Absent in drafts saved before prefill existed (decoded as nil).
    public var prefilled: [String: String]?

    public init(_ draft: Draft) {
        data = draft.data
        components = draft.components
        fileNames = draft.fileNames
        prefilled = draft.prefilled
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func decode(_ text: String) throws -> DraftBody {
        try JSONDecoder().decode(DraftBody.self, from: Data(text.utf8))
    }

    /// The draft these columns and this body describe.
    public func draft(
        id: String, tenant: String, applicantID: String, procedureCode: String, createdAt: Date, updatedAt: Date
    ) -> Draft {
        var draft = Draft(
            id: id, tenant: tenant, applicantID: applicantID, procedureCode: procedureCode, data: data,
            components: components, fileNames: fileNames, createdAt: createdAt, updatedAt: updatedAt)
        draft.prefilled = prefilled
        return draft
    }
}
