import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The public list and map of street reports")
struct PublicReportsTests {
    @Test("Located reports are listed and mapped by street and ward, filtered by problem and ward, with nothing about who reported them",
          arguments: TestDatabase.available)
    func listAndMap(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            // Pinned by Willow Crescent (Castlefield), and one in Marshside by Mill Lane.
            let castlefield = try unwrap(try await sendStreetLightReport(database))
            #expect(castlefield.ward == "Castlefield", "the ward comes from the nearest gazetteer address")
            let marshside = try unwrap(try await sendStreetLightReport(database, answers: [
                "location-latitude": ["52.19807"], "location-longitude": ["-0.97943"], "fault": ["flickering"]]))
            #expect(marshside.ward == "Marshside")
            let nowhere = try unwrap(try await sendStreetLightReport(database, answers: [
                "location-latitude": ["51.5"], "location-longitude": ["-0.12"], "fault": ["out"]]))
            #expect(nowhere.ward == nil, "nothing in the gazetteer within half a kilometre")

            let page = try await browser.get("/reports").text
            #expect(page.contains("3 reports") && page.contains(castlefield.reference.description) && page.contains(marshside.reference.description))
            #expect(page.contains("Castlefield ward") && page.contains("Marshside ward") && page.contains("Report a street light fault"))
            #expect(page.contains("<svg") && page.contains("fd-report-map__point--open") && page.contains(">Castlefield</text>"))
            #expect(!page.contains("Margaret") && !page.contains("margaret.okafor"), "nobody's name or address")

            let filtered = try await browser.get("/reports?ward=Marshside").text
            #expect(filtered.contains("1 report.") && filtered.contains(marshside.reference.description)
                    && !filtered.contains(castlefield.reference.description))
            #expect(filtered.contains("<option value=\"Marshside\" selected>"))
            let otherService = try await browser.get("/reports?service=fly-tipping").text
            #expect(otherService.contains("No reports match.") && !otherService.contains("<svg"))
            let unknown = try await browser.get("/reports?service=nonsense&ward=Atlantis")
            #expect(unknown.status == .ok && unknown.text.contains("3 reports"), "unknown choices show everything, not an error")
            let spaced = try await browser.get("/reports?ward=St+Anne%27s").text
            #expect(spaced.contains("selected>St Anne") && spaced.contains("No reports match."),
                    "a ward with a space and an apostrophe is read as the form sends it")

            // A fixed report stays for 28 days; a withdrawn one goes at once.
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            try await browser.postForm("/staff/cases/\(castlefield.reference)", [("next", "resolve"), ("version", "1")])
            try await browser.postForm("/staff/cases/\(nowhere.reference)", [("next", "withdraw"), ("version", "1")])
            let after = try await browser.get("/reports").text
            #expect(after.contains("2 reports") && after.contains("Fixed") && after.contains("fd-report-map__point--fixed"))
            #expect(!after.contains(nowhere.reference.description))
        }
    }

    @Test("Only the street is shown of an address, never the house number or flat")
    func streetOnly() throws {
        let reference = try unwrap(CaseReference("FD-2026-000001"))
        func item(_ line1: String) -> Case {
            Case(councilID: UUID(), reference: reference, serviceID: UUID(), submissionID: nil, customerID: nil, channel: .online, teamID: nil,
                 address: PostalAddress(line1: line1, town: "Kingsmere", postcode: Postcode("KM1 3DP")!), ward: "Riverside",
                 receivedAt: Date(), acknowledgeBy: LocalDate(Date()), resolveBy: .date(LocalDate(Date())), createdAt: Date(), updatedAt: Date())
        }
        #expect(PublicReportRoutes.place(item("14 Willow Crescent")) == "Willow Crescent, Riverside ward")
        #expect(PublicReportRoutes.place(item("Flat 3, 77 Station Road")) == "Station Road, Riverside ward")
        #expect(PublicReportRoutes.place(item("12A")) == "Riverside ward")
    }
}
