import OneGateCore

extension WebTexts {
    /// Texts of the applicant's pages.
    static let citizen: [String: LocalizedText] = [
        "apply_step_form": .t("Thông tin tờ khai", "Application form"),
        "apply_step_documents": .t("Thành phần hồ sơ", "Documents"),
        "apply_documents_hint": .t(
            "Tải lên bản chụp hoặc bản quét rõ nét (PDF, JPEG hoặc PNG, tối đa 20 MB mỗi tệp), hoặc chọn giấy tờ đã tải lên trước đây.",
            "Upload a clear photo or scan (PDF, JPEG or PNG, up to 20 MB each), or pick a document you uploaded before."
        ),
        "apply_choose_file": .t("Chọn tệp", "Choose a file"),
        "apply_replace_file": .t("Thay bằng tệp khác", "Replace with another file"),
        "apply_file_hint": .t("PDF, JPEG hoặc PNG, tối đa 20 MB.", "PDF, JPEG or PNG, up to 20 MB."),
        "apply_pick_owned": .t("Hoặc chọn giấy tờ đã tải lên", "Or pick a document you uploaded before"),
        "apply_attached": .t("Đã đính kèm", "Attached"),
        "apply_not_attached": .t("Chưa đính kèm", "Not attached"),
        "apply_reused_document": .t("Giấy tờ đã có", "Document reused"),
        "apply_continue_review": .t("Tiếp tục: kiểm tra lại", "Continue to review"),
        "apply_save_draft": .t("Lưu nháp để làm tiếp sau", "Save as draft and come back later"),
        "apply_delete_draft": .t("Xóa bản nháp", "Delete this draft"),
        "apply_delete_confirm": .t("Xóa bản nháp này?", "Delete this draft?"),
        "apply_saved_notice": .t(
            "Đã lưu bản nháp. Bạn có thể quay lại bất cứ lúc nào từ mục Hồ sơ của tôi.",
            "Your draft is saved. Come back to it any time from My dossiers."),
        "apply_draft_saved_at": .t("Lưu lần cuối:", "Last saved:"),
        "apply_draft_retention": .t(
            "Bản nháp không được lưu lại trong 90 ngày sẽ bị xóa.", "A draft not saved again for 90 days is deleted."),
        "apply_draft_deleted": .t("Đã xóa bản nháp.", "The draft was deleted."),
        "apply_document_missing": .t("Chưa đính kèm giấy tờ bắt buộc này.", "This required document is not attached."),
        "apply_review_title": .t("Kiểm tra lại trước khi nộp", "Check your answers before you submit"),
        "apply_change_answers": .t("Sửa thông tin hoặc giấy tờ", "Change your answers or documents"),
        "apply_declaration": .t(
            "Tôi cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm trước pháp luật.",
            "I declare that this information is true and I am responsible for it before the law."),
        "apply_declaration_missing": .t(
            "Đánh dấu vào ô cam đoan để nộp hồ sơ.", "Tick the declaration to submit your application."),
        "apply_submit": .t("Nộp hồ sơ", "Submit application"),
        "receipt_online_title": .t("Đã nộp hồ sơ", "Application submitted"),
        "receipt_online_lead": .t(
            "Bộ phận một cửa sẽ kiểm tra hồ sơ trong 8 giờ làm việc và báo cho bạn kết quả.",
            "The one-stop office checks your application within 8 working hours and tells you the outcome."),
        "receipt_heading": .t("Giấy xác nhận nộp hồ sơ trực tuyến", "Online submission receipt"),
        "receipt_reference": .t("Mã nộp hồ sơ", "Submission reference"),
        "receipt_check_by": .t("Hạn kiểm tra, tiếp nhận", "Checked by"),
        "receipt_secret_warning": .t(
            "Giữ mã tra cứu này: cùng với mã hồ sơ, nó cho phép tra cứu tình trạng hồ sơ mà không cần đăng nhập. Mã chỉ hiển thị một lần.",
            "Keep this lookup secret: with the dossier code it lets anyone check the status without signing in. It is shown only once."
        ),
        "receipt_follow": .t("Theo dõi hồ sơ", "Follow this dossier"),
        "my_drafts": .t("Bản nháp", "Drafts"),
        "my_submitted": .t("Hồ sơ đã nộp", "Submitted dossiers"),
        "my_none": .t("Bạn chưa nộp hồ sơ nào.", "You have not submitted any dossier yet."),
        "my_action_needed": .t("Cần bạn thực hiện", "Action needed"),
        "overdue": .t("Quá hạn", "Overdue"),
        "due_today": .t("Đến hạn hôm nay", "Due today"),
        "channel": .t("Hình thức nộp", "Channel"),
        "timeliness": .t("Kết quả so với hạn", "Timeliness"),
        "citizen_expect_supplement": .t(
            "Hồ sơ cần bổ sung. Thời hạn giải quyết tạm dừng cho đến khi bạn gửi đủ các giấy tờ dưới đây.",
            "Your dossier needs more documents. The clock is paused until you send everything listed below."),
        "citizen_expect_payment": .t(
            "Cần nộp phí, lệ phí để hồ sơ được tiếp tục giải quyết.", "Pay the fee so that your dossier can go on."),
        "citizen_expect_collect": .t(
            "Đã có kết quả. Bạn có thể tải kết quả điện tử hoặc nhận tại quầy.",
            "The result is ready. Download it, or collect it at the counter."),
        "citizen_expect_reception": .t(
            "Bộ phận một cửa đang kiểm tra hồ sơ. Bạn chưa cần làm gì.",
            "The one-stop office is checking your application. Nothing is needed from you now."),
        "citizen_expect_wait": .t(
            "Hồ sơ đang được giải quyết. Bạn chưa cần làm gì; kết quả dự kiến theo hạn giải quyết.",
            "Your dossier is being handled. Nothing is needed from you; expect the result by the due date."),
        "citizen_supplement_title": .t("Giấy tờ cần bổ sung", "What to send"),
        "citizen_supplement_submit": .t("Gửi bổ sung", "Send the documents"),
        "citizen_supplement_missing": .t("Chọn ít nhất một tệp để bổ sung.", "Choose at least one file to send."),
        "citizen_done_supplemented": .t(
            "Đã gửi bổ sung. Hồ sơ tiếp tục được giải quyết.", "Documents sent. Your dossier is being handled again."),
        "citizen_done_withdrawn": .t("Đã rút hồ sơ.", "Your dossier was withdrawn."),
        "citizen_done_paid": .t("Đã thanh toán. Cảm ơn bạn.", "Payment received. Thank you."),
        "citizen_done_evaluated": .t("Cảm ơn bạn đã đánh giá.", "Thank you for your evaluation."),
        "citizen_withdraw_title": .t("Rút hồ sơ", "Withdraw this dossier"),
        "citizen_withdraw_reason": .t("Lý do rút hồ sơ", "Why do you withdraw it?"),
        "citizen_withdraw_reason_missing": .t("Nhập lý do rút hồ sơ.", "Enter why you withdraw the dossier."),
        "citizen_withdraw_submit": .t("Rút hồ sơ", "Withdraw"),
        "citizen_withdraw_confirm": .t(
            "Rút hồ sơ này? Không thể hoàn tác.", "Withdraw this dossier? This cannot be undone."),
        "citizen_open_document": .t("Xem", "Open"),
        "citizen_result_title": .t("Kết quả giải quyết", "Result"),
        "citizen_result_open": .t("Xem kết quả", "View the result"),
        "citizen_result_signed_record": .t("Tải hồ sơ ký số (ZIP)", "Download the signed record (ZIP)"),
        "citizen_result_verify_text": .t(
            "Bất kỳ ai cũng có thể kiểm tra kết quả này bằng mã hồ sơ và số kết quả tại trang",
            "Anyone can check this result with the dossier code and the result number on the page"),
        "citizen_evaluate_title": .t("Đánh giá mức độ hài lòng", "Rate the service"),
        "citizen_evaluated": .t("Bạn đã đánh giá; gửi lại để thay đổi.", "You have rated it; send again to change."),
        "citizen_rating_question": .t("Bạn hài lòng thế nào với việc giải quyết hồ sơ?", "How satisfied are you?"),
        "citizen_rating_missing": .t("Chọn một mức đánh giá.", "Choose a rating."),
        "citizen_comment": .t("Góp ý", "Comments"),
        "citizen_evaluate_submit": .t("Gửi đánh giá", "Send"),
        "rating_1": .t("Rất không hài lòng", "Very dissatisfied"),
        "rating_2": .t("Không hài lòng", "Dissatisfied"),
        "rating_3": .t("Bình thường", "Neither"),
        "rating_4": .t("Hài lòng", "Satisfied"),
        "rating_5": .t("Rất hài lòng", "Very satisfied"),
        "pay_title": .t("Nộp phí, lệ phí", "Pay the fee"),
        "pay_now": .t("Thanh toán trực tuyến", "Pay online"),
        "pay_amount": .t("Số tiền", "Amount"),
        "pay_reference": .t("Mã thông báo phí", "Fee notice reference"),
        "pay_confirm": .t("Xác nhận thanh toán", "Confirm payment"),
        "pay_sandbox_notice": .t(
            "Cổng thanh toán thử nghiệm: không có tiền thật được chuyển.",
            "Sandbox payment provider: no real money moves."),
    ]
}
