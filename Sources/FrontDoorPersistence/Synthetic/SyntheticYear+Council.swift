import Foundation
import FrontDoorDomain
import SQLKit

/// The synthetic council's catalogue and staff, and the shape of its demand: which services
/// people come about and when in the year, which channels they use, and the rhythm of the week
/// and the day on each channel.
extension SyntheticYear {
    /// A service with its process and what its demand looks like.
    struct Service {
        var service: CouncilService
        var process: CaseProcess
        var profile: Profile
    }

    /// One service's demand: its share of the cases and of the other contacts, and the year's
    /// seasonal multipliers (January first).
    struct Profile {
        var code: String
        var caseShare: Double
        var contactShare: Double
        var season: [Double]
        /// How often its cases meet the standard in an ordinary month.
        var usuallyMet: Double = 0.88
    }

    /// The council as the generator needs it.
    struct Setting {
        var services: [Service]
        var advisors: [StaffAccount]
        var complaintsOfficers: [StaffAccount]
        var informationOfficers: [StaffAccount]
    }

    enum Season {
        static let flat = Array(repeating: 1.0, count: 12)
        // Annual bills land in March; the first instalments, and the questions, in April.
        static let councilTax = [1.0, 1.1, 1.7, 2.0, 1.2, 1.0, 0.95, 0.9, 0.95, 1.0, 1.0, 0.85]
        static let benefits = [1.05, 1.0, 1.2, 1.3, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9]
        // Garden waste makes the summer; changed collection days after Christmas make January.
        static let bins = [1.25, 0.9, 0.95, 1.1, 1.25, 1.4, 1.5, 1.45, 1.2, 1.0, 0.9, 0.95]
        static let clearOuts = [0.8, 0.8, 1.0, 1.2, 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 0.9, 0.7]
        static let roads = [1.5, 1.6, 1.4, 1.1, 0.85, 0.8, 0.8, 0.8, 0.85, 0.95, 1.1, 1.3]
        static let darkEvenings = [1.5, 1.3, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.8, 1.1, 1.4, 1.5]
        static let outdoors = [0.85, 0.85, 1.0, 1.1, 1.15, 1.15, 1.2, 1.2, 1.05, 1.0, 0.9, 0.8]
        static let coldHomes = [1.35, 1.3, 1.1, 0.95, 0.85, 0.8, 0.8, 0.8, 0.9, 1.05, 1.25, 1.3]
        static let permits = [1.0, 1.0, 1.2, 1.4, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9]
    }

    /// Shares of a large council's demand by service. Complaints and information requests are
    /// counted apart (`Specials`), so their case shares here are 0.
    static let profiles: [Profile] = [
        Profile(code: "missed-bin", caseShare: 0.22, contactShare: 0.14, season: Season.bins, usuallyMet: 0.9),
        Profile(code: "bulky-waste", caseShare: 0.06, contactShare: 0.03, season: Season.clearOuts),
        Profile(code: "new-bin", caseShare: 0.07, contactShare: 0.04, season: Season.bins),
        Profile(code: "fly-tipping", caseShare: 0.07, contactShare: 0.03, season: Season.outdoors),
        Profile(code: "street-light", caseShare: 0.03, contactShare: 0.01, season: Season.darkEvenings),
        Profile(code: "pothole", caseShare: 0.06, contactShare: 0.03, season: Season.roads, usuallyMet: 0.8),
        Profile(code: "abandoned-vehicle", caseShare: 0.01, contactShare: 0.005, season: Season.outdoors),
        Profile(code: "graffiti", caseShare: 0.01, contactShare: 0.005, season: Season.outdoors),
        Profile(code: "housing-repair", caseShare: 0.10, contactShare: 0.09, season: Season.coldHomes, usuallyMet: 0.82),
        Profile(code: "parking-permit", caseShare: 0.04, contactShare: 0.04, season: Season.permits),
        Profile(code: "blue-badge", caseShare: 0.015, contactShare: 0.03, season: Season.flat, usuallyMet: 0.85),
        Profile(code: "council-tax-move", caseShare: 0.09, contactShare: 0.14, season: Season.councilTax),
        Profile(code: "single-person-discount", caseShare: 0.03, contactShare: 0.04, season: Season.councilTax),
        Profile(code: "change-of-circumstances", caseShare: 0.06, contactShare: 0.07, season: Season.benefits),
        Profile(code: "registrar-appointment", caseShare: 0.025, contactShare: 0.03, season: Season.flat, usuallyMet: 0.92),
        Profile(code: "join-library", caseShare: 0.015, contactShare: 0.01, season: Season.flat, usuallyMet: 0.95),
        Profile(code: "planning-comment", caseShare: 0.02, contactShare: 0.03, season: Season.flat),
        Profile(code: "general-enquiry", caseShare: 0.04, contactShare: 0.05, season: Season.flat),
        Profile(code: "callback", caseShare: 0.02, contactShare: 0, season: Season.flat),
        Profile(code: "compliment", caseShare: 0.002, contactShare: 0, season: Season.flat),
        Profile(code: "comment", caseShare: 0.0015, contactShare: 0, season: Season.flat),
        Profile(code: "complaint", caseShare: 0, contactShare: 0.01, season: Season.flat),
        Profile(code: "foi-request", caseShare: 0, contactShare: 0.002, season: Season.flat),
        Profile(code: "eir-request", caseShare: 0, contactShare: 0, season: Season.flat),
        // Subject access requests are left out of the synthetic year: their clock waits on an identity check.
        Profile(code: "subject-access", caseShare: 0, contactShare: 0.003, season: Season.flat),
    ]

    /// Contacts about no service in particular ("what are your opening hours?").
    static let noServiceShare = 0.165

    /// The cases counted apart, as a share of all cases: about 4 complaints in every 1,000
    /// cases, and about 1,500 FOI and EIR requests in a 500,000-case year.
    enum Specials {
        static let complaints = 0.004
        static let freedomOfInformation = 0.0027
        static let environmentalInformation = 0.0003
    }

    static let wards: [(name: String, weight: Double)] = [
        ("Abbey", 1.0), ("Brookside", 1.2), ("Castle", 0.8), ("Church End", 0.9), ("Dene Park", 1.1), ("Eastfield", 1.4),
        ("Fairmead", 0.7), ("Greenhill", 1.0), ("Harbour", 1.3), ("Kingsmere Central", 1.6), ("Longmoor", 0.8), ("Market", 1.2),
        ("Northgate", 1.1), ("Oakwood", 0.9), ("Priory", 0.8), ("Riverside", 1.3), ("St Anne's", 1.0), ("Southfields", 1.2),
        ("Westbury", 0.9), ("Woodlands", 0.7),
    ]

    static let wardChoice = WeightedChoice(wards.map { ($0.name, $0.weight) })

    /// Pages residents answer "Is this page useful?" on, how often, and how often they say yes.
    static let feedbackPages: [(path: String, weight: Double, useful: Double)] = [
        ("/", 1.0, 0.8), ("/services", 0.6, 0.8), ("/search", 0.5, 0.65), ("/services/missed-bin", 1.2, 0.85),
        ("/services/council-tax-move", 0.9, 0.62), ("/services/single-person-discount", 0.4, 0.7), ("/services/bulky-waste", 0.4, 0.8),
        ("/services/pothole", 0.4, 0.75), ("/services/fly-tipping", 0.4, 0.8), ("/services/housing-repair", 0.5, 0.68),
        ("/services/parking-permit", 0.4, 0.7), ("/services/blue-badge", 0.3, 0.66), ("/browse/waste", 0.4, 0.82),
        ("/browse/council-tax", 0.4, 0.7), ("/account/requests", 0.6, 0.78), ("/account/requests/{reference}", 0.5, 0.74),
        ("/forms/{draft}", 0.6, 0.77), ("/reports", 0.2, 0.8), ("/disclosure-log", 0.05, 0.7),
    ]

    static let feedbackComments = ["I could not find my collection day", "Too much to read", "The form would not accept my postcode",
                                   "I wanted to speak to someone", "It did not say how long it would take"]

    /// What residents and officers write, a few of each.
    enum Words {
        static let praise = ["Quick and easy, thank you", "Sorted the next day", "Kept me informed all the way", "Very helpful advisor"]
        static let grumbles = ["Took too long", "Nobody told me what was happening", "Had to chase twice", "Still not fixed properly"]
        static let complaintExtensions = ["We are waiting for the contractor's report.", "We need to speak to staff who are on leave."]
        static let escalations = ["The response did not answer my main point.", "Nothing has changed since the stage 1 reply.",
                                  "I do not accept the explanation given."]
        static let complaintFindings = [
            ("The crew recorded the collection as done without checking the street.", "We are sorry your bin was missed again. The crew has been reminded to check every street before closing the round."),
            ("The case was not passed to the right team.", "Your request went to the wrong team and sat there for two weeks. We have changed how these requests are routed."),
            ("Letters went to the previous address.", "We wrote to your old address after you told us you had moved. Your account is now corrected."),
            ("The repair was booked but the contractor did not attend.", "The contractor missed the appointment and nobody told you. We have rebooked it and are reviewing the contract."),
        ]
        static let informationAnswers = [
            ("How many missed bin reports did the council receive each month last year, by ward?", "The attached table gives the number of missed bin reports each month, by ward."),
            ("How much did the council spend on temporary accommodation last year?", "The council spent £4,212,300 on temporary accommodation in the last financial year."),
            ("How many potholes were repaired last year, and at what cost?", "We repaired 8,412 potholes at a cost of £1,106,000."),
            ("What are the air quality readings for the monitoring stations on the ring road?", "The attached spreadsheet gives the monthly readings for each station."),
        ]
    }

    /// The one service the demo catalogue lacks: environmental information has its own regulations.
    static func environmentalInformationService(id: UUID, councilID: UUID, teamID: UUID?) -> CouncilService {
        CouncilService(id: id, councilID: councilID, code: ServiceCode("eir-request")!, name: "Ask for environmental information",
                       description: "Ask for information about the environment: air, water, land, waste, noise and the council's plans that affect them.",
                       group: .general, keywords: ["EIR", "environmental information", "pollution"], owningTeamID: teamID,
                       contactType: .information, channels: [.online, .email, .post], standard: ServiceStandard(
                           target: .workingDays(20), statement: "We respond within 20 working days"))
    }

    // MARK: Setting up the council

    /// The demo catalogue's teams, services, forms and processes copied to the council, and its
    /// advisors and officers; whatever exists already is kept.
    func prepareSetting(councilID: UUID, progress: (String) -> Void) async throws -> Setting {
        let teams = TeamRepository(database: database), services = ServiceRepository(database: database)
        let forms = ServiceFormRepository(database: database), processes = ServiceProcessRepository(database: database)
        let now = Date()
        var key = Self.key(councilID)
        var teamIDs = Dictionary(try await teams.all(councilID: councilID).map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for team in DemoCatalogue.teams {
            let id = key.uuid()
            guard teamIDs[team.name] == nil else { continue }
            try await teams.create(Team(id: id, councilID: councilID, name: team.name), at: now)
            teamIDs[team.name] = id
        }
        let demoTeamNames = Dictionary(uniqueKeysWithValues: DemoCatalogue.teams.map { ($0.id, $0.name) })
        let wanted = DemoCatalogue.services.map { demo -> CouncilService in
            var copy = demo
            (copy.id, copy.councilID) = (key.uuid(), councilID)
            copy.owningTeamID = demo.owningTeamID.flatMap { demoTeamNames[$0] }.flatMap { teamIDs[$0] }
            return copy
        } + [Self.environmentalInformationService(id: key.uuid(), councilID: councilID, teamID: teamIDs["Information governance"])]
        var made: [Service] = []
        let demoProcesses = Dictionary(uniqueKeysWithValues: (DemoForms.processes + [("eir-request", .environmentalInformation)]).map { ($0.0, $0.1) })
        let demoForms = Dictionary(uniqueKeysWithValues: DemoForms.forms.map { ($0.code, $0.fields) })
        let chosen = try await processes.all(councilID: councilID)
        for var service in wanted {
            if let existing = try await services.find(code: service.code, councilID: councilID) {
                service = existing
            } else {
                try await services.create(service, at: now)
            }
            if let fields = demoForms[service.code.value], try await forms.latest(of: service.id) == nil {
                _ = try await forms.saveNewVersion(of: service.id, fields: fields, at: now)
            }
            let process = chosen[service.id] ?? demoProcesses[service.code.value] ?? .standard
            if chosen[service.id] == nil, process != .standard {
                try await processes.set(process, serviceID: service.id, councilID: councilID)
            }
            guard let profile = Self.profiles.first(where: { $0.code == service.code.value }) else { continue }
            made.append(Service(service: service, process: process, profile: profile))
        }
        let staff = try await prepareStaff(councilID: councilID, key: &key, at: now)
        progress("  \(made.count) services, \(staff.advisors.count) advisors")
        return Setting(services: made, advisors: staff.advisors, complaintsOfficers: staff.complaints, informationOfficers: staff.information)
    }

    /// The contact centre's advisors and the officers who answer complaints and information
    /// requests. They never sign in: their password is a random secret nobody is told.
    func prepareStaff(councilID: UUID, key: inout SyntheticCustomers.Generator, at now: Date)
        async throws -> (advisors: [StaffAccount], complaints: [StaffAccount], information: [StaffAccount]) {
        let hasher = PasswordHasher(cost: 4)
        let accounts = StaffAccountRepository(database: database, hasher: hasher)
        let existing = Dictionary(try await accounts.all(councilID: councilID).map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        var hash: String?
        func account(_ email: String, role: StaffRole) async throws -> StaffAccount {
            let id = key.uuid()
            let name = key.pick(SyntheticCustomers.firstNames) + " " + key.pick(SyntheticCustomers.surnames)
            if let found = existing[email] { return found }
            let made = StaffAccount(id: id, councilID: councilID, email: email, displayName: name, role: role)
            if hash == nil { hash = try await accounts.hashPassword(UUID().uuidString + UUID().uuidString) }
            try await accounts.insert(made, passwordHash: hash!, at: now, on: database.sql)
            return made
        }
        var advisors: [StaffAccount] = [], complaints: [StaffAccount] = [], information: [StaffAccount] = []
        for number in 1...40 {
            advisors.append(try await account(String(format: "advisor.%02d@synthetic.example", number), role: .advisor))
        }
        for number in 1...2 {
            complaints.append(try await account("complaints.\(number)@synthetic.example", role: .complaintsOfficer))
            information.append(try await account("information.\(number)@synthetic.example", role: .informationRequestsOfficer))
        }
        return (advisors, complaints, information)
    }

    /// A generator keyed to the council, so two councils' synthetic years never share an id.
    static func key(_ councilID: UUID, _ parts: UInt64...) -> SyntheticCustomers.Generator {
        var fold: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in withUnsafeBytes(of: councilID.uuid, Array.init) { fold = (fold ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var generator = SyntheticCustomers.Generator(state: fold)
        for part in parts { generator.state ^= part; _ = generator.next() }
        return generator
    }
}

// MARK: The rhythm of the week and the day

extension SyntheticYear {
    /// When a channel is open and how busy it is: a contact centre opens 08:30 to 17:30 on
    /// weekdays and Saturday mornings; the back office answers email and post on weekdays; the
    /// customer service centre's counter opens 09:00 to 17:00 and Saturday mornings; online never closes.
    enum Rhythm: CaseIterable {
        case contactCentre, backOffice, counter, online

        init(_ channel: Contact.Channel) {
            switch channel {
            case .phone, .webChat, .socialMedia, .sms: self = .contactCentre
            case .email, .post: self = .backOffice
            case .faceToFace: self = .counter
            case .online: self = .online
            }
        }

        /// Monday first: Mondays are busiest on every assisted channel.
        var weekdays: [Double] {
            switch self {
            case .contactCentre: [1.30, 1.10, 1.00, 0.95, 0.85, 0.06, 0]
            case .backOffice: [1.30, 1.10, 1.00, 0.95, 0.85, 0, 0]
            case .counter: [1.25, 1.10, 1.00, 1.00, 0.90, 0.25, 0]
            case .online: [1.15, 1.05, 1.00, 0.98, 0.90, 0.70, 0.75]
            }
        }

        /// Stretches of the day, each (from, to, relative busyness), in seconds after midnight.
        func hours(weekday: Int) -> [(Int, Int, Double)] {
            func h(_ hours: Double) -> Int { Int(hours * 3600) }
            switch self {
            case .contactCentre, .backOffice:
                if weekday == 5 { return [(h(9), h(12), 1)] }
                return [(h(8.5), h(9), 0.6), (h(9), h(10), 1.3), (h(10), h(11), 1.4), (h(11), h(12), 1.2), (h(12), h(13), 0.9),
                        (h(13), h(14), 1.0), (h(14), h(15), 1.1), (h(15), h(16), 1.0), (h(16), h(17), 0.8), (h(17), h(17.5), 0.4)]
            case .counter:
                if weekday == 5 { return [(h(9), h(12.5), 1)] }
                return [(h(9), h(10), 0.8), (h(10), h(11), 1.2), (h(11), h(12), 1.2), (h(12), h(13), 1.1), (h(13), h(14), 1.0),
                        (h(14), h(15), 1.0), (h(15), h(16), 0.9), (h(16), h(17), 0.6)]
            case .online:
                // An evening peak, after work and after the children's bedtime.
                let byHour = [0.25, 0.12, 0.07, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1.0, 1.0, 1.0, 1.05, 1.0, 0.95, 0.95, 0.95, 1.0, 1.15,
                              1.35, 1.45, 1.3, 0.9, 0.5]
                return byHour.enumerated().map { (h(Double($0.offset)), h(Double($0.offset + 1)), $0.element) }
            }
        }
    }

    /// The dip between Christmas and New Year, on every channel.
    static func holidayFactor(_ date: LocalDate) -> Double {
        switch (date.month, date.day) {
        case (12, 24), (12, 31): 0.5
        case (12, 25): 0.25
        case (12, 26): 0.45
        case (12, 27...30): 0.65
        case (1, 1): 0.5
        case (1, 2): 0.85
        default: 1
        }
    }

    /// Channel shift over the year (`progress` 0 in the first month, 1 in the last): the share
    /// of all contacts on each channel, online rising from 45% to 60% and phone falling.
    static func contactMix(_ progress: Double) -> [(Contact.Channel, Double)] {
        [(.online, 0.45 + 0.15 * progress), (.phone, 0.32 - 0.16 * progress), (.webChat, 0.06 + 0.03 * progress),
         (.faceToFace, 0.05 - 0.01 * progress), (.email, 0.08 - 0.01 * progress), (.post, 0.02 - 0.005 * progress),
         (.socialMedia, 0.02 + 0.005 * progress)]
    }

    /// How cases are made: mostly online by the resident; the rest typed into the same form by
    /// an advisor (assisted self-serve), on the phone, at the counter, or from an email or letter.
    static func caseMix(_ progress: Double) -> [(ServiceChannel, Double)] {
        [(.online, 0.80 + 0.05 * progress), (.phone, 0.12 - 0.04 * progress), (.faceToFace, 0.035 - 0.005 * progress),
         (.email, 0.03), (.post, 0.015 - 0.005 * progress)]
    }
}

// MARK: Drawing numbers

extension SyntheticCustomers.Generator {
    /// Uniform in 0 ..< 1.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func int(below bound: Int) -> Int { min(bound - 1, Int(unit() * Double(bound))) }

    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + int(below: range.count) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// Log-normal with this mean: waits and durations have long right tails.
    mutating func skewed(mean: Double, spread: Double) -> Double {
        mean * Foundation.exp(spread * normal() - spread * spread / 2)
    }

    mutating func uuid() -> UUID {
        let a = next(), b = next()
        let bytes = withUnsafeBytes(of: (a.littleEndian, b.littleEndian)) { Array($0) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7],
                           bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    mutating func pick<Value>(_ values: [Value]) -> Value { values[int(below: values.count)] }
}

extension SyntheticYear {
    /// A choice among weighted options, drawn by binary search over the running totals.
    struct WeightedChoice<Value> {
        let values: [Value]
        let totals: [Double]

        init(_ weighted: [(Value, Double)]) {
            values = weighted.map(\.0)
            var running = 0.0
            totals = weighted.map { running += max(0, $0.1); return running }
        }

        var isEmpty: Bool { (totals.last ?? 0) <= 0 }

        func draw(_ random: inout SyntheticCustomers.Generator) -> Value {
            let target = random.unit() * totals[totals.count - 1]
            var low = 0, high = totals.count - 1
            while low < high {
                let middle = (low + high) / 2
                if totals[middle] > target { high = middle } else { low = middle + 1 }
            }
            return values[low]
        }
    }

    /// Splits `total` in proportion to `weights`, the remainders to the largest fractions, so the
    /// parts always add up exactly.
    static func apportion(_ total: Int, by weights: [Double]) -> [Int] {
        let sum = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * max(0, $0) / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
        for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }
}

extension SyntheticYear.WeightedChoice: Sendable where Value: Sendable {}
