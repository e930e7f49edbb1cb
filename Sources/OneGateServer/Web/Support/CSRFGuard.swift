import Crypto
import Foundation
import OneGateCore

/// Synchroniser tokens for every form that changes something. The token is an HMAC of the
/// browser's random `onegate_csrf` cookie and its session cookie under a key derived from the
/// instance secret: a page from another site can neither read the cookie nor compute the token,
/// a token stops working when the person signs in or out, and every server of an instance
/// accepts the tokens of the others.
struct CSRFGuard: Sendable {
    static let cookieName = "onegate_csrf"
    static let fieldName = "_csrf"

    let key: SymmetricKey

    init(key: [UInt8]) { self.key = SymmetricKey(data: key) }

    func token(browser: String, session: String?) -> String {
        let message = Array("\(browser)|\(session ?? "")".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `submitted` is the token for these cookies (compared in constant time).
    func accepts(_ submitted: String?, browser: String?, session: String?) -> Bool {
        guard let submitted, let browser, !browser.isEmpty else { return false }
        let expected = Array(token(browser: browser, session: session).utf8)
        let given = Array(submitted.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static let refused = OneGateError(
        .forbidden, "csrf_failed", vi: "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang và gửi lại.",
        en: "The form has expired or is not valid; reload the page and send it again.")
}
