/// The UK nation whose bank holidays a council observes.
///
/// The raw values are the division names used by the GOV.UK bank-holidays
/// JSON feed, so a calendar file can be matched to a council without a mapping table.
public enum Nation: String, Sendable, Codable, CaseIterable {
    case englandAndWales = "england-and-wales"
    case scotland = "scotland"
    case northernIreland = "northern-ireland"

    public var displayName: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
