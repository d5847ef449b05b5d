/// What a file really is, from its first bytes: a browser's declared content type is whatever
/// the sender says, so uploads are judged by their signature instead. Only the kinds residents
/// may upload are recognised; anything else is nil and is refused.
public enum FileSignature {
    public static func contentType(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        // HEIC (iPhone photos): an ISO media box `ftyp` at byte 4 with a HEIF brand.
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "mif1", "msf1", "heim", "heis"].contains(brand) { return "image/heic" }
        }
        return nil
    }

    /// How people name these kinds, for messages ("must be a JPG, PNG or PDF").
    public static func displayName(of contentType: String) -> String {
        switch contentType {
        case "image/jpeg": "JPG"
        case "image/png": "PNG"
        case "image/heic": "HEIC"
        case "application/pdf": "PDF"
        default: contentType
        }
    }
}
