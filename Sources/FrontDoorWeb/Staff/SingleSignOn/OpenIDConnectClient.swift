import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FrontDoorDomain
import FrontDoorPersistence
import JWTKit

/// The relying-party side of OpenID Connect's authorization code flow with PKCE: the link to
/// the provider, the code exchange, and the ID token's checks (signature by jwt-kit against the
/// provider's published keys, then `IDTokenRules`).
///
/// Discovery and keys are fetched at each sign-in rather than cached: staff sign in a few times a
/// day, and a provider that rotates its keys then never sees a sign-in refused for a stale copy.
public struct OpenIDConnectClient: Sendable {
    let session: URLSession

    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Why a sign-in through the provider failed, for the log and the audit trail (the person is
    /// shown a plain message).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    struct ProviderMetadata: Decodable {
        var issuer: String
        var authorization_endpoint: String
        var token_endpoint: String
        var jwks_uri: String
        var token_endpoint_auth_methods_supported: [String]?
    }

    func metadata(issuer: String) async throws -> ProviderMetadata {
        let trimmed = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let metadata = try await getJSON(ProviderMetadata.self, from: trimmed + "/.well-known/openid-configuration")
        guard IDTokenRules.isSameIssuer(metadata.issuer, issuer) else {
            throw Failure(description: "the discovery document names issuer \(metadata.issuer), not \(issuer)")
        }
        return metadata
    }

    /// Where to send the browser to sign in.
    public func authorizationURL(_ settings: IdentityProviderSettings, request: SingleSignOnRequestRepository.Request,
                                 redirectURI: String) async throws -> String {
        let metadata = try await metadata(issuer: settings.issuer)
        guard var components = URLComponents(string: metadata.authorization_endpoint) else {
            throw Failure(description: "the authorization endpoint \(metadata.authorization_endpoint) is not a URL")
        }
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: "openid email profile"),
            URLQueryItem(name: "state", value: request.state),
            URLQueryItem(name: "nonce", value: request.nonce),
            URLQueryItem(name: "code_challenge", value: Self.codeChallenge(for: request.codeVerifier)),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        // URLComponents leaves "+" alone in queries, which servers read as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.string else { throw Failure(description: "could not build the authorization URL") }
        return url
    }

    /// RFC 7636 S256: BASE64URL(SHA256(verifier)).
    static func codeChallenge(for verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64URLEncoded
    }

    /// Who the provider says signed in.
    public struct Identity: Sendable, Equatable {
        public var subject: String
        public var email: String
        public var name: String
        public var roleValues: [String]
    }

    /// Exchanges the code for tokens and checks the ID token.
    public func identity(code: String, request: SingleSignOnRequestRepository.Request, settings: IdentityProviderSettings,
                         redirectURI: String, now: Date) async throws -> Identity {
        let metadata = try await metadata(issuer: settings.issuer)
        let idToken = try await exchange(code: code, verifier: request.codeVerifier, metadata: metadata, settings: settings,
                                         redirectURI: redirectURI)
        let keys = JWTKeyCollection()
        let jwks = try await getData(from: metadata.jwks_uri)
        do {
            try await keys.add(jwksJSON: String(decoding: jwks, as: UTF8.self))
        } catch {
            throw Failure(description: "the provider's keys at \(metadata.jwks_uri) could not be read: \(error)")
        }
        let payload: IDTokenPayload
        do {
            payload = try await keys.verify(idToken, as: IDTokenPayload.self)
        } catch {
            throw Failure(description: "the ID token's signature or format was refused: \(error)")
        }
        let claims = IDTokenRules.Claims(issuer: payload.iss.value, audiences: payload.aud.value, authorizedParty: payload.azp,
                                         expiresAt: payload.exp.value, issuedAt: payload.iat.value, nonce: payload.nonce)
        if let problem = IDTokenRules.check(claims, issuer: settings.issuer, clientID: settings.clientID, nonce: request.nonce, now: now) {
            throw Failure(description: "the ID token was refused: \(problem)")
        }
        guard let email = payload.email, EmailAddressRule.isPlausible(email) else {
            throw Failure(description: "the ID token has no email claim")
        }
        if payload.email_verified == false { throw Failure(description: "the provider says the email address is not verified") }
        // The signature is verified; the role claim's name is the council's choice, so it is read
        // from the same payload as plain JSON.
        let roleValues = try Self.stringValues(of: settings.roleClaim, inPayloadOf: idToken)
        return Identity(subject: payload.sub.value, email: email.lowercased(), name: payload.name ?? email, roleValues: roleValues)
    }

    private func exchange(code: String, verifier: String, metadata: ProviderMetadata, settings: IdentityProviderSettings,
                          redirectURI: String) async throws -> String {
        guard let url = URL(string: metadata.token_endpoint) else {
            throw Failure(description: "the token endpoint \(metadata.token_endpoint) is not a URL")
        }
        var fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier)]
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"]
        if methods.contains("client_secret_basic") {
            // RFC 6749 2.3.1: the id and secret are form-encoded before they are joined.
            let credentials = "\(Self.formEncode(settings.clientID)):\(Self.formEncode(settings.clientSecret))"
            request.setValue("Basic " + Data(credentials.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        } else {
            fields += [("client_id", settings.clientID), ("client_secret", settings.clientSecret)]
        }
        request.httpBody = Data(fields.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&").utf8)
        struct TokenResponse: Decodable { var id_token: String? }
        let (data, response) = try await send(request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw Failure(description: "the token endpoint answered \((response as? HTTPURLResponse)?.statusCode ?? 0): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
        guard let token = try? JSONDecoder().decode(TokenResponse.self, from: data).id_token else {
            throw Failure(description: "the token endpoint's answer has no id_token")
        }
        return token
    }

    static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// A claim as a list of strings: a list, or a single string (some providers send one group bare).
    static func stringValues(of claim: String, inPayloadOf jwt: String) throws -> [String] {
        let parts = jwt.split(separator: ".")
        guard parts.count == 3, let data = Data(base64URLEncoded: String(parts[1])),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "the ID token's payload is not JSON")
        }
        switch object[claim] {
        case let list as [Any]: return list.compactMap { $0 as? String }
        case let single as String: return [single]
        default: return []
        }
    }

    private func getJSON<T: Decodable>(_ type: T.Type, from address: String) async throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: try await getData(from: address))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(address) did not answer with the expected JSON: \(error)")
        }
    }

    private func getData(from address: String) async throws -> Data {
        guard let url = URL(string: address) else { throw Failure(description: "\(address) is not a URL") }
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await send(request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw Failure(description: "\(address) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return data
    }

    private func send(_ request: URLRequest) async throws -> (Data, URLResponse) {
        var request = request
        request.timeoutInterval = 15
        do {
            return try await session.data(for: request)
        } catch {
            throw Failure(description: "\(request.url?.absoluteString ?? "the provider") could not be reached: \(error.localizedDescription)")
        }
    }
}

/// The ID token claims FrontDoor reads. The checks are `IDTokenRules`, applied after jwt-kit
/// has verified the signature, so `verify(using:)` has nothing more to do.
struct IDTokenPayload: JWTPayload {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var azp: String?
    var nonce: String?
    var email: String?
    var email_verified: Bool?
    var name: String?

    func verify(using algorithm: some JWTAlgorithm) throws {}
}
