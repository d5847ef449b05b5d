import Foundation

/// What one contact costs the council on each channel, in pence. The defaults are the published
/// benchmark figures (SOCITM's channel costs: face to face £8.21, phone £2.59, online £0.09);
/// the channels those figures do not cover (email, web chat, post, social media, SMS) cost what
/// a phone call does, because an advisor handles each one. A council sets its own.
public struct ChannelCosts: Sendable, Equatable {
    public static let defaults = ChannelCosts(pence: [.faceToFace: 821, .phone: 259, .online: 9])

    private var pence: [Contact.Channel: Int]

    public init(pence: [Contact.Channel: Int]) {
        self.pence = pence
    }

    public func pence(for channel: Contact.Channel) -> Int {
        pence[channel] ?? pence[.phone] ?? Self.defaults.pence[.phone]!
    }

    /// The channels whose cost is set, not borrowed from the phone's.
    public func isSet(_ channel: Contact.Channel) -> Bool { pence[channel] != nil }

    public func setting(_ channel: Contact.Channel, to value: Int) -> ChannelCosts {
        var changed = self
        changed.pence[channel] = value
        return changed
    }

    /// The most one contact may be said to cost (£1,000): more is a typing slip.
    public static let highestPence = 100_000
}

/// Cost to serve: each channel's contacts at its cost, and what channel shift saved. The saving
/// is what the period's contacts would have cost in the baseline's channel mix less what they
/// did cost; negative when people moved to dearer channels.
public struct CostToServe: Sendable, Equatable {
    public var byChannel: [Contact.Channel: Int]
    public var totalPence: Int
    /// Nil when the baseline had no contacts to take a mix from.
    public var channelShiftSavingPence: Int?

    public init(_ contacts: ContactFigures, baseline: ContactFigures, costs: ChannelCosts) {
        byChannel = contacts.byChannel.reduce(into: [:]) { $0[$1.key] = $1.value * costs.pence(for: $1.key) }
        totalPence = byChannel.values.reduce(0, +)
        guard baseline.total > 0 else {
            channelShiftSavingPence = nil
            return
        }
        let atBaselineMix = baseline.byChannel.reduce(0.0) { sum, entry in
            sum + Double(entry.value) / Double(baseline.total) * Double(contacts.total) * Double(costs.pence(for: entry.key))
        }
        channelShiftSavingPence = Int(atBaselineMix.rounded()) - totalPence
    }

    /// Pounds and pence per contact, on average; nil without contacts.
    public func averagePence(over contacts: ContactFigures) -> Double? {
        contacts.total == 0 ? nil : Double(totalPence) / Double(contacts.total)
    }
}

/// A council's costs per channel as typed into the costs form, checked: a blank box means the
/// channel costs the default; anything else is an amount of money up to the highest.
public enum ChannelCostEntry {
    public static func check(_ typed: [Contact.Channel: String]) -> Result<[Contact.Channel: Int], FieldProblems> {
        var pence: [Contact.Channel: Int] = [:], problems: [FieldProblem] = []
        for channel in Contact.Channel.allCases {
            let text = (typed[channel] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let value = Money.pence(text) else {
                problems.append(FieldProblem(field: field(channel), message: "Enter the cost of a contact by \(channel.displayName.lowercased()) in pounds and pence, like 2.59, or leave it blank"))
                continue
            }
            guard value <= ChannelCosts.highestPence else {
                problems.append(FieldProblem(field: field(channel), message: "The cost of a contact by \(channel.displayName.lowercased()) must be £1,000 or less"))
                continue
            }
            pence[channel] = value
        }
        return problems.isEmpty ? .success(pence) : .failure(FieldProblems(all: problems))
    }

    /// The form field for a channel's cost.
    public static func field(_ channel: Contact.Channel) -> String { "cost-" + channel.rawValue }
}
