import Foundation

/// Distance over the earth's surface between two points (haversine, on a sphere of the mean
/// radius): within a metre or two at the distances duplicates are judged at, which is plenty.
public enum Distance {
    static let earthRadiusMetres = 6_371_008.8

    public static func metres(from a: (latitude: Double, longitude: Double), to b: (latitude: Double, longitude: Double)) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * toRadians, dLon = (b.longitude - a.longitude) * toRadians
        let h = pow(sin(dLat / 2), 2) + cos(a.latitude * toRadians) * cos(b.latitude * toRadians) * pow(sin(dLon / 2), 2)
        return 2 * earthRadiusMetres * asin(min(1, sqrt(h)))
    }

    /// A latitude and longitude box around a point that holds every point within `metres`:
    /// a cheap first cut for a database query, refined by `metres(from:to:)`.
    public static func box(around point: (latitude: Double, longitude: Double), metres: Double)
        -> (minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double) {
        let latitudeDelta = metres / earthRadiusMetres * 180 / Double.pi
        let longitudeDelta = latitudeDelta / max(0.01, cos(point.latitude * Double.pi / 180))
        return (point.latitude - latitudeDelta, point.latitude + latitudeDelta, point.longitude - longitudeDelta, point.longitude + longitudeDelta)
    }
}
