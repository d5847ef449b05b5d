// Our own minimal SMTP client: none of the packages FrontDoor may depend on speaks SMTP.

import Foundation
import Logging
import NIOCore
import NIOPosix

/// Where to hand mail over, from a URL such as `smtp://user:password@relay.example.org:587`.
///
/// Only plain `smtp://` is supported: no TLS (neither smtps nor STARTTLS) yet. FrontDoor hands its mail to
/// a relay, a local MTA, which does TLS onward to the recipients' servers.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    /// The name FrontDoor gives itself in EHLO.
    public var heloName: String

    public init(
        host: String,
        port: Int = 25,
        username: String? = nil,
        password: String? = nil,
        heloName: String = "frontdoor.localdomain"
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.heloName = heloName
    }

    /// Parses `smtp://[user:password@]host[:port]`; user and password are percent-decoded.
    /// Returns nil for any other scheme, a missing host, a path, query or fragment, or a user without a password.
    public static func parse(_ text: String) -> SMTPSettings? {
        guard let url = URLComponents(string: text),
            url.scheme?.lowercased() == "smtp",
            // An IPv6 address keeps its URL brackets here, but the connection needs it bare.
            let host = url.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty,
            url.path.isEmpty || url.path == "/",
            url.query == nil, url.fragment == nil
        else { return nil }
        let port = url.port ?? 25
        guard (1...65535).contains(port) else { return nil }
        let username = url.user.flatMap { $0.isEmpty ? nil : $0 }
        guard (username == nil) == (url.password == nil) else { return nil }
        return SMTPSettings(host: host, port: port, username: username, password: url.password)
    }
}

extension SMTPSettings: CustomStringConvertible {
    /// Without the password, so settings can be logged.
    public var description: String {
        "smtp://" + (username.map { "\($0):***@" } ?? "") + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}

public enum SMTPError: Error, CustomStringConvertible {
    /// The server answered `command` with a code other than the one that lets the delivery go on.
    case unexpectedReply(command: String, code: Int, text: String)
    /// No connection could be made, or it broke or went wrong before the message was accepted.
    case connectionFailed(host: String, port: Int, reason: String)
    /// The whole delivery took longer than the client's timeout.
    case timeout(host: String, port: Int, after: TimeAmount)
    /// The settings hold a user name and password, but the server does not offer AUTH PLAIN.
    case authUnsupported(host: String, port: Int, offered: [String])

    /// True when sending the same message again cannot succeed until someone changes something:
    /// a 5xx reply, or credentials the server has no way to accept. Other failures are worth a retry.
    public var isPermanent: Bool {
        switch self {
        case .unexpectedReply(_, let code, _): (500..<600).contains(code)
        case .connectionFailed, .timeout: false
        case .authUnsupported: true
        }
    }

    public var description: String {
        switch self {
        case .unexpectedReply(let command, let code, let text):
            "the mail server refused \(command) with \(code) \(text)"
        case .connectionFailed(let host, let port, let reason):
            "could not talk to the mail server at \(host):\(port): \(reason)"
        case .timeout(let host, let port, let after):
            "the mail server at \(host):\(port) did not complete the delivery within \(Self.describe(after))"
        case .authUnsupported(let host, let port, let offered):
            "the SMTP settings have a user name and password, but the mail server at \(host):\(port) does not offer "
                + "AUTH PLAIN (it offers \(offered.isEmpty ? "no AUTH" : offered.joined(separator: " ")))"
        }
    }

    private static func describe(_ time: TimeAmount) -> String {
        let milliseconds = time.nanoseconds / 1_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) seconds" : "\(milliseconds) milliseconds"
    }
}

/// Delivers email to one SMTP server, one connection per message.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    let eventLoopGroup: any EventLoopGroup
    let timeout: TimeAmount
    let logger: Logger

    public init(
        settings: SMTPSettings,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        timeout: TimeAmount = .seconds(30),
        logger: Logger
    ) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        self.timeout = timeout
        var logger = logger
        logger[metadataKey: "smtp.server"] = "\(settings.host):\(settings.port)"
        self.logger = logger
    }

    /// Hands `message` to the server for all of its recipients, or for none of them: any refused
    /// recipient fails the send before the message is transferred, so a retry cannot duplicate it.
    /// The whole conversation, connecting included, is bounded by the client's timeout.
    public func send(_ message: OutgoingEmail) async throws {
        let timeout = self.timeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.deliver(message)
                return true
            }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                return false
            }
            let deliveredFirst = try await group.next() ?? false
            group.cancelAll()
            if deliveredFirst { return }
            // Time is up, and cancelling the conversation closes the connection. What the server had already
            // said still counts: a message accepted before an unanswered QUIT is delivered (reporting it as
            // failed would make the caller send it twice), and a refusal keeps its reply code.
            do {
                if try await group.next() == true { return }
            } catch let error as SMTPError {
                if case .connectionFailed = error {} else { throw error }
            }
            throw SMTPError.timeout(host: settings.host, port: settings.port, after: timeout)
        }
    }

    private func deliver(_ message: OutgoingEmail) async throws {
        let channel: NIOAsyncChannel<String, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                // Connecting does not react to task cancellation, so it needs its own limit.
                .connectTimeout(timeout)
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connectionFailed(host: settings.host, port: settings.port, reason: "\(error)")
        }
        try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(
                settings: settings, logger: logger, replies: inbound.makeAsyncIterator(), outbound: outbound)
            try await conversation.deliver(message)
        }
    }

    /// The DATA payload: the message with dot-stuffing (RFC 5321 section 4.5.2) and the end-of-data marker.
    static func dataPayload(for message: OutgoingEmail) -> String {
        message.formatted()
            .split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.utf8.first == UInt8(ascii: ".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n") + ".\r\n"
    }
}

/// One client-side SMTP session over an open connection.
private struct SMTPConversation {
    let settings: SMTPSettings
    let logger: Logger
    var replies: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func deliver(_ message: OutgoingEmail) async throws {
        do {
            try await transact(message)
        } catch let error as SMTPError {
            // After a refusal the session itself is still fine: say goodbye, so the relay logs a clean end.
            if case .connectionFailed = error { throw error }
            await quit()
            throw error
        }
        await quit()
    }

    private mutating func transact(_ message: OutgoingEmail) async throws {
        try await expect(2, for: "the connection")
        let ehlo = try await exchange("EHLO \(MailFormat.sanitizedAddress(settings.heloName))", expecting: 2)
        if let username = settings.username, let password = settings.password {
            let offered = SMTPReply.authMechanisms(inEHLOReply: ehlo.lines)
            guard offered.contains("PLAIN") else {
                throw SMTPError.authUnsupported(host: settings.host, port: settings.port, offered: offered)
            }
            let credentials = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await exchange("AUTH PLAIN \(credentials)", expecting: 2, describedAs: "AUTH PLAIN")
        }
        try await exchange("MAIL FROM:<\(MailFormat.sanitizedAddress(message.from.address))>", expecting: 2)
        for recipient in message.to {
            try await exchange("RCPT TO:<\(MailFormat.sanitizedAddress(recipient.address))>", expecting: 2)
        }
        try await exchange("DATA", expecting: 3)
        try await write(SMTPClient.dataPayload(for: message), for: "the message")
        try await expect(2, for: "the message")
        logger.debug("mail accepted", metadata: ["smtp.message_id": "\(message.messageID)"])
    }

    /// QUIT after the message is accepted or refused; its reply changes nothing, so failures are ignored.
    private mutating func quit() async {
        _ = try? await exchange("QUIT", expecting: 2)
    }

    @discardableResult
    private mutating func exchange(
        _ command: String, expecting replyClass: Int, describedAs name: String? = nil
    ) async throws -> SMTPReply {
        // AUTH carries the password, so only its name is ever logged.
        logger.debug("smtp send", metadata: ["smtp.command": "\(name ?? command)"])
        try await write(command + "\r\n", for: name ?? command)
        return try await expect(replyClass, for: name ?? command)
    }

    private func write(_ text: String, for command: String) async throws {
        do {
            try await outbound.write(ByteBuffer(string: text))
        } catch {
            throw connectionFailed("sending \(command) failed: \(error)")
        }
    }

    /// Reads the next reply and checks its first digit, which is what RFC 5321 says a client should go by.
    @discardableResult
    private mutating func expect(_ replyClass: Int, for command: String) async throws -> SMTPReply {
        let reply = try await readReply(for: command)
        logger.debug("smtp reply", metadata: ["smtp.code": "\(reply.code)", "smtp.text": "\(reply.text)"])
        guard reply.code / 100 == replyClass else {
            throw SMTPError.unexpectedReply(command: command, code: reply.code, text: reply.text)
        }
        return reply
    }

    private mutating func readReply(for command: String) async throws -> SMTPReply {
        var code: Int?
        var lines: [String] = []
        while true {
            let next: String?
            do {
                next = try await replies.next()
            } catch {
                throw connectionFailed("reading the reply to \(command) failed: \(error)")
            }
            guard let next else {
                throw connectionFailed("the server closed the connection instead of answering \(command)")
            }
            // Every line of a multi-line reply repeats the same code.
            guard let line = SMTPReply.Line(next), line.code == code ?? line.code else {
                throw connectionFailed("the reply to \(command) is not SMTP: \"\(next)\"")
            }
            code = line.code
            lines.append(line.text)
            if line.isLast { return SMTPReply(code: line.code, lines: lines) }
        }
    }

    private func connectionFailed(_ reason: String) -> SMTPError {
        .connectionFailed(host: settings.host, port: settings.port, reason: reason)
    }
}

/// A complete server reply; multi-line replies ("250-first", "250 last") are gathered into one.
struct SMTPReply: Equatable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " ") }

    /// One line of a reply: "250-PIPELINING" says more lines follow, "250 OK" (or a bare "250") ends it.
    struct Line: Equatable {
        var code: Int
        var isLast: Bool
        var text: String
    }

    /// The SASL mechanisms an EHLO reply offers. Its first line is the server's greeting and each further
    /// line an extension; some servers also send the pre-standard "AUTH=PLAIN LOGIN" form.
    static func authMechanisms(inEHLOReply lines: [String]) -> [String] {
        var mechanisms: [String] = []
        for line in lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard words.first == "AUTH" else { continue }
            for mechanism in words.dropFirst() where !mechanisms.contains(mechanism) {
                mechanisms.append(mechanism)
            }
        }
        return mechanisms
    }
}

extension SMTPReply.Line {
    init?(_ line: String) {
        let bytes = Array(line.utf8)
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard bytes.count >= 3, bytes[0..<3].allSatisfy(digits.contains),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else { return nil }
        self.init(
            code: bytes[0..<3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) },
            isLast: bytes.count == 3 || bytes[3] == UInt8(ascii: " "),
            text: bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        )
    }
}

/// Splits the server's bytes into lines. Lines end with CRLF; a bare LF is accepted too, as lenient
/// clients do. Replies are at most 512 bytes a line (RFC 5321 section 4.5.3.1.5); the much larger
/// limit here only keeps a misbehaving server from filling our memory.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    static let maximumLineLength = 64 * 1024

    struct LineTooLong: Error, CustomStringConvertible {
        var description: String { "the server sent a line longer than \(SMTPLineDecoder.maximumLineLength) bytes" }
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw LineTooLong() }
            return .needMoreData
        }
        let length = view.distance(from: view.startIndex, to: newline)
        guard var bytes = buffer.readBytes(length: length + 1) else { return .needMoreData }
        bytes.removeLast()
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        context.fireChannelRead(Self.wrapInboundOut(String(decoding: bytes, as: UTF8.self)))
        return .continue
    }

    /// A partial line left when the server hangs up is dropped: a reply without its line end is not a reply.
    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
