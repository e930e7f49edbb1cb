import OneGateCore

extension WebTexts {
    /// Texts of the admin pages.
    static let admin: [String: LocalizedText] = [
        // Overview and shared words
        "admin_title": .t("Quản trị hệ thống", "Administration"),
        "admin_lead": .t(
            "Quản lý đơn vị, cán bộ và vai trò, danh mục thủ tục, ngày nghỉ và chỉ tiêu chuyển đổi số.",
            "Manage units, officers and roles, the procedure catalogue, days off and digital-transformation targets."),
        "admin_scope": .t("Phạm vi quản trị", "You administer"),
        "admin_whole_instance": .t("Toàn hệ thống", "The whole instance"),
        "admin_actions": .t("Thao tác", "Actions"),
        "admin_edit": .t("Sửa", "Edit"),
        "admin_show": .t("Xem", "Show"),
        "admin_open": .t("Mở", "Open"),
        "admin_version": .t("Phiên bản", "Version"),
        "admin_active": .t("Đang hoạt động", "Active"),
        "admin_inactive": .t("Đã khóa", "Deactivated"),
        "admin_optional_hint": .t("Không bắt buộc.", "Optional."),
        "admin_date_hint": .t(
            "Định dạng năm-tháng-ngày, ví dụ 2025-07-01. Không bắt buộc.",
            "Year-month-day, for example 2025-07-01. Optional."),
        "admin_error_date": .t("Ngày không hợp lệ", "This is not a valid date"),
        "admin_choose_one": .t("Hãy chọn một giá trị trong danh sách.", "Choose one of the values in the list."),
        "admin_json_invalid": .t(
            "Không đọc được JSON: hãy kiểm tra dấu ngoặc, dấu phẩy, dấu nháy và tên thuộc tính",
            "This JSON cannot be read: check the brackets, commas, quotes and property names"),

        // Notices after a change
        "admin_notice_unit_created": .t("Đã tạo đơn vị.", "The unit has been created."),
        "admin_notice_unit_saved": .t("Đã lưu thông tin đơn vị.", "The unit has been saved."),
        "admin_notice_officer_created": .t(
            "Đã tạo tài khoản cán bộ. Cán bộ có thể đăng nhập bằng mật khẩu ban đầu.",
            "The officer's account has been created. They can sign in with the initial password."),
        "admin_notice_role_added": .t(
            "Đã giao vai trò. Thay đổi có hiệu lực trong vòng một phút.",
            "The role has been granted. The change takes effect within a minute."),
        "admin_notice_role_removed": .t(
            "Đã thu hồi vai trò. Thay đổi có hiệu lực trong vòng một phút.",
            "The role has been withdrawn. The change takes effect within a minute."),
        "admin_notice_officer_deactivated": .t(
            "Đã khóa tài khoản. Các phiên đăng nhập đang mở sẽ hết hiệu lực trong vòng một phút.",
            "The account has been deactivated. Open sessions stop working within a minute."),
        "admin_notice_officer_reactivated": .t("Đã mở lại tài khoản.", "The account has been reactivated."),
        "admin_notice_procedure_saved": .t(
            "Đã lưu phiên bản mới của thủ tục. Hồ sơ đã tiếp nhận vẫn giữ phiên bản cũ.",
            "A new version of the procedure has been saved. Dossiers already received keep their version."),
        "admin_notice_procedure_unchanged": .t(
            "Không có thay đổi nào nên không tạo phiên bản mới.",
            "Nothing was changed, so no new version was made."),
        "admin_notice_calendar_saved": .t(
            "Đã lưu ngày nghỉ của năm. Hạn giải quyết tính từ bây giờ áp dụng lịch mới.",
            "The year's days off have been saved. Due dates computed from now on use them."),
        "admin_notice_targets_saved": .t("Đã lưu chỉ tiêu.", "The targets have been saved."),

        // Units
        "admin_units_title": .t("Đơn vị hành chính", "Administrative units"),
        "admin_units_lead": .t(
            "Cây đơn vị, mã, loại, thời gian hiệu lực và đơn vị kế thừa.",
            "The unit tree: codes, kinds, dates in force and successors."),
        "admin_units_none": .t("Chưa có đơn vị nào.", "There are no units yet."),
        "admin_unit_new": .t("Thêm đơn vị", "Add a unit"),
        "admin_unit_new_child": .t("Thêm đơn vị trực thuộc", "Add a unit below this one"),
        "admin_unit_edit": .t("Sửa đơn vị", "Edit the unit"),
        "admin_unit_code": .t("Mã đơn vị", "Unit code"),
        "admin_unit_code_hint": .t(
            "Mã định danh theo danh mục quốc gia, ví dụ 000.00.12.H40. Không đổi được sau khi tạo.",
            "The national code, for example 000.00.12.H40. It cannot be changed later."),
        "admin_unit_code_missing": .t("Nhập mã đơn vị.", "Enter the unit code."),
        "admin_unit_code_invalid": .t(
            "Mã đơn vị chỉ gồm chữ, số và dấu chấm, dài 3–40 ký tự.",
            "A unit code has 3 to 40 letters, digits and dots."),
        "admin_unit_code_taken": .t("Đã có đơn vị mang mã này.", "A unit with this code already exists."),
        "admin_unit_name": .t("Tên đơn vị", "Unit name"),
        "admin_unit_name_vi": .t("Tên tiếng Việt", "Name in Vietnamese"),
        "admin_unit_name_en": .t("Tên tiếng Anh", "Name in English"),
        "admin_unit_name_missing": .t(
            "Nhập tên tiếng Việt của đơn vị (tối đa 300 ký tự).",
            "Enter the unit's Vietnamese name (300 characters at most)."),
        "admin_unit_kind": .t("Loại đơn vị", "Kind"),
        "admin_unit_kind_missing": .t("Chọn loại đơn vị.", "Choose the kind of unit."),
        "admin_unit_parent": .t("Đơn vị cấp trên", "Parent unit"),
        "admin_unit_no_parent": .t("(Không có — đơn vị gốc)", "(None — a root unit)"),
        "admin_unit_parent_missing": .t("Chọn đơn vị cấp trên.", "Choose the parent unit."),
        "admin_unit_parent_unknown": .t("Không có đơn vị cấp trên này.", "There is no such parent unit."),
        "admin_unit_parent_outside": .t(
            "Đơn vị cấp trên phải thuộc phạm vi bạn quản trị.", "The parent unit must be one you administer."),
        "admin_unit_parent_cycle": .t(
            "Không thể đặt đơn vị dưới chính nó hoặc đơn vị trực thuộc nó.",
            "A unit cannot be placed under itself or under one of its own units."),
        "admin_unit_from": .t("Hiệu lực từ ngày", "In force from"),
        "admin_unit_to": .t("Hết hiệu lực sau ngày", "In force until"),
        "admin_unit_to_hint": .t(
            "Ngày cuối cùng đơn vị tồn tại (khi sáp nhập, giải thể). Để trống nếu đơn vị đang hoạt động.",
            "The last day the unit exists (after a merger or dissolution). Leave empty while it exists."),
        "admin_unit_dates_order": .t(
            "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.", "The end date cannot be before the start date."
        ),
        "admin_unit_successors": .t("Đơn vị kế thừa", "Successors"),
        "admin_unit_successors_hint": .t(
            "Mã các đơn vị tiếp nhận nhiệm vụ, cách nhau bằng dấu cách hoặc dấu phẩy.",
            "Codes of the units that take over, separated by spaces or commas."),
        "admin_unit_successor_unknown": .t(
            "Có mã đơn vị kế thừa không tồn tại hoặc trùng với chính đơn vị.",
            "A successor code does not exist or is the unit itself."),
        "admin_unit_successor_outside": .t(
            "Đơn vị kế thừa phải thuộc phạm vi bạn quản trị.", "Successors must be units you administer."),
        "admin_unit_predecessors": .t("Đơn vị tiền thân", "Predecessors"),
        "admin_unit_children": .t("Đơn vị trực thuộc", "Units below"),

        // Officers and roles
        "admin_officers_title": .t("Cán bộ và vai trò", "Officers and roles"),
        "admin_officers_lead": .t(
            "Tài khoản cán bộ của từng đơn vị, giao và thu hồi vai trò, khóa tài khoản.",
            "Officers' accounts by unit: grant and withdraw roles, deactivate accounts."),
        "admin_officers_none": .t("Đơn vị chưa có cán bộ nào.", "This unit has no officers."),
        "admin_officer_new": .t("Thêm cán bộ", "Add an officer"),
        "admin_officer_create": .t("Tạo tài khoản", "Create the account"),
        "admin_officer_username": .t("Tên đăng nhập", "Username"),
        "admin_officer_username_hint": .t(
            "Chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới; 3–60 ký tự. Ví dụ: chuyenvien3.stp",
            "Lower-case letters without accents, digits, dots, hyphens or underscores; 3 to 60 characters. For example: chuyenvien3.stp"
        ),
        "admin_officer_username_invalid": .t(
            "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (3–60 ký tự).",
            "A username has 3 to 60 lower-case letters without accents, digits, dots, hyphens or underscores."),
        "admin_officer_username_taken": .t("Tên đăng nhập này đã được dùng.", "This username is already taken."),
        "admin_officer_full_name": .t("Họ và tên", "Full name"),
        "admin_officer_name_missing": .t(
            "Nhập họ và tên cán bộ (tối đa 200 ký tự).", "Enter the officer's full name (200 characters at most)."),
        "admin_officer_password": .t("Mật khẩu ban đầu", "Initial password"),
        "admin_officer_password_hint": .t(
            "Ít nhất 8 ký tự. Hãy trao mật khẩu cho cán bộ một cách an toàn.",
            "At least 8 characters. Hand it to the officer in a safe way."),
        "admin_officer_password_short": .t(
            "Mật khẩu phải có từ 8 đến 200 ký tự.", "The password must have 8 to 200 characters."),
        "admin_roles": .t("Vai trò", "Roles"),
        "admin_roles_here": .t("Vai trò tại đơn vị", "Roles at this unit"),
        "admin_roles_none": .t("Cán bộ chưa có vai trò nào.", "This officer holds no role."),
        "admin_role": .t("Vai trò", "Role"),
        "admin_role_unit": .t("Tại đơn vị", "At unit"),
        "admin_role_add": .t("Giao vai trò", "Grant a role"),
        "admin_role_remove": .t("Thu hồi", "Withdraw"),
        "admin_role_missing": .t("Chọn vai trò.", "Choose a role."),
        "admin_role_unit_missing": .t("Chọn đơn vị.", "Choose a unit."),
        "admin_role_outside": .t(
            "Bạn không thể giao vai trò này tại đơn vị này.", "You cannot grant this role at this unit."),
        "admin_role_held": .t(
            "Cán bộ đã có vai trò này tại đơn vị này.", "The officer already holds this role at this unit."),
        "admin_account": .t("Tài khoản", "Account"),
        "admin_account_hint": .t(
            "Tài khoản bị khóa không đăng nhập được; lịch sử xử lý hồ sơ của cán bộ vẫn được giữ nguyên.",
            "A deactivated account cannot sign in; the officer's signed history stays as it is."),
        "admin_deactivate": .t("Khóa tài khoản", "Deactivate the account"),
        "admin_reactivate": .t("Mở lại tài khoản", "Reactivate the account"),

        // Procedures
        "admin_procedures_title": .t("Danh mục thủ tục hành chính", "Procedure catalogue"),
        "admin_procedures_lead": .t(
            "Sửa thủ tục: mỗi lần lưu tạo một phiên bản mới.", "Edit procedures: each save makes a new version."),
        "admin_procedures_versions_note": .t(
            "Mỗi lần lưu tạo một phiên bản mới; hồ sơ đã tiếp nhận vẫn theo phiên bản cũ (thời hạn, phí, thành phần hồ sơ).",
            "Each save makes a new version; dossiers already received keep theirs (time limit, fee, documents)."),
        "admin_procedure_edit": .t("Sửa thủ tục", "Edit the procedure"),
        "admin_procedure_edit_lead": .t(
            "Khi lưu, hệ thống tạo phiên bản mới của thủ tục. Đơn vị có thẩm quyền và quy trình xử lý giữ nguyên.",
            "Saving makes a new version of the procedure. Competent units and the process stay as they are."),
        "admin_procedure_save": .t("Lưu phiên bản mới", "Save as a new version"),
        "admin_procedure_current": .t("hiện hành", "current"),
        "admin_procedure_old_version": .t(
            "Đây là phiên bản cũ, chỉ để xem. Phiên bản hiện hành là",
            "This is an old version, shown for reference. The current version is"),
        "admin_procedure_history": .t("Lịch sử phiên bản", "Version history"),
        "admin_procedure_name_vi": .t("Tên thủ tục (tiếng Việt)", "Name in Vietnamese"),
        "admin_procedure_name_en": .t("Tên thủ tục (tiếng Anh)", "Name in English"),
        "admin_procedure_name_missing": .t(
            "Nhập tên tiếng Việt của thủ tục.", "Enter the procedure's Vietnamese name."),
        "admin_procedure_topic_vi": .t("Lĩnh vực (tiếng Việt)", "Topic in Vietnamese"),
        "admin_procedure_topic_en": .t("Lĩnh vực (tiếng Anh)", "Topic in English"),
        "admin_procedure_topic_missing": .t("Nhập lĩnh vực bằng tiếng Việt.", "Enter the topic in Vietnamese."),
        "admin_procedure_time_limit_hint": .t(
            "Ví dụ: \"5 working_days\" (ngày làm việc), \"8 working_hours\" (giờ làm việc), \"30 calendar_days\" (ngày), \"same_day\" (trong ngày).",
            "For example \"5 working_days\", \"8 working_hours\", \"30 calendar_days\" or \"same_day\"."),
        "admin_procedure_time_limit_invalid": .t(
            "Thời hạn chưa đúng dạng, ví dụ \"5 working_days\".",
            "The time limit is not in the expected form, e.g. \"5 working_days\"."),
        "admin_procedure_fee": .t("Phí, lệ phí (đồng)", "Fee (VND)"),
        "admin_procedure_fee_hint": .t("Nhập 0 nếu không thu phí.", "Enter 0 when there is no fee."),
        "admin_procedure_fee_invalid": .t(
            "Phí phải là số đồng không âm, ví dụ 50000.",
            "The fee must be a whole number of đồng, 0 or more, e.g. 50000."),
        "admin_procedure_free_online": .t("Miễn phí khi nộp trực tuyến", "Free when applying online"),
        "admin_procedure_full_online_eligible": .t(
            "Đủ điều kiện cung cấp trực tuyến toàn trình", "Eligible to be offered fully online"),
        "admin_procedure_result_vi": .t("Tên kết quả (tiếng Việt)", "Result name in Vietnamese"),
        "admin_procedure_result_en": .t("Tên kết quả (tiếng Anh)", "Result name in English"),
        "admin_procedure_result_missing": .t(
            "Nhập tên kết quả bằng tiếng Việt.", "Enter the result's Vietnamese name."),
        "admin_procedure_documents": .t("Thành phần hồ sơ (JSON)", "Documents required (JSON)"),
        "admin_procedure_documents_hint": .t(
            "Một mảng JSON; mỗi phần tử có id, name {vi, en}, documentType và required (true/false).",
            "A JSON array; each entry has id, name {vi, en}, documentType and required (true/false)."),
        "admin_procedure_documents_incomplete": .t(
            "Mỗi thành phần hồ sơ cần có id, tên tiếng Việt và documentType.",
            "Every document needs an id, a Vietnamese name and a documentType."),
        "admin_procedure_form_fields": .t("Trường của tờ khai (JSON)", "Application form fields (JSON)"),
        "admin_procedure_form_fields_hint": .t(
            "Một mảng JSON; mỗi trường có name, label {vi, en}, type (text, multiline, number, date, select, boolean, email, phone, personal_id, tax_code), required và tùy chọn maxLength, minimum, maximum, options.",
            "A JSON array; each field has name, label {vi, en}, type (text, multiline, number, date, select, boolean, email, phone, personal_id, tax_code), required, and optionally maxLength, minimum, maximum, options."
        ),
        "admin_procedure_fields_incomplete": .t(
            "Mỗi trường cần có name và nhãn tiếng Việt; trường select cần danh sách options.",
            "Every field needs a name and a Vietnamese label; a select field needs its options."),
        "admin_procedure_stale": .t(
            "Thủ tục vừa được người khác lưu phiên bản mới. Hãy mở lại trang sửa để không ghi đè thay đổi đó.",
            "Someone else saved a new version meanwhile. Open the editor again so as not to undo their change."),

        // Calendar
        "admin_calendar_title": .t("Ngày nghỉ hằng năm", "Days off by year"),
        "admin_calendar_lead": .t(
            "Nhập quyết định hoán đổi ngày nghỉ, ngày làm bù của từng năm.",
            "Enter each year's decision on swapped days off and make-up working days."),
        "admin_calendar_intro": .t(
            "Ngày nghỉ lễ, Tết theo Bộ luật Lao động được tính tự động (kể cả âm lịch và ngày nghỉ bù). Ở đây chỉ nhập quyết định riêng của từng năm; thay đổi có hiệu lực ngay cho các hạn giải quyết tính sau đó.",
            "Public holidays under the Labour Code are computed (lunar dates and compensatory days included). Enter here only each year's own decision; it applies at once to due dates computed afterwards."
        ),
        "admin_calendar_year": .t("Năm", "Year"),
        "admin_calendar_year_invalid": .t("Nhập năm từ 2000 đến 2100.", "Enter a year from 2000 to 2100."),
        "admin_calendar_year_title": .t("Ngày nghỉ năm", "Days off in"),
        "admin_calendar_years": .t("Các năm đã có quyết định", "Years with a decision"),
        "admin_calendar_none": .t("Chưa có quyết định nào.", "No decision has been entered."),
        "admin_calendar_origin": .t("Nguồn", "Entered in"),
        "admin_calendar_origin_settings": .t("Trang quản trị", "These pages"),
        "admin_calendar_origin_file": .t("Tệp cấu hình onegate.json", "The onegate.json file"),
        "admin_calendar_overrides": .t("Quyết định của năm", "The year's decision"),
        "admin_calendar_overrides_hint": .t(
            "Mỗi ngày một dòng. Để trống tất cả để bỏ quyết định của năm.",
            "One day per line. Leave everything empty to remove the year's decision."),
        "admin_calendar_source": .t("Căn cứ (số, ngày văn bản)", "Source (number and date of the notice)"),
        "admin_calendar_source_hint": .t(
            "Ví dụ: Thông báo số 6150/TB-BNV ngày 03/10/2025. Không bắt buộc.",
            "For example: Notice 6150/TB-BNV of 03/10/2025. Optional."),
        "admin_calendar_source_long": .t(
            "Căn cứ quá dài (tối đa 500 ký tự).", "The source is too long (500 characters at most)."),
        "admin_calendar_extra": .t("Ngày nghỉ thêm", "Extra days off"),
        "admin_calendar_extra_hint": .t(
            "Mỗi dòng: ngày | tên tiếng Việt | tên tiếng Anh, ví dụ: 2027-02-12 | Nghỉ Tết Nguyên đán (hoán đổi) | Lunar New Year break (swapped)",
            "Each line: date | Vietnamese name | English name, for example: 2027-02-12 | Nghỉ Tết Nguyên đán (hoán đổi) | Lunar New Year break (swapped)"
        ),
        "admin_calendar_extra_invalid": .t(
            "Dòng chưa đúng dạng \"ngày | tên tiếng Việt | tên tiếng Anh\"",
            "This line is not \"date | Vietnamese name | English name\""),
        "admin_calendar_make_up": .t("Ngày làm việc bù", "Make-up working days"),
        "admin_calendar_dates_hint": .t(
            "Mỗi dòng một ngày, dạng năm-tháng-ngày, ví dụ 2027-02-20 (thường là thứ Bảy).",
            "One date per line, year-month-day, for example 2027-02-20 (usually a Saturday)."),
        "admin_calendar_cancelled": .t("Ngày nghỉ bị hủy", "Cancelled days off"),
        "admin_calendar_cancelled_hint": .t(
            "Ngày nghỉ lễ hoặc nghỉ bù theo luật nhưng năm nay là ngày làm việc. Mỗi dòng một ngày.",
            "Holidays or compensatory days under the rules that are working days this year. One date per line."),
        "admin_calendar_date_twice": .t(
            "Ngày này xuất hiện hai lần hoặc trong hai danh sách", "This day is listed twice or in two lists"),
        "admin_calendar_date_far": .t(
            "Ngày này cách năm của quyết định hơn một năm", "This day is more than a year away from the decision's year"
        ),
        "admin_calendar_make_up_working": .t(
            "Ngày này vốn đã là ngày làm việc", "This day is a working day already"),
        "admin_calendar_cancel_not_off": .t(
            "Ngày này không phải ngày nghỉ theo luật", "This day is not a day off under the rules"),
        "admin_calendar_rejected": .t(
            "Lịch làm việc không chấp nhận quyết định này:", "The calendar refuses this decision:"),
        "admin_calendar_holidays": .t("Các ngày nghỉ năm", "Days off in"),
        "admin_calendar_date": .t("Ngày", "Date"),
        "admin_calendar_weekday": .t("Thứ", "Weekday"),
        "admin_calendar_name": .t("Tên ngày nghỉ", "Name"),
        "admin_calendar_kind": .t("Loại", "Kind"),
        "admin_holiday_public_holiday": .t("Nghỉ lễ, Tết", "Public holiday"),
        "admin_holiday_compensatory": .t("Nghỉ bù", "Compensatory day"),
        "admin_holiday_extra_day_off": .t("Nghỉ theo quyết định", "Declared day off"),

        // Targets
        "admin_targets_title": .t("Chỉ tiêu chuyển đổi số", "Digital-transformation targets"),
        "admin_targets_lead": .t(
            "Chỉ tiêu của từng đơn vị theo năm và chỉ số.", "Targets of each unit by year and indicator."),
        "admin_targets_intro": .t(
            "Chỉ tiêu quốc gia áp dụng theo loại đơn vị; chỉ tiêu đặt cho một đơn vị áp dụng cho cả các đơn vị trực thuộc. Chỉ được đặt chỉ tiêu cao hơn hoặc bằng chỉ tiêu được giao; khi có nhiều chỉ tiêu, chỉ tiêu cao nhất được áp dụng.",
            "National targets apply by kind of unit; a target set on a unit also applies to the units below it. A target may only be as strict as or stricter than the one inherited; when several apply, the highest wins."
        ),
        "admin_target_indicator": .t("Chỉ số", "Indicator"),
        "admin_target_inherited": .t("Chỉ tiêu được giao", "Inherited target"),
        "admin_target_effective": .t("Chỉ tiêu áp dụng", "Target in force"),
        "admin_target_own": .t("Chỉ tiêu của đơn vị (%)", "This unit's own target (%)"),
        "admin_target_own_label": .t("Chỉ tiêu riêng (%)", "Own target (%)"),
        "admin_target_hint": .t(
            "Nhập phần trăm từ 0 đến 100, ví dụ 85 hoặc 92,5. Để trống để bỏ chỉ tiêu riêng.",
            "Enter a percentage from 0 to 100, for example 85 or 92.5. Leave empty to remove the unit's own target."),
        "admin_target_invalid": .t(
            "Nhập phần trăm từ 0 đến 100, ví dụ 85 hoặc 92,5.",
            "Enter a percentage from 0 to 100, for example 85 or 92.5."),
        "admin_target_national_locality": .t("(chỉ tiêu quốc gia, địa phương)", "(national target, localities)"),
        "admin_target_national_branch": .t(
            "(chỉ tiêu quốc gia, bộ, ngành)", "(national target, ministries and branches)"),
        "admin_target_set_by": .t("(đặt bởi", "(set by"),
    ]
}
