import Hummingbird
import OneGateCore

/// The counter pages.
struct CounterPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {}
}
