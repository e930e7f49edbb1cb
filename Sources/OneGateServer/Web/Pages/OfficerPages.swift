import Hummingbird
import OneGateCore

/// The officer pages.
struct OfficerPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {}
}
