import Foundation

/// A map of reports drawn as SVG by the server: each report a dot, each ward's name at its
/// centre. No map tiles: nothing is fetched from elsewhere, it works without JavaScript, and the
/// same reports are in the table beside it for anyone who cannot see the map.
public struct ReportMap: Sendable {
    public static let width = 640.0
    public static let height = 420.0
    static let margin = 24.0

    public struct Point: Sendable {
        public var x: String
        public var y: String
        /// `open` or `fixed`, for the dot's class.
        public var state: String
        public var label: String
    }

    public struct Label: Sendable {
        public var x: String
        public var y: String
        public var text: String
    }

    public var viewBox: String
    public var points: [Point]
    public var labels: [Label]
    public var description: String

    /// `frame` is every position that should fit (reports and ward centres); the map keeps
    /// true proportions at the area's latitude.
    init(reports: [(latitude: Double, longitude: Double, isOpen: Bool, label: String)],
         wards: [(ward: String, latitude: Double, longitude: Double)], language: SiteLanguage = .english) {
        let frame = reports.map { ($0.latitude, $0.longitude) } + wards.map { ($0.latitude, $0.longitude) }
        let minLatitude = frame.map(\.0).min() ?? 0, maxLatitude = frame.map(\.0).max() ?? 0
        let minLongitude = frame.map(\.1).min() ?? 0, maxLongitude = frame.map(\.1).max() ?? 0
        let shrink = cos((minLatitude + maxLatitude) / 2 * .pi / 180)
        let spanX = max((maxLongitude - minLongitude) * shrink, 0.0005), spanY = max(maxLatitude - minLatitude, 0.0005)
        let scale = min((Self.width - 2 * Self.margin) / spanX, (Self.height - 2 * Self.margin) / spanY)
        let offsetX = (Self.width - spanX * scale) / 2, offsetY = (Self.height - spanY * scale) / 2
        func place(_ latitude: Double, _ longitude: Double) -> (String, String) {
            let x = offsetX + (longitude - minLongitude) * shrink * scale
            let y = Self.height - (offsetY + (latitude - minLatitude) * scale)
            return (String(format: "%.1f", x), String(format: "%.1f", y))
        }
        self.viewBox = "0 0 \(Int(Self.width)) \(Int(Self.height))"
        self.points = reports.map { report in
            let (x, y) = place(report.latitude, report.longitude)
            return Point(x: x, y: y, state: report.isOpen ? "open" : "fixed", label: report.label)
        }
        self.labels = wards.map { ward in
            let (x, y) = place(ward.latitude, ward.longitude)
            return Label(x: x, y: y, text: ward.ward)
        }
        let open = reports.filter(\.isOpen).count
        self.description = L("reports_map_description", language, ["count": String(reports.count), "open": String(open),
                                                                    "fixed": String(reports.count - open)])
    }
}

/// The public list and map of street reports.
public struct PublicReportsPage: PageModel {
    public static let template = "reports"

    public var chrome: PageChrome
    public var heading: String
    public var action: String
    public var service: Select
    public var ward: Select
    public var show: Button
    public var map: ReportMap?
    public var reports: Table?
    public var pagination: Pagination?
    public var summary: String
}
