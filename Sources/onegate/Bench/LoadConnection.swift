import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection that sends a request and waits for its answer: the
/// benchmark's client, on the loopback interface only.
final class LoadConnection {
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let host: String

    private init(
        inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>, host: String
    ) {
        self.host = host
        self.outbound = outbound
        self.inbound = inbound.makeAsyncIterator()
    }

    /// Opens a connection, runs `body` with it, and closes it.
    static func with<Result: Sendable>(
        host: String, port: Int, _ body: (LoadConnection) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(LoadConnection(inbound: inbound, outbound: outbound, host: host))
        }
    }

    /// Sends one request; returns the status and the body.
    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: [UInt8]? = nil
    ) async throws -> (status: Int, body: [UInt8]) {
        var headers = HTTPHeaders([("Host", host), ("Connection", "keep-alive")])
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(json.count))
        } else if method == .POST {
            headers.add(name: "Content-Length", value: "0")
        }
        try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: headers)))
        if let json { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: json)))) }
        try await outbound.write(.end(nil))
        var status = 0
        var body: [UInt8] = []
        while let part = try await inbound.next() {
            switch part {
            case .head(let head): status = Int(head.status.code)
            case .body(let buffer): body += buffer.readableBytesView
            case .end: return (status, body)
            }
        }
        throw LoadError.closed
    }

    enum LoadError: Error { case closed }
}
