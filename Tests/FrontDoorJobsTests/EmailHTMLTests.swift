import FrontDoorJobs
import Testing

@Suite("The HTML part of a notification email, made from its text")
struct EmailHTMLTests {
    static func body(_ text: String) -> String {
        let html = EmailHTML.render(subject: "S", text: text)
        let start = html.range(of: "padding: 10px\">\n")!.upperBound, end = html.range(of: "\n</body>")!.lowerBound
        return String(html[start..<end])
    }

    @Test("Paragraphs, line breaks, lists, a heading and inset text", arguments: [
        ("One\n\nTwo", #"<p style="margin: 0 0 20px">One</p>"# + "\n" + #"<p style="margin: 0 0 20px">Two</p>"#),
        ("Line one\nline two", #"<p style="margin: 0 0 20px">Line one<br>line two</p>"#),
        ("* Bins\n- Boxes", #"<ul style="padding-left: 20px"><li>Bins</li><li>Boxes</li></ul>"#),
        ("# Your request", #"<h2 style="font-size: 27px; line-height: 1.1">Your request</h2>"#),
        ("^ Keep this safe", #"<blockquote style="border-left: 10px solid #b1b4b6; margin: 0 0 20px; padding: 15px">Keep this safe</blockquote>"#),
    ])
    func blocks(text: String, expected: String) {
        #expect(Self.body(text) == expected)
    }

    @Test("Everything written is escaped; a web address becomes a link without the full stop after it")
    func escapingAndLinks() {
        #expect(Self.body("<script>alert('x')</script> & \"you\"")
                == #"<p style="margin: 0 0 20px">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;you&quot;</p>"#)
        #expect(Self.body("Go to https://kingsmere.example/a?b=1&c=\"2\".")
                == #"<p style="margin: 0 0 20px">Go to <a href="https://kingsmere.example/a?b=1&amp;c=&quot;2&quot;" style="color: #1d70b8">https://kingsmere.example/a?b=1&amp;c=&quot;2&quot;</a>.</p>"#)
        #expect(EmailHTML.render(subject: "A <b>", text: "x").contains("<title>A &lt;b&gt;</title>"))
    }
}
