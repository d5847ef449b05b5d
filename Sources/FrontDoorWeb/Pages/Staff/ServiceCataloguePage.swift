import Foundation
import FrontDoorDomain

/// The council's service catalogue for staff: every service by group, with its standard, owning
/// team and channels, so an advisor can tell a caller what to expect.
public struct ServiceCataloguePage: PageModel {
    public static let template = "staff-services"

    public struct Group: Sendable {
        public var table: Table
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var groups: [Group]
    public var isEmpty: Bool
    /// For those who manage the catalogue: adding, and carrying it between environments.
    public var management: Management?

    public struct Management: Sendable {
        public var add: Button
        public var exportYAMLHref: String
        public var exportJSONHref: String
        public var importHref: String
    }

    init(chrome: PageChrome, basePath: String, services: [CouncilService], teams: [Team], canManage: Bool,
         banner: NotificationBanner? = nil) {
        self.chrome = chrome
        self.banner = banner
        let catalogue = basePath + StaffPaths.catalogue
        self.management = canManage ? Management(add: Button("Add a service", href: catalogue + "/new"),
                                                 exportYAMLHref: catalogue + "/export.yaml", exportJSONHref: catalogue + "/export.json",
                                                 importHref: catalogue + "/import") : nil
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        self.groups = ServiceGroup.allCases.compactMap { group in
            let inGroup = services.filter { $0.group == group }
            guard !inGroup.isEmpty else { return nil }
            return Group(table: Table(
                caption: group.displayName, head: ["Service", "Standard", "Team", "Channels", "Status"],
                rows: inGroup.map { service in
                    [service.name,
                     service.standard.statement + " (" + service.standard.target.description + ")",
                     service.owningTeamID.flatMap { teamNames[$0] } ?? "No team",
                     ServiceChannel.allCases.filter(service.channels.contains).map(\.displayName).joined(separator: ", ")
                        + (service.isDigitalOnly ? " (digital only)" : ""),
                     service.isActive ? "Active" : "Not active"]
                }, firstCellIsHeader: true,
                firstCellLinks: canManage ? inGroup.map { basePath + StaffPaths.services + "/" + $0.code.value } : []))
        }
        self.isEmpty = services.isEmpty
    }
}
