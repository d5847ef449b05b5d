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
    public var groups: [Group]
    public var isEmpty: Bool

    init(chrome: PageChrome, services: [CouncilService], teams: [Team]) {
        self.chrome = chrome
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
                }, firstCellIsHeader: true))
        }
        self.isEmpty = services.isEmpty
    }
}
