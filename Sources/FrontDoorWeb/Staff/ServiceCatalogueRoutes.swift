import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The service catalogue as staff see it.
struct ServiceCatalogueRoutes {
    let renderer: PageRenderer
    let services: ServiceRepository
    let teams: TeamRepository

    func register(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, services = self.services, teams = self.teams
        router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self).get("services") { _, context -> Response in
            try renderer.response(ServiceCataloguePage(
                chrome: ChromeFactory.chrome(pageTitle: "Services", context: context),
                services: try await services.all(councilID: context.staff.councilID),
                teams: try await teams.all(councilID: context.staff.councilID)))
        }
    }
}
