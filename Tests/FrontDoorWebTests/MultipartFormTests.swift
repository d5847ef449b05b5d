import Foundation
@testable import FrontDoorWeb
import NIOCore
import Testing

@Suite("Forms with files (multipart/form-data)")
struct MultipartFormTests {
    static func body(_ parts: [String], boundary: String = "XyZ") -> ByteBuffer {
        ByteBuffer(string: parts.map { "--\(boundary)\r\n" + $0 + "\r\n" }.joined() + "--\(boundary)--\r\n")
    }

    @Test("Text fields, repeated fields and a file are read; the file keeps its bytes and only its base name")
    func parts() throws {
        let form = try MultipartForm(body: Self.body([
            "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc",
            "Content-Disposition: form-data; name=\"waste\"\r\n\r\nbags",
            "Content-Disposition: form-data; name=\"waste\"\r\n\r\nother",
            "Content-Disposition: form-data; name=\"photo\"; filename=\"C:\\Users\\ann\\a;b=c.png\"\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}\u{3}",
        ]), boundary: "XyZ")
        #expect(form.fields["csrf_token"] == "abc")
        #expect(form.fields.all("waste") == ["bags", "other"])
        let file = try #require(form.files["photo"])
        #expect(file.fileName == "a;b=c.png" && file.declaredContentType == "image/png" && file.data == Data([1, 2, 3]))
    }

    @Test("A file input left empty sends nothing to keep")
    func emptyFile() throws {
        let form = try MultipartForm(body: Self.body([
            "Content-Disposition: form-data; name=\"photo\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        ]), boundary: "XyZ")
        #expect(form.files.isEmpty)
    }

    @Test("The boundary comes from the content type, quoted or not; other types have none")
    func boundary() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----abc") == "----abc")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
    }

    @Test("A body that is not multipart is refused, not half-read")
    func malformed() {
        #expect(throws: MultipartForm.Malformed.self) {
            _ = try MultipartForm(body: ByteBuffer(string: "not multipart at all"), boundary: "XyZ")
        }
    }
}
