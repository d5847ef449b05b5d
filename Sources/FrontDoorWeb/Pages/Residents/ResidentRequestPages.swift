import Foundation
import FrontDoorDomain

/// My Account: the resident's requests, and the reports they follow.
public struct ResidentRequestsPage: PageModel {
    public static let template = "resident-requests"

    public var chrome: PageChrome
    public var heading: String
    public var requests: Table?
    public var followed: Table?
    public var hasNothing: Bool
    public var servicesHref: String

    init(chrome: PageChrome, requests: Table?, followed: Table?, servicesHref: String) {
        self.chrome = chrome
        self.heading = "Your requests"
        self.requests = requests
        self.followed = followed
        self.hasNothing = requests == nil && followed == nil
        self.servicesHref = servicesHref
    }
}

/// One request as its resident sees it: where it stands, the public timeline, what was sent,
/// and what they can do (reply, withdraw, reopen, rate).
public struct ResidentRequestPage: PageModel {
    public static let template = "resident-request"

    public struct TimelineEntry: Sendable {
        public var when: String
        public var who: String
        public var statusChange: String?
        public var text: String?
    }

    /// One thing the resident can do, as a small form of its own.
    public struct Action: Sendable {
        public var id: String
        public var heading: String
        public var explanation: String?
        public var action: String
        public var csrfToken: String
        public var version: String
        public var textarea: Textarea?
        public var radios: Radios?
        public var button: Button
    }

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var panel: Panel?
    public var banner: NotificationBanner?
    public var caption: String
    public var heading: String
    public var status: Tag
    public var details: SummaryList
    public var whatHappensNext: String?
    public var timeline: [TimelineEntry]
    public var answers: SummaryList?
    /// For a report followed rather than made: only what anyone may see.
    public var isFollowed: Bool
    public var reply: Action?
    public var reopen: Action?
    public var rate: Action?
    public var withdraw: Action?
    public var unfollow: Action?
    public var rating: String?
}
