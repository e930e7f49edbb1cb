import Hummingbird
import OneGateCore

/// The citizen pages.
struct CitizenPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {}
}
