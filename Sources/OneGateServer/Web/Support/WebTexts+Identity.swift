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
    ]
}
