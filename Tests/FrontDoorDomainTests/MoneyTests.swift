import FrontDoorDomain
import Testing

@Suite("Sums of money, read and written in pounds and pence")
struct MoneyTests {
    @Test("Written with two places of pence", arguments: [(0, "£0.00"), (5, "£0.05"), (1_250, "£12.50"), (41_230_000, "£412300.00")])
    func written(pence: Int, text: String) {
        #expect(Money.pounds(pence) == text)
        #expect(Money.plain(pence) == String(text.dropFirst()))
    }

    @Test("Read as typed: with or without the pound sign, thousands commas or pence",
          arguments: [("12.50", 1_250), ("£12.50", 1_250), ("1,200", 120_000), ("12", 1_200), (" 45.00 ", 4_500), ("0.05", 5)])
    func read(text: String, pence: Int) {
        #expect(Money.pence(text) == pence)
    }

    @Test("Anything else is not an amount", arguments: ["", "abc", "12.5", "12.505", "-3", "£", "1.2.3", "1000000000"])
    func refused(text: String) {
        #expect(Money.pence(text) == nil)
    }
}
