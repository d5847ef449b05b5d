import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Answers a request the HTTP parser rejects (a control character in a header, say) with 400
/// and closes the connection. Hummingbird switches SwiftNIO's own HTTP error handler off and
/// handles errors itself once a request is read, so a request that never parses was left with
/// no answer and its connection open for good; this puts back what NIO's handler would do.
struct MalformedRequestGuard<Wrapped: ServerChildChannel>: ServerChildChannel {
    let wrapped: Wrapped

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Wrapped.Value> {
        wrapped.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // After the HTTP decoder and the upgrade handler; whatever is added for a request comes after this.
            try channel.pipeline.syncOperations.addHandler(ParseErrorResponder())
            return value
        }
    }

    func handle(value: Wrapped.Value, logger: Logger) async {
        await wrapped.handle(value: value, logger: logger)
    }
}

private final class ParseErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    typealias OutboundOut = HTTPServerResponsePart

    private var answered = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let head = HTTPResponseHead(version: .http1_1, status: .badRequest, headers: ["Connection": "close", "Content-Length": "0"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
