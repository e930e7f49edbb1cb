import OneGateCore

extension WebTexts {
    /// Texts of the public pages and the sign-in page.
    static let publicPages: [String: LocalizedText] = [
        "home_title": .t("Thủ tục hành chính trực tuyến", "Public services online"),
        "home_lead": .t(
            "Tìm thủ tục, nộp hồ sơ trực tuyến, theo dõi tiến độ và nhận kết quả điện tử.",
            "Find a procedure, apply online, follow your dossier and receive the electronic result."),
        "search_label": .t("Tìm thủ tục", "Find a procedure"),
        "search_hint": .t(
            "Ví dụ: khai sinh, đăng ký kinh doanh. Có thể gõ không dấu.",
            "For example: birth registration, business. Diacritics are optional."),
        "browse_topics": .t("Theo lĩnh vực", "By topic"),
        "browse_levels": .t("Theo cấp thực hiện", "By level"),
        "home_track_title": .t("Đã nộp hồ sơ?", "Already applied?"),
        "home_track_text": .t(
            "Tra cứu tình trạng bằng mã hồ sơ và mã tra cứu trên giấy tiếp nhận.",
            "Check the status with the dossier code and the lookup secret on your receipt."),
        "procedures_title": .t("Thủ tục hành chính", "Procedures"),
        "procedures_none": .t("Không có thủ tục phù hợp. Hãy thử từ khác.", "No procedure matches. Try other words."),
        "all_levels": .t("Tất cả các cấp", "All levels"),
        "all_topics": .t("Tất cả lĩnh vực", "All topics"),
        "procedure_code": .t("Mã thủ tục", "Procedure code"),
        "procedure_version": .t("phiên bản", "version"),
        "procedure_topic": .t("Lĩnh vực", "Topic"),
        "procedure_level": .t("Cấp thực hiện", "Level"),
        "procedure_online_level": .t("Mức độ trực tuyến", "Online availability"),
        "procedure_time_limit": .t("Thời hạn giải quyết", "Time limit"),
        "procedure_fee": .t("Phí, lệ phí", "Fee"),
        "procedure_free_online": .t("miễn khi nộp trực tuyến", "free when applying online"),
        "procedure_result": .t("Kết quả", "Result"),
        "procedure_legal_basis": .t("Căn cứ pháp lý", "Legal basis"),
        "procedure_documents": .t("Thành phần hồ sơ", "Documents required"),
        "procedure_where": .t("Nơi giải quyết", "Where it is handled"),
        "procedure_steps": .t("Quy trình xử lý", "How it is processed"),
        "apply_online": .t("Nộp hồ sơ trực tuyến", "Apply online"),
        "apply_online_sign_in": .t("Đăng nhập để nộp trực tuyến", "Sign in to apply online"),
        "status_title": .t("Tra cứu hồ sơ", "Track a dossier"),
        "status_lead": .t(
            "Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hồ sơ.",
            "Enter the dossier code and the lookup secret printed on your receipt."),
        "status_code_hint": .t("Ví dụ: 000.00.14.H40-261128-0001", "For example: 000.00.14.H40-261128-0001"),
        "status_secret": .t("Mã tra cứu", "Lookup secret"),
        "status_secret_hint": .t("8 ký tự, không phân biệt hoa thường.", "8 characters, not case-sensitive."),
        "status_submit": .t("Tra cứu", "Look up"),
        "status_code_missing": .t("Nhập mã hồ sơ.", "Enter the dossier code."),
        "status_secret_missing": .t("Nhập mã tra cứu.", "Enter the lookup secret."),
        "status_not_found": .t(
            "Không tìm thấy hồ sơ với mã và mã tra cứu này. Kiểm tra lại giấy tiếp nhận.",
            "No dossier has this code and secret. Check your receipt."),
        "status_again": .t("Tra cứu hồ sơ khác", "Look up another dossier"),
        "timeline_title": .t("Quá trình xử lý", "What has happened"),
        "verify_title": .t("Xác thực kết quả", "Verify a result"),
        "verify_lead": .t(
            "Kiểm tra một kết quả giải quyết thủ tục có đúng do cơ quan nhà nước ban hành hay không. Mã QR trên kết quả dẫn tới trang này.",
            "Check that a result was really issued by the administration. The QR code on a result leads here."),
        "verify_result_number": .t("Số kết quả", "Result number"),
        "verify_submit": .t("Xác thực", "Verify"),
        "verify_valid": .t(
            "Kết quả hợp lệ: đã được ban hành và chuỗi chữ ký số còn nguyên vẹn.",
            "Valid: this result was issued and its chain of digital signatures is intact."),
        "verify_tampered": .t(
            "Cảnh báo: chuỗi chữ ký của hồ sơ không kiểm tra được.",
            "Warning: the dossier's signature chain does not verify."),
        "verify_not_found": .t(
            "Không có kết quả nào với mã hồ sơ và số kết quả này.",
            "No result was issued with this dossier code and number."),
        "verify_issued_by": .t("Cơ quan ban hành", "Issued by"),
        "verify_issued_at": .t("Ngày ban hành", "Issued on"),
        "verify_events": .t("Số bước đã ký số", "Signed steps"),
        "sign_in_username": .t("Tên đăng nhập", "Username"),
        "sign_in_password": .t("Mật khẩu", "Password"),
        "sign_in_username_missing": .t("Nhập tên đăng nhập.", "Enter your username."),
        "sign_in_password_missing": .t("Nhập mật khẩu.", "Enter your password."),
        "sign_in_eid_hint": .t(
            "Công dân có thể đăng nhập bằng tài khoản định danh điện tử khi tỉnh kết nối.",
            "Citizens can sign in with their national e-ID where the province has connected it."),
    ]
}
