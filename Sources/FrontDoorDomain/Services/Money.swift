/// Sums of money as people type and read them, held as whole pence. Written here, not taken from
/// Foundation's currency formatter, because that one's output follows the machine's locale and
/// parsing must accept what people type, like "£1,200".
public enum Money {
    /// "£12.50" from 1250 pence.
    public static func pounds(_ pence: Int) -> String {
        "£" + plain(pence)
    }

    /// "12.50" from 1250 pence, as a form's box shows it.
    public static func plain(_ pence: Int) -> String {
        String(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + String(pence % 100)
    }

    /// Pence from "12.50", "£12.50", "1,200" or "12"; nil when it is not an amount of money.
    public static func pence(_ text: String) -> Int? {
        let cleaned = text.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 9, let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (parts[1].count == 2 && Int(parts[1]) != nil) else { return nil }
        return whole * 100 + (parts.count == 2 ? Int(parts[1])! : 0)
    }
}
