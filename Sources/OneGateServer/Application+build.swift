import Foundation
import Hummingbird
import Logging
import OneGateCore

/// Builds the HTTP application: used by `onegate serve`, the demo, the benchmark and the tests.
public func buildRouter(_ dependencies: AppDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let web = Web(dependencies: dependencies, renderer: PageRenderer.shared, csrf: CSRFGuard(key: dependencies.formKey))
    router.add(middleware: ErrorMiddleware(metrics: dependencies.metrics, web: web))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AuthenticationMiddleware(sessions: dependencies.sessions))
    let api = router.group("api/v1")
    SystemController(dependencies: dependencies).addRoutes(to: router, api: api)
    AuthController(dependencies: dependencies).addRoutes(to: api)
    CatalogueController(dependencies: dependencies).addRoutes(to: api)
    DocumentController(dependencies: dependencies).addRoutes(to: api)
    DossierController(dependencies: dependencies).addRoutes(to: api)
    IndicatorController(dependencies: dependencies).addRoutes(to: api)
    ResultController(dependencies: dependencies).addRoutes(to: api)
    SharingController(dependencies: dependencies).addRoutes(to: api)
    WebRoutes(web: web).addRoutes(to: router)
    return router
}

/// The application bound to `host:port`; `onServerRunning` learns the real port (for port 0).
public func buildApplication(
    _ dependencies: AppDependencies, host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        configuration: .init(address: .hostname(host, port: port), serverName: "OneGate"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}
