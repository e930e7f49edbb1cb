import OneGateCore

extension WebTexts {
    /// Texts of the one-stop counter: the desk, paper reception, assisted mode.
    static let counter: [String: LocalizedText] = [
        "counter_desk_title": .t("Quầy tiếp nhận một cửa", "One-stop counter"),
        "counter_desk_lead": .t(
            "Tìm thủ tục để tiếp nhận hồ sơ giấy hoặc hỗ trợ người dân nộp trực tuyến; kiểm tra hồ sơ nộp trực tuyến đang chờ tiếp nhận và trả kết quả.",
            "Find a procedure to receive a paper dossier or to help a person apply online; check online submissions waiting for reception and hand over results."
        ),
        "counter_finder_title": .t("Tiếp nhận hồ sơ mới", "Receive a new dossier"),
        "counter_finder_label": .t("Tên hoặc mã thủ tục", "Procedure name or code"),
        "counter_finder_results": .t("Thủ tục tìm được", "Procedures found"),
        "counter_start": .t("Bắt đầu", "Start"),
        "counter_receive_paper": .t("Tiếp nhận hồ sơ giấy", "Receive on paper"),
        "counter_assist_online": .t("Hỗ trợ nộp trực tuyến", "Help apply online"),
        "counter_queue_title": .t("Hồ sơ trực tuyến chờ tiếp nhận", "Online submissions waiting for reception"),
        "counter_queue_hint": .t(
            "Phải tiếp nhận, yêu cầu bổ sung hoặc từ chối trong 8 giờ làm việc kể từ khi nộp. Hồ sơ sắp hết hạn ở trên cùng.",
            "Each must be accepted, sent back for supplementation or refused within 8 working hours of submission. The soonest due are first."
        ),
        "counter_queue_empty": .t("Không có hồ sơ nào đang chờ tiếp nhận.", "No submission is waiting for reception."),
        "counter_queue_more": .t("Xem tất cả hồ sơ chờ tiếp nhận", "See every submission waiting for reception"),
        "counter_reference": .t("Mã hồ sơ / số tham chiếu", "Code or reference"),
        "counter_check_due": .t("Hạn kiểm tra tiếp nhận", "Reception check due"),
        "counter_remaining": .t("Còn", "Left:"),
        "counter_overdue_by": .t("Quá hạn", "Overdue by"),
        "counter_ready_title": .t("Kết quả chờ trả", "Results ready to hand over"),
        "counter_ready_hint": .t(
            "Hồ sơ đã có kết quả. Khi người dân đến nhận, mở hồ sơ và chọn \"Trả kết quả\" tại quầy.",
            "Dossiers with an issued result. When the person comes, open the dossier and record the hand-over at the counter."
        ),
        "counter_ready_empty": .t("Không có kết quả nào chờ trả.", "No result is waiting to be handed over."),
        "counter_ready_more": .t("Xem tất cả kết quả chờ trả", "See every result waiting to be handed over"),
        "counter_result_number": .t("Số, ký hiệu kết quả", "Result number"),
        "counter_hand_over": .t("Trả kết quả", "Hand over"),
        "counter_hand_over_link": .t("Trả kết quả cho người dân", "Hand the result over"),
        "counter_receive_title": .t("Tiếp nhận hồ sơ giấy", "Receive a paper dossier"),
        "counter_assist_title": .t("Hỗ trợ nộp hồ sơ trực tuyến", "Help a person apply online"),
        "counter_assist_lead": .t(
            "Cùng người dân điền biểu mẫu; ở bước sau, người dân kiểm tra lại toàn bộ thông tin và xác nhận trước khi nộp.",
            "Fill in the form together with the person; at the next step they check everything and confirm before it is sent."
        ),
        "counter_reception_legend": .t("Nơi tiếp nhận", "Reception"),
        "counter_receiving_unit": .t("Đơn vị tiếp nhận", "Receiving unit"),
        "counter_competent_unit": .t("Cơ quan giải quyết", "Competent unit"),
        "counter_competent_hint": .t(
            "Hồ sơ được tiếp nhận không phụ thuộc địa giới hành chính và chuyển đến cơ quan có thẩm quyền.",
            "The dossier is accepted whatever the applicant's address and routed to the competent unit."),
        "counter_channel": .t("Hình thức nộp", "How it was submitted"),
        "counter_channel_counter": .t("Trực tiếp tại quầy", "In person at the counter"),
        "counter_channel_post": .t("Qua dịch vụ bưu chính", "By post"),
        "counter_applicant_legend": .t("Người nộp hồ sơ", "Applicant"),
        "counter_kind": .t("Người nộp là", "The applicant is"),
        "counter_kind_person": .t("Cá nhân", "A person"),
        "counter_kind_business": .t("Tổ chức, doanh nghiệp", "An organisation or business"),
        "counter_identifier": .t("Số định danh cá nhân hoặc mã số thuế", "Personal ID number or tax code"),
        "counter_identifier_hint": .t(
            "Cá nhân: 12 chữ số trên thẻ căn cước. Tổ chức: mã số thuế 10 hoặc 13 chữ số.",
            "A person: the 12 digits on the identity card. An organisation: the 10- or 13-digit tax code."),
        "counter_full_name": .t("Họ và tên (hoặc tên tổ chức)", "Full name (or organisation name)"),
        "counter_phone": .t("Số điện thoại", "Phone number"),
        "counter_address": .t("Địa chỉ", "Address"),
        "counter_form_legend": .t("Thông tin tờ khai", "Application form"),
        "counter_documents_legend": .t("Thành phần hồ sơ (bản quét)", "Dossier components (scans)"),
        "counter_documents_hint": .t(
            "Quét từng thành phần bản giấy và tải lên (PDF, JPEG hoặc PNG). Bản quét được đánh dấu đã số hóa.",
            "Scan each paper component and upload it (PDF, JPEG or PNG). Scans are marked as digitised."),
        "counter_scan_kept": .t("Đã nhận tệp:", "File received:"),
        "counter_hint_date": .t(
            "Ngày theo dạng năm-tháng-ngày, ví dụ 2026-03-02.", "A date written year-month-day, for example 2026-03-02."
        ),
        "counter_hint_personal_id": .t("12 chữ số.", "12 digits."),
        "counter_hint_tax_code": .t("10 hoặc 13 chữ số.", "10 or 13 digits."),
        "counter_receive_submit": .t("Tiếp nhận và in giấy hẹn", "Receive and print the receipt"),
        "counter_to_review": .t("Tiếp tục: kiểm tra lại thông tin", "Continue: check the answers"),
        "counter_review_title": .t("Kiểm tra lại thông tin trước khi nộp", "Check the answers before sending"),
        "counter_review_lead": .t(
            "Đọc lại cùng người nộp. Nếu cần sửa, chọn \"Sửa lại\". Khi người nộp đồng ý, đánh dấu xác nhận và nộp.",
            "Read everything back to the applicant. To change something, choose \"Change answers\". When they agree, tick the confirmation and send."
        ),
        "counter_attached": .t("đã đính kèm", "attached"),
        "counter_not_attached": .t("chưa có", "not attached"),
        "counter_confirm_label": .t(
            "Người nộp đã kiểm tra và xác nhận thông tin", "The applicant has checked and confirmed the information"),
        "counter_confirm_missing": .t(
            "Người nộp cần kiểm tra và xác nhận thông tin trước khi nộp.",
            "The applicant must check and confirm the information before it is sent."),
        "counter_confirm_submit": .t("Xác nhận và nộp hồ sơ", "Confirm and send"),
        "counter_edit": .t("Sửa lại", "Change answers"),
        "counter_receipt_replayed": .t(
            "Hồ sơ này đã được tiếp nhận ở lần gửi trước; đây là giấy tiếp nhận của lần đó, không tạo hồ sơ mới.",
            "This dossier was already received when the form was first sent; this is that receipt, and no new dossier was created."
        ),
        "counter_receive_another": .t(
            "Tiếp nhận hồ sơ khác cùng thủ tục", "Receive another dossier for this procedure"),
        "counter_open_dossier": .t("Mở hồ sơ vừa tiếp nhận", "Open the dossier just received"),
    ]
}
