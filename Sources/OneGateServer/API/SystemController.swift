import Foundation
import Hummingbird
import OneGateCore

/// Health, metrics, the OpenAPI document, the calendar utility and the trust anchor.
struct SystemController {
    let dependencies: AppDependencies

    func addRoutes(to router: Router<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        router.get("livez", use: live)
        router.get("health", use: health)
        router.get("metrics", use: metrics)
        api.get("health", use: health)
        api.get("openapi.json", use: openAPI)
        api.get("calendar/holidays/{year}", use: holidays)
        api.get("calendar/due", use: due)
        api.get("certificates/ca.pem", use: trustAnchor)
        api.get("certificates/{serial}", use: certificate)
    }

    struct Health: Encodable {
        var status: String
        var instance: String
        var time: Date
    }

    /// Liveness: answers without touching the store (load balancers, and the benchmark's ceiling).
    @Sendable func live(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: .init(string: "ok")))
    }

    /// Readiness: the store answers.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await dependencies.store.setting("instance.name")
        return try JSONBody.response(Health(status: "ok", instance: dependencies.instanceName, time: Date()))
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: .init(string: dependencies.metrics.exposition())))
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONBody.response(bytes: Array(OpenAPIDocument.json.utf8))
    }

    struct HolidayList: Encodable {
        var year: Int
        var holidays: [Holiday]
    }

    @Sendable func holidays(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let year = Int(try context.parameters.require("year")), (1900...2199).contains(year) else {
            throw OneGateError.invalid(
                field: "year", vi: "Năm không hợp lệ.", en: "The year must be between 1900 and 2199.")
        }
        return try JSONBody.response(HolidayList(year: year, holidays: dependencies.calendar.holidays(in: year)))
    }

    @Sendable func due(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = QueryText(request)
        guard let limitText = parameters["limit"], let limit = try? TimeLimit(parsing: limitText) else {
            throw OneGateError.invalid(
                field: "limit", vi: "Thời hạn không hợp lệ, ví dụ \"5 working_days\".",
                en: "Invalid time limit, e.g. \"5 working_days\".")
        }
        guard let fromText = parameters["from"],
            let from = LocalInstant.parse(fromText, calendar: dependencies.calendar)
        else {
            throw OneGateError.invalid(
                field: "from", vi: "Thời điểm bắt đầu không hợp lệ.",
                en: "Invalid start, e.g. 2026-02-13T10:00 (instance time) or an RFC 3339 instant.")
        }
        return try JSONBody.response(dependencies.calendar.due(for: limit, from: from))
    }

    @Sendable func trustAnchor(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/x-pem-file"],
            body: .init(byteBuffer: .init(string: try await dependencies.audit.trustAnchorsPEM())))
    }

    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let serial = try context.parameters.require("serial")
        guard serial.count <= 64, serial.allSatisfy(\.isHexDigit),
            let pem = try await dependencies.audit.certificatePEM(serial: serial)
        else { throw OneGateError.notFound("certificate") }
        return Response(
            status: .ok, headers: [.contentType: "application/x-pem-file"], body: .init(byteBuffer: .init(string: pem)))
    }
}

/// Parses a start moment: an RFC 3339 instant, or a local `YYYY-MM-DDTHH:MM` in the instance zone.
public enum LocalInstant {
    public static func parse(_ text: String, calendar: WorkingCalendar) -> Date? {
        if let instant = Timestamp.parse(text) { return instant }
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let date = LocalDate(string: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard (2...3).contains(clock.count), (0...23).contains(clock[0]), (0...59).contains(clock[1]) else {
            return nil
        }
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock.count == 3 ? clock[2] : 0
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        return gregorian.date(from: components)
    }
}
