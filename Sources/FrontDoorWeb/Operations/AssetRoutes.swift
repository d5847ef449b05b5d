import Crypto
import Foundation
import FrontDoorPersistence
import Hummingbird

/// Our own static files (the stylesheet), read into memory at start-up and served with an
/// ETag. A handful of small files: a lookup table is simpler and safer than serving a folder.
struct AssetRoutes<Context: RequestContext> {
    let assets: StaticAssets

    func register(on router: Router<Context>) {
        router.get(SitePath.assets.routerPath) { request, context in
            guard let name = context.parameters.get("file"), let asset = assets.files[name] else {
                throw HTTPError(.notFound)
            }
            if request.headers[.ifNoneMatch] == asset.etag {
                return Response(status: .notModified, headers: [.eTag: asset.etag])
            }
            return Response(status: .ok,
                            headers: [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}

public struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
        let etag: String
    }

    let files: [String: Asset]

    static let contentTypes = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                               "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon"]

    public static func load() throws -> StaticAssets {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Assets") else {
            throw TemplateLibrary.LoadError.missingResources
        }
        var files: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let ext = (name as NSString).pathExtension
            guard let type = contentTypes[ext] else { continue }
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            files[name] = Asset(bytes: bytes, contentType: type, etag: "\"\(Self.fingerprint(bytes))\"")
        }
        return StaticAssets(files: files)
    }

    /// The first 16 hex digits of the SHA-256 of the file: changes whenever the bytes do.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).prefix(8).hexString
    }
}
