import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Booking a callback from the customer's record, and the queue of callbacks still to make.
struct CallbackRoutes {
    let record: CustomerRecordRoutes
    let renderer: PageRenderer

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self, record = self.record
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.post("customers/:id/callbacks") { request, context -> Response in
            try context.require(.logContact)
            let customer = try await record.customer(context)
            let form = try await FormInput.read(from: request, context: context)
            let now = Date()
            switch CallbackBooking.check(day: form["callback-date-day"], month: form["callback-date-month"], year: form["callback-date-year"],
                                         from: form["callback-from"], to: form["callback-to"], phone: form["callback-phone"],
                                         reason: form["callback-reason"], now: now) {
            case .failure(let problems):
                return try await record.recordPage(customer, context, problems: problems.all, typed: form, status: .unprocessableContent)
            case .success(let booking):
                try await record.callbacks.book(Callback(
                    councilID: context.staff.councilID, customerID: customer.id, phone: booking.phone, window: booking.window,
                    reason: booking.reason, serviceID: nil, bookedBy: context.staff.displayName, bookedAt: now))
                return .redirect(to: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "?callback=1")
            }
        }

        staff.get("callbacks") { request, context -> Response in
            try context.require(.logContact)
            let done = request.uri.queryParameters["done"] != nil
            return try await routes.queuePage(context, banner: done ? NotificationBanner(heading: "The callback has been marked as made", isSuccess: true) : nil)
        }

        staff.post("callbacks/:callback/done") { _, context -> Response in
            try context.require(.logContact)
            guard let id = context.parameters.get("callback").flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
            // A second click (or a colleague first) changes nothing: the first record stands.
            _ = try await record.callbacks.complete(id, councilID: context.staff.councilID, by: context.staff.displayName, note: "", at: Date())
            return .redirect(to: context.basePath + StaffPaths.callbacks + "?done=1")
        }
    }

    func queuePage(_ context: StaffRequestContext, banner: NotificationBanner?) async throws -> Response {
        let now = Date()
        let queued = try await record.callbacks.queue(councilID: context.staff.councilID)
        let rows = queued.map { item in
            let state = item.callback.state(at: now)
            return CallbackQueuePage.Row(
                state: Tag(state.displayName, colour: state == .overdue ? .red : state == .due ? .green : .grey),
                window: CallbackWindowText.describe(item.callback.window),
                customer: item.customerName, customerHref: context.basePath + StaffPaths.customers + "/" + item.callback.customerID.uuidString,
                phone: item.callback.phone, reason: item.callback.reason, bookedBy: item.callback.bookedBy,
                doneAction: context.basePath + StaffPaths.callbacks + "/" + item.callback.id.uuidString.lowercased() + "/done",
                doneLabel: "the callback to \(item.customerName)")
        }
        let due = queued.filter { $0.callback.state(at: now) != .upcoming }.count
        return try renderer.response(CallbackQueuePage(
            chrome: ChromeFactory.chrome(pageTitle: "Callbacks", context: context), banner: banner,
            summary: queued.isEmpty ? "No callbacks are waiting." : "\(queued.count) waiting, \(due) due now or overdue.",
            rows: rows, csrfToken: context.csrfToken, hasRows: !rows.isEmpty))
    }
}

/// The callbacks queue: every callback not yet made, overdue and due first.
public struct CallbackQueuePage: PageModel {
    public static let template = "staff-callbacks"

    public struct Row: Sendable {
        public var state: Tag
        public var window: String
        public var customer: String
        public var customerHref: String
        public var phone: String
        public var reason: String
        public var bookedBy: String
        public var doneAction: String
        public var doneLabel: String
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var summary: String
    public var rows: [Row]
    public var csrfToken: String
    public var hasRows: Bool
}
