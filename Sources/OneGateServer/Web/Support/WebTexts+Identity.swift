import OneGateCore

extension WebTexts {
    /// Signing in with the national e-ID.
    static let identity: [String: LocalizedText] = [
        "eid_sign_in": .t("Đăng nhập bằng định danh điện tử (VNeID)", "Sign in with the national e-ID (VNeID)"),
        "eid_or": .t("hoặc", "or"),
        "eid_lead": .t(
            "Công dân đăng nhập bằng tài khoản định danh điện tử: thông tin đã có sẽ được điền sẵn, không phải nhập lại.",
            "Citizens sign in with their national e-ID: what it already knows is filled in, not typed again."),
        "eid_not_configured": .t(
            "Tỉnh chưa kết nối đăng nhập bằng định danh điện tử. Hãy đăng nhập bằng tài khoản.",
            "The province has not connected the national e-ID yet. Sign in with an account."),
        "eid_unavailable": .t(
            "Dịch vụ định danh điện tử tạm thời không truy cập được. Hãy thử lại sau ít phút hoặc đăng nhập bằng tài khoản.",
            "The national e-ID service cannot be reached just now. Try again in a few minutes or sign in with an account."
        ),
        "eid_failed": .t(
            "Không xác thực được kết quả đăng nhập từ dịch vụ định danh điện tử. Hãy đăng nhập lại.",
            "The answer of the national e-ID service could not be verified. Please sign in again."),
        "eid_expired": .t(
            "Phiên đăng nhập đã hết hạn hoặc đã được dùng. Hãy đăng nhập lại.",
            "The sign-in has expired or was already used. Please sign in again."),
        "eid_cancelled": .t(
            "Bạn đã hủy đăng nhập tại dịch vụ định danh điện tử.",
            "You cancelled the sign-in at the national e-ID service."),
        "nav_data_access": .t("Ai đã dùng dữ liệu của tôi", "Who used my data"),
        "access_title": .t("Ai đã dùng dữ liệu của tôi", "Who used my data"),
        "access_lead": .t(
            "Mỗi lần cán bộ, cơ quan khác hoặc hệ thống tra cứu dữ liệu cá nhân của bạn đều được ghi lại, ký số và nối chuỗi, không thể xóa hay sửa.",
            "Every time an officer, another agency or a system reads your personal data it is recorded, signed and chained: it cannot be deleted or changed."
        ),
        "access_verified": .t(
            "Nhật ký đầy đủ: mọi mục đều có chữ ký số hợp lệ và nối tiếp nhau không đứt đoạn.",
            "The log is complete: every entry is validly signed and the chain is unbroken."),
        "access_broken": .t("Nhật ký bị can thiệp từ mục số", "The log has been tampered with from entry"),
        "access_when": .t("Thời điểm", "When"),
        "access_who": .t("Người truy cập", "Who"),
        "access_unit": .t("Đơn vị", "Unit"),
        "access_what": .t("Dữ liệu", "What"),
        "access_purpose": .t("Hồ sơ hoặc căn cứ", "Dossier or legal basis"),
        "access_none": .t("Chưa có ai truy cập dữ liệu của bạn.", "Nobody has read your data yet."),
        "access_dossier_read": .t("Xem hồ sơ", "Opened the dossier"),
        "access_document_read": .t("Mở giấy tờ", "Opened a document"),
        "access_registry_lookup": .t("Tra cứu cơ sở dữ liệu quốc gia", "Looked you up in a national registry"),
        "access_shared_with_agency": .t("Chia sẻ cho cơ quan khác", "Shared with another agency"),
        "nav_vault": .t("Kho dữ liệu của tôi", "My vault"),
        "vault_title": .t("Kho dữ liệu của tôi", "My vault"),
        "vault_lead": .t(
            "Kết quả điện tử được cấp cho bạn và giấy tờ bạn đã tải lên. Khi nộp hồ sơ mới, bạn chọn lại từ đây, không phải nộp lại.",
            "Electronic results issued to you and documents you uploaded. When you apply again, pick them here instead of submitting them again."
        ),
        "vault_document": .t("Giấy tờ", "Document"),
        "vault_issuer": .t("Cơ quan cấp / người tải lên", "Issued by / uploaded by"),
        "vault_date": .t("Ngày", "Date"),
        "vault_validity": .t("Hiệu lực", "Validity"),
        "vault_signature": .t("Chữ ký số", "Digital signature"),
        "vault_actions": .t("Thao tác", "Actions"),
        "vault_number": .t("số", "no."),
        "vault_download": .t("Tải về", "Download"),
        "vault_delete": .t("Xóa", "Delete"),
        "vault_delete_confirm": .t("Xóa giấy tờ này khỏi kho dữ liệu?", "Delete this document from your vault?"),
        "vault_deleted": .t("Đã xóa giấy tờ khỏi kho dữ liệu.", "The document was deleted from your vault."),
        "vault_empty": .t("Kho dữ liệu của bạn chưa có giấy tờ nào.", "Your vault is empty."),
        "vault_unsigned": .t("Không có chữ ký số (bản tải lên)", "Not signed (an upload)"),
        "vault_signed_valid": .t("Hợp lệ, có trong sổ nhật ký minh bạch", "Valid, in the transparency log"),
        "vault_signed_invalid": .t("Không xác thực được", "Cannot be verified"),
        "vault_source_upload": .t("Bạn đã tải lên", "Uploaded by you"),
        "vault_source_result": .t("Kết quả điện tử", "Electronic result"),
        "vault_source_digitised": .t("Bản số hóa từ kết quả giấy", "Digitised copy of a paper result"),
        "vault_standing_valid": .t("Còn hiệu lực", "Valid"),
        "vault_standing_revoked": .t("Đã bị thu hồi", "Revoked"),
        "vault_standing_superseded": .t("Đã được thay thế", "Superseded"),
        "vault_standing_expired": .t("Hết hiệu lực", "Expired"),
        "vault_results_group": .t("Kết quả điện tử trong kho dữ liệu của bạn", "Electronic results in your vault"),
        "prefilled_eid": .t("Điền sẵn từ định danh điện tử (VNeID)", "Filled in from the national e-ID (VNeID)"),
        "prefilled_account": .t("Điền sẵn từ tài khoản của bạn", "Filled in from your account"),
        "prefilled_registry": .t(
            "Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư", "Filled in from the national population database"),
        "officer_reused_from": .t("Tái sử dụng kết quả điện tử số", "Reused electronic result no."),
        "officer_reused_valid": .t("chữ ký số hợp lệ, còn hiệu lực", "signatures valid, still in force"),
        "officer_reused_invalid": .t(
            "không xác thực được hoặc không còn hiệu lực", "cannot be verified or no longer in force"),
        "vault_share": .t("Chia sẻ", "Share"),
        "vault_share_title": .t("Đường dẫn chia sẻ giấy tờ", "A link to share the document"),
        "vault_share_lead": .t(
            "Gửi đường dẫn này cho người cần giấy tờ. Ai có đường dẫn đều tải được giấy tờ cho đến khi hết hạn hoặc khi bạn xóa giấy tờ khỏi kho; mỗi lần tải đều được ghi vào mục “Ai đã dùng dữ liệu của tôi”.",
            "Send this link to whoever needs the document. Anyone holding it can download the document until it expires or you remove the document from your vault; every download is recorded under “Who used my data”."
        ),
        "vault_share_link": .t("Đường dẫn", "Link"),
        "vault_share_expires": .t("Hết hạn lúc", "Expires at"),
        "access_shared_by_link": .t("Tải qua đường dẫn chia sẻ", "Downloaded through a share link"),
        "vault_result_not_valid": .t(
            "Kết quả này không còn hiệu lực (đã thu hồi, thay thế hoặc hết hạn), không dùng lại được.",
            "This result no longer stands (revoked, superseded or expired) and cannot be reused."),
    ]
}
