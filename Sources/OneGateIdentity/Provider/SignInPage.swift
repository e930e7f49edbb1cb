extension IdentityProvider {
    /// A text in Vietnamese with its English translation, shown one under the other.
    struct Bilingual: Sendable {
        var vi: String
        var en: String

        var html: String {
            "\(IdentityProvider.escapeHTML(vi))<br><span lang=\"en\">\(IdentityProvider.escapeHTML(en))</span>"
        }
    }

    static let wrongCredentials = Bilingual(
        vi: "Số định danh cá nhân hoặc mật khẩu không đúng.", en: "The personal identifier or the password is wrong.")

    /// The sign-in page: the person's identifier and password, with the pending request kept
    /// server-side under `transaction`, so the form carries nothing a page could tamper with.
    func signInPage(transaction: String, clientID: String, identifier: String = "", error: Bilingual? = nil) -> String {
        let invalid = error == nil ? "" : #" aria-invalid="true""#
        let describedBy = error == nil ? "identifier-hint" : "sign-in-error identifier-hint"
        let alert =
            error.map { #"<div id="sign-in-error" role="alert"><p><strong>\#($0.html)</strong></p></div>"# + "\n" }
            ?? ""
        return Self.page(
            title: "Đăng nhập VNeID (mô phỏng) — VNeID sign-in (simulator)",
            body: """
                <h1>Đăng nhập bằng định danh điện tử (VNeID) — mô phỏng<br><span lang="en">Sign in with the electronic identity (VNeID) — simulator</span></h1>
                <p>Dịch vụ <strong>\(Self.escapeHTML(clientID))</strong> đề nghị xác thực danh tính của bạn.<br><span lang="en">The service <strong>\(Self.escapeHTML(clientID))</strong> asks to confirm your identity.</span></p>
                <p>Đây là máy chủ mô phỏng dùng cho phát triển và trình diễn, không phải VNeID thật.<br><span lang="en">This is a simulator for development and demonstrations, not the real VNeID.</span></p>
                \(alert)<form method="post" action="\(Self.escapeHTML(basePath))/authorize">
                <input type="hidden" name="transaction" value="\(Self.escapeHTML(transaction))">
                <p><label for="identifier">Số định danh cá nhân<br><span lang="en">Personal identification number</span></label><br>
                <input id="identifier" name="identifier" type="text" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" autocomplete="username" required aria-describedby="\(describedBy)"\(invalid) value="\(Self.escapeHTML(identifier))"></p>
                <p id="identifier-hint">12 chữ số, như trên căn cước.<br><span lang="en">12 digits, as on the identity card.</span></p>
                <p><label for="password">Mật khẩu<br><span lang="en">Password</span></label><br>
                <input id="password" name="password" type="password" autocomplete="current-password" required\(invalid)></p>
                <p><button type="submit" name="action" value="sign-in">Đăng nhập <span lang="en">(Sign in)</span></button>
                <button type="submit" name="action" value="cancel" formnovalidate>Hủy <span lang="en">(Cancel)</span></button></p>
                </form>
                """)
    }

    /// A page explaining why the sign-in cannot go on, for the errors that must not be sent to
    /// the redirect URI (unknown client, unregistered redirect URI, stale transaction).
    static func errorPage(_ message: Bilingual) -> String {
        page(
            title: "Không thể đăng nhập — Sign-in cannot continue",
            body: """
                <h1>Không thể đăng nhập<br><span lang="en">Sign-in cannot continue</span></h1>
                <p>\(message.html)</p>
                <p>Hãy quay lại dịch vụ bạn đang dùng và thử lại.<br><span lang="en">Go back to the service you were using and try again.</span></p>
                """)
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(escapeHTML(title))</title>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
