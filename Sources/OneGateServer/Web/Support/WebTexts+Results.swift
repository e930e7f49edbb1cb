import OneGateCore

extension WebTexts {
    /// Texts of the verification page, the signed PDFs and the result's downloads and revocation.
    static let results: [String: LocalizedText] = [
        // The verdict.
        "verify_authentic": .t(
            "Văn bản xác thực: đúng là tệp do cơ quan nhà nước ban hành trên hệ thống này và mọi chữ ký số đều hợp lệ.",
            "Authentic: this is the file the administration issued on this system and every digital signature is valid."
        ),
        "verify_not_authentic": .t(
            "Văn bản không xác thực: không được coi là kết quả do cơ quan nhà nước ban hành.",
            "Not authentic: do not rely on it as a result issued by the administration."),
        "verify_upload_not_found": .t(
            "Tệp này không có chữ ký số và không trùng với kết quả nào đã ban hành trên hệ thống này.",
            "This file has no digital signature and is not any result issued on this system."),
        "verify_reasons_title": .t("Lý do", "Why"),
        "verify_reason_modified_after_signing": .t(
            "Tệp đã bị sửa đổi sau khi ký: nội dung không còn khớp với chữ ký số.",
            "The file was changed after it was signed: its content no longer matches the signature."),
        "verify_reason_signature_invalid": .t(
            "Có chữ ký số không hợp lệ: chứng thư số không được tin cậy, đã hết hạn hoặc đã bị thu hồi.",
            "A digital signature is not valid: its certificate is not trusted, has expired or was revoked."),
        "verify_reason_not_issued_here": .t(
            "Tệp này không trùng với bất kỳ kết quả nào đã được ban hành trên hệ thống này.",
            "This file is not any of the results issued on this system."),
        "verify_reason_leader_revision_only": .t(
            "Đây là bản lãnh đạo đã ký nhưng chưa được vào số và đóng dấu ban hành, không phải kết quả chính thức.",
            "This is the revision the leader signed before it was numbered and sealed, not the issued result."),
        "verify_reason_no_signature": .t("Tệp không có chữ ký số.", "The file carries no digital signature."),
        "verify_reason_not_in_log": .t(
            "Kết quả không có trong sổ nhật ký minh bạch đã được ký số.",
            "The result is not included in the signed transparency log."),
        "verify_reason_document_missing": .t(
            "Không tìm thấy tệp kết quả đã lưu trên hệ thống để kiểm tra.",
            "The stored file of the result cannot be found, so it cannot be checked."),
        "verify_reason_other": .t(
            "Văn bản không vượt qua một bước kiểm tra của hệ thống.", "The document failed one of the system's checks."),
        // Standing.
        "verify_standing_title": .t("Hiệu lực", "Standing"),
        "verify_standing_valid": .t(
            "Kết quả hợp lệ, đang có hiệu lực.", "Valid: the result is in force."),
        "verify_standing_revoked": .t(
            "Kết quả đã bị thu hồi, không còn hiệu lực.", "Revoked: the result is no longer in force."),
        "verify_standing_superseded": .t(
            "Kết quả đã được thay thế bằng một kết quả khác, không còn hiệu lực.",
            "Superseded: another result has replaced it and it is no longer in force."),
        "verify_standing_expired": .t("Kết quả đã hết thời hạn hiệu lực.", "Expired: its period of validity is over."),
        "verify_revoked_at": .t("Ngày thu hồi", "Revoked on"),
        "verify_revocation_reason": .t("Lý do thu hồi", "Reason"),
        "verify_superseded_by": .t("Được thay thế bởi kết quả số", "Replaced by result number"),
        "verify_valid_until": .t("Hiệu lực đến", "Valid until"),
        // Facts, signatures and the log.
        "verify_facts_title": .t("Thông tin công khai của kết quả", "Public facts of the result"),
        "verify_refusal_name": .t("Văn bản từ chối giải quyết hồ sơ", "Reasoned refusal"),
        "verify_signatures_caption": .t("Chữ ký số trên văn bản", "Digital signatures on the document"),
        "verify_signer": .t("Người ký", "Signer"),
        "verify_signature_kind": .t("Loại chữ ký", "Kind"),
        "verify_signed_at": .t("Thời điểm ký", "Signed at"),
        "verify_signature_check": .t("Kết quả kiểm tra", "Check"),
        "verify_kind_personal": .t("Chữ ký số cá nhân", "Personal signature"),
        "verify_kind_seal": .t("Dấu của cơ quan", "Unit seal"),
        "verify_kind_platform": .t("Dấu của hệ thống", "Platform seal"),
        "verify_kind_unknown": .t("Không xác định", "Unknown"),
        "verify_signature_valid": .t("Hợp lệ", "Valid"),
        "verify_problem_digest_mismatch": .t(
            "Nội dung đã bị thay đổi sau khi ký", "The content was changed after signing"),
        "verify_problem_bad_signature": .t("Chữ ký không khớp với nội dung", "The signature does not match"),
        "verify_problem_untrusted": .t(
            "Chứng thư số không do hệ thống này cấp", "The certificate was not issued by this system"),
        "verify_problem_certificate_expired": .t(
            "Chứng thư số hết hạn vào thời điểm ký", "The certificate had expired when it signed"),
        "verify_problem_certificate_revoked": .t(
            "Chứng thư số đã bị thu hồi trước thời điểm ký", "The certificate was revoked before it signed"),
        "verify_problem_unreadable": .t("Không đọc được chữ ký", "The signature cannot be read"),
        "verify_log_title": .t("Sổ nhật ký minh bạch", "Transparency log"),
        "verify_log_included": .t(
            "Kết quả có trong cây nhật ký đã ký số, kích thước",
            "The result is included in the signed tree head of size"),
        "verify_log_not_included": .t(
            "Không chứng minh được kết quả có trong sổ nhật ký minh bạch đã ký số.",
            "The result could not be shown to be in the signed transparency log."),
        "verify_log_root": .t("Mã băm gốc", "Root hash"),
        "verify_log_signed_at": .t("Cây được ký lúc", "Tree head signed at"),
        // Upload.
        "verify_by_number_title": .t("Kiểm tra bằng mã hồ sơ và số kết quả", "Check by dossier code and number"),
        "verify_upload_title": .t("Kiểm tra một tệp PDF", "Check a PDF file"),
        "verify_upload_label": .t("Tệp PDF của kết quả", "The result's PDF file"),
        "verify_upload_hint": .t(
            "Tệp được kiểm tra rồi bỏ đi, không được lưu lại. Dung lượng tối đa",
            "The file is checked and then discarded, never stored. Largest size"),
        "verify_upload_submit": .t("Kiểm tra tệp", "Check the file"),
        "verify_upload_missing": .t("Chọn một tệp PDF để kiểm tra.", "Choose a PDF file to check."),
        "verify_upload_not_pdf": .t(
            "Tệp đã chọn không phải tệp PDF. Hãy chọn tệp kết quả có đuôi .pdf.",
            "The file chosen is not a PDF. Choose the result's .pdf file."),
        "verify_upload_too_large": .t("Tệp quá lớn để kiểm tra.", "The file is too large to check."),
        "verify_upload_file": .t("Tệp đã kiểm tra", "File checked"),
        "verify_unavailable": .t(
            "Chức năng xác thực văn bản tạm thời chưa sẵn sàng. Vui lòng thử lại sau.",
            "Verification is not available at the moment. Please try again later."),
        // Results and their files.
        "result_digitised": .t("Bản số hóa từ kết quả giấy", "Digitised copy of a paper result"),
        "result_download_pdf": .t("Tải kết quả PDF có ký số", "Download the signed PDF"),
        "result_download_p7s": .t(
            "Tải chữ ký số tách rời của cơ quan (.p7s)", "Download the unit's detached signature (.p7s)"),
        "citizen_receipt_pdf": .t(
            "Tải giấy tiếp nhận hồ sơ (PDF có ký số)", "Download the receipt (signed PDF)"),
        "form_signed_pdf": .t("PDF có ký số", "Signed PDF"),
        "pdf_signed_by": .t("Ký số bởi", "Signed by"),
        "pdf_ledger_signer": .t("Người lập sổ", "Prepared by"),
        "pdf_ledger_total": .t("Tổng số hồ sơ", "Dossiers"),
        "ind_ledger_pdf": .t("Tải sổ theo dõi (PDF có ký số)", "Download the ledger (signed PDF)"),
        // The officer's result section and revocation.
        "officer_result_title": .t("Kết quả đã ban hành", "Issued result"),
        "officer_result_verify": .t("Xem trang xác thực công khai", "Open the public verification"),
        "officer_revoke_title": .t("Thu hồi kết quả", "Revoke the result"),
        "officer_revoke_lead": .t(
            "Chỉ lãnh đạo cơ quan có thẩm quyền được thu hồi. Việc thu hồi được ghi vào sổ nhật ký minh bạch và không thể hoàn tác.",
            "Only a leader of the competent unit may revoke. The revocation is written to the transparency log and cannot be undone."
        ),
        "officer_revoke_reason": .t("Lý do thu hồi", "Reason for the revocation"),
        "officer_revoke_replaced_by": .t("Được thay thế bởi kết quả số", "Replaced by result number"),
        "officer_revoke_replaced_hint": .t(
            "Để trống nếu kết quả bị thu hồi mà không có kết quả thay thế.",
            "Leave empty when no other result replaces it."),
        "officer_revoke_submit": .t("Thu hồi kết quả", "Revoke the result"),
        "officer_result_revoked": .t(
            "Đã thu hồi kết quả và ghi vào sổ nhật ký minh bạch.",
            "The result was revoked and the revocation written to the transparency log."),
    ]
}
