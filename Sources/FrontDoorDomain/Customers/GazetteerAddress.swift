/// A property in the council's gazetteer (its address register): what an address lookup offers,
/// so that a report or an application carries a UPRN, a ward and a point on the map.
public struct GazetteerAddress: Hashable, Sendable {
    public var address: PostalAddress
    public var latitude: Double
    public var longitude: Double
    public var ward: String

    public init(address: PostalAddress, latitude: Double, longitude: Double, ward: String) {
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.ward = ward
    }

    /// The property's UPRN: every gazetteer entry has one.
    public var uprn: UPRN { address.uprn! }
}
