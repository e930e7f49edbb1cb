import Hummingbird
import OneGateCore

/// The admin pages.
struct AdminPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {}
}
