import Foundation
import FrontDoorDomain

/// The demo council's teams and service catalogue: the services councils' customer strategies
/// name again and again, with realistic standards. Fixed ids, so seeding is repeatable.
public enum DemoCatalogue {
    static func id(_ suffix: Int) -> UUID { UUID(uuidString: String(format: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a%04x", suffix))! }

    public static var teams: [Team] {
        let council = DemoCouncil.council.id
        return [
            Team(id: id(0x8001), councilID: council, name: "Waste and recycling"),
            Team(id: id(0x8002), councilID: council, name: "Highways and street scene"),
            Team(id: id(0x8003), councilID: council, name: "Housing repairs"),
            Team(id: id(0x8004), councilID: council, name: "Revenues and benefits"),
            Team(id: id(0x8005), councilID: council, name: "Parking services"),
            Team(id: id(0x8006), councilID: council, name: "Registrars"),
            Team(id: id(0x8007), councilID: council, name: "Customer services"),
            Team(id: id(0x8008), councilID: council, name: "Information governance"),
            Team(id: id(0x8009), councilID: council, name: "Libraries"),
            Team(id: id(0x800a), councilID: council, name: "Planning"),
        ]
    }

    static func team(_ name: String) -> UUID? { teams.first { $0.name == name }?.id }

    public static var services: [CouncilService] {
        let council = DemoCouncil.council.id
        var number = 0x9000
        func service(_ code: String, _ name: String, _ group: ServiceGroup, team: String, type: ContactType,
                     _ description: String, keywords: [String], channels: Set<ServiceChannel> = [.online, .phone, .email],
                     target: ServiceStandard.Target, standard: String, location: Bool = false, account: Bool = false,
                     digitalOnly: Bool = false, fee: Int? = nil, topTask: Int? = nil) -> CouncilService {
            number += 1
            return CouncilService(id: id(number), councilID: council, code: ServiceCode(code)!, name: name, description: description,
                                  group: group, keywords: keywords, owningTeamID: self.team(team), contactType: type, channels: channels,
                                  isDigitalOnly: digitalOnly, standard: ServiceStandard(target: target, statement: standard),
                                  needsLocation: location, needsAccount: account, feePence: fee, topTaskRank: topTask)
        }
        return [
            service("missed-bin", "Report a missed bin collection", .waste, team: "Waste and recycling", type: .interaction,
                    "Tell us if your bin was not emptied on your collection day. Report it within 2 working days of the missed collection.",
                    keywords: ["bin", "rubbish", "refuse", "wheelie", "collection", "recycling", "garden waste"],
                    target: .workingDays(2), standard: "We aim to collect missed bins within 2 working days", location: true, topTask: 1),
            service("bulky-waste", "Book a bulky waste collection", .waste, team: "Waste and recycling", type: .transaction,
                    "We collect up to 5 large household items, such as furniture and fridges, for a fee.",
                    keywords: ["furniture", "sofa", "fridge", "mattress", "large items", "white goods"],
                    target: .workingDays(10), standard: "We aim to collect within 10 working days of booking", location: true, fee: 3_500, topTask: 4),
            service("new-bin", "Order a new or replacement bin", .waste, team: "Waste and recycling", type: .transaction,
                    "Order a bin if yours is lost, stolen or damaged, or you have moved into a new home.",
                    keywords: ["bin", "wheelie", "replacement", "damaged bin", "recycling box"],
                    target: .workingDays(10), standard: "We aim to deliver bins within 10 working days", location: true, fee: 2_500),
            service("fly-tipping", "Report fly-tipping", .streets, team: "Highways and street scene", type: .interaction,
                    "Tell us about rubbish dumped on public land. Do not touch it: it may be dangerous.",
                    keywords: ["dumped rubbish", "dumping", "tipping", "waste on street"],
                    target: .workingDays(5), standard: "We aim to clear fly-tipping within 5 working days", location: true, topTask: 2),
            service("street-light", "Report a street light fault", .streets, team: "Highways and street scene", type: .interaction,
                    "Tell us about a street light that is out, flickering or damaged.",
                    keywords: ["lamp post", "street lamp", "light out", "lighting"],
                    target: .workingDays(5), standard: "We aim to repair street lights within 5 working days", location: true),
            service("pothole", "Report a pothole or damaged road", .streets, team: "Highways and street scene", type: .interaction,
                    "Tell us about potholes and damage to roads and pavements. We make dangerous defects safe within 24 hours.",
                    keywords: ["road damage", "pavement", "footpath", "hole in road", "highway"],
                    target: .workingDays(10), standard: "We aim to repair potholes within 10 working days", location: true, topTask: 3),
            service("abandoned-vehicle", "Report an abandoned vehicle", .streets, team: "Highways and street scene", type: .interaction,
                    "Tell us about a vehicle that seems to have been left on the street or council land.",
                    keywords: ["car", "dumped car", "untaxed", "abandoned car"],
                    target: .workingDays(10), standard: "We aim to inspect reported vehicles within 10 working days", location: true),
            service("graffiti", "Report graffiti", .streets, team: "Highways and street scene", type: .interaction,
                    "Tell us about graffiti on public property. We remove offensive graffiti within 1 working day.",
                    keywords: ["vandalism", "tagging", "offensive graffiti"],
                    target: .workingDays(10), standard: "We aim to remove graffiti within 10 working days", location: true),
            service("housing-repair", "Report a council housing repair", .housing, team: "Housing repairs", type: .interaction,
                    "Council tenants can report repairs to their home. For emergencies such as a gas leak or flooding, phone us.",
                    keywords: ["repair", "leak", "damp", "mould", "boiler", "tenant"],
                    channels: [.online, .phone, .faceToFace], target: .workingDays(20),
                    standard: "We aim to complete routine repairs within 20 working days", location: true, account: true, topTask: 5),
            service("parking-permit", "Apply for a resident parking permit", .parking, team: "Parking services", type: .transaction,
                    "Apply for a permit to park in your residents' parking zone. You need your vehicle registration number.",
                    keywords: ["permit", "parking", "resident permit", "car"],
                    channels: [.online], target: .workingDays(5), standard: "We aim to issue permits within 5 working days",
                    account: true, digitalOnly: true, fee: 5_000, topTask: 6),
            service("blue-badge", "Apply for a Blue Badge", .parking, team: "Parking services", type: .transaction,
                    "A Blue Badge lets people with disabilities or health conditions park closer to where they need to go.",
                    keywords: ["disabled parking", "disability", "badge"],
                    channels: [.online, .phone, .faceToFace, .post], target: .workingDays(60),
                    standard: "We aim to decide applications within 12 weeks", fee: 1_000),
            service("council-tax-move", "Tell us you are moving home (Council Tax)", .councilTax, team: "Revenues and benefits", type: .transaction,
                    "Tell us when you move in, move out or move within the borough, so we can bill the right person.",
                    keywords: ["council tax", "moving", "change of address", "move"],
                    target: .workingDays(10), standard: "We aim to update your account within 10 working days", topTask: 7),
            service("single-person-discount", "Apply for a single person discount", .councilTax, team: "Revenues and benefits", type: .transaction,
                    "If you are the only adult in your home you can get 25% off your Council Tax.",
                    keywords: ["council tax", "discount", "live alone", "25%"],
                    target: .workingDays(10), standard: "We aim to decide within 10 working days"),
            service("change-of-circumstances", "Report a change in circumstances", .benefits, team: "Revenues and benefits", type: .transaction,
                    "Tell us about changes to your income, household or address if you get Housing Benefit or Council Tax Support.",
                    keywords: ["benefit", "housing benefit", "council tax support", "income change"],
                    target: .workingDays(10), standard: "We aim to process changes within 10 working days"),
            service("registrar-appointment", "Book a registrar appointment", .registrars, team: "Registrars", type: .transaction,
                    "Book an appointment to register a birth or death, or to give notice of marriage or civil partnership.",
                    keywords: ["birth", "death", "marriage", "civil partnership", "register"],
                    channels: [.online, .phone], target: .workingDays(5), standard: "We aim to offer an appointment within 5 working days"),
            service("join-library", "Join the library", .libraries, team: "Libraries", type: .transaction,
                    "Join Kingsmere libraries for free to borrow books, e-books and audiobooks.",
                    keywords: ["library card", "books", "borrow", "ebooks"],
                    channels: [.online, .faceToFace], target: .workingDays(1), standard: "Your library card is ready the next working day"),
            service("planning-comment", "Comment on a planning application", .planning, team: "Planning", type: .interaction,
                    "Support or object to a planning application while it is open for comments.",
                    keywords: ["planning", "objection", "application", "development"],
                    channels: [.online, .email, .post], target: .workingDays(5), standard: "We acknowledge comments within 5 working days"),
            service("foi-request", "Make a freedom of information request", .general, team: "Information governance", type: .information,
                    "Ask for information the council holds. We answer within 20 working days, as the law requires.",
                    keywords: ["FOI", "freedom of information", "information request", "EIR"],
                    channels: [.online, .email, .post], target: .workingDays(20), standard: "We respond within 20 working days"),
            service("complaint", "Make a complaint", .complaintsAndFeedback, team: "Customer services", type: .interaction,
                    "Tell us if we got something wrong. We aim to put it right, and learn from it.",
                    keywords: ["complain", "unhappy", "poor service", "feedback"],
                    channels: [.online, .phone, .faceToFace, .email, .post], target: .workingDays(10),
                    standard: "We respond to complaints within 10 working days"),
            service("compliment", "Pay us a compliment", .complaintsAndFeedback, team: "Customer services", type: .interaction,
                    "Tell us when something went well, and who helped. We pass it on.",
                    keywords: ["thanks", "thank you", "praise", "feedback"],
                    channels: [.online, .phone, .email, .post], target: .workingDays(5), standard: "We acknowledge compliments within 5 working days"),
            service("general-enquiry", "Ask a question", .general, team: "Customer services", type: .information,
                    "Ask us anything that is not covered by another service.",
                    keywords: ["question", "enquiry", "contact", "help"],
                    channels: [.online, .phone, .faceToFace, .email, .post], target: .workingDays(10),
                    standard: "We answer questions within 10 working days"),
            service("callback", "Request a call back", .general, team: "Customer services", type: .interaction,
                    "Ask us to phone you at a time that suits you.",
                    keywords: ["phone me", "call me", "telephone", "callback"],
                    channels: [.online, .email], target: .workingDays(1), standard: "We call back within 1 working day"),
        ]
    }
}
