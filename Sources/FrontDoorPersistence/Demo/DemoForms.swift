import Foundation
import FrontDoorDomain

/// Forms for some of the demo services, written as a council's forms officer would.
public enum DemoForms {
    typealias Field = FieldDefinition

    /// Service code to its form's fields.
    public static var forms: [(code: String, fields: [FieldDefinition])] {
        [
            ("missed-bin", [
                Field(id: "bin", kind: .singleChoice, label: "Which bin was missed?", options: [
                    .init(value: "general", label: "General waste (black bin)"),
                    .init(value: "recycling", label: "Recycling (blue bin)"),
                    .init(value: "garden", label: "Garden waste (green bin)"),
                    .init(value: "food", label: "Food waste (small caddy)"),
                ]),
                Field(id: "collection-day", kind: .date, label: "When should it have been collected?", errorName: "the collection date",
                      hint: "For example, 27 3 2026"),
                Field(id: "out-by-7", kind: .yesNo, label: "Was the bin out by 7am on collection day?", errorName: "if the bin was out by 7am"),
                Field(id: "address", kind: .address, label: "Where is the bin?", errorName: "the address of the bin"),
                Field(id: "details", kind: .longText, label: "Anything else we should know?", isRequired: false, maximumLength: 1000),
            ]),
            ("street-light", [
                Field(id: "location", kind: .mapLocation, label: "Where is the street light?"),
                Field(id: "column-number", kind: .shortText, label: "What is the number on the lamp post?", errorName: "the lamp post number",
                      hint: "It is on a small plate on the post, for example SL1234. Leave it blank if you cannot see it.", isRequired: false,
                      pattern: "[A-Za-z]{0,3}[0-9]{1,6}", patternMessage: "Enter the lamp post number as it is written on the post, like SL1234"),
                Field(id: "fault", kind: .singleChoice, label: "What is wrong with it?", errorName: "what is wrong with the light", options: [
                    .init(value: "out", label: "It does not come on"),
                    .init(value: "day", label: "It is on during the day"),
                    .init(value: "flickering", label: "It flickers"),
                    .init(value: "damaged", label: "It is damaged or leaning"),
                ]),
                Field(id: "danger", kind: .yesNo, label: "Are there exposed wires or is it about to fall?", errorName: "if it is dangerous",
                      condition: .init(fieldID: "fault", equals: "damaged")),
                Field(id: "photo", kind: .fileUpload, label: "Add a photo (optional)", isRequired: false),
            ]),
            ("fly-tipping", [
                Field(id: "location", kind: .mapLocation, label: "Where is the fly-tipping?"),
                Field(id: "seen-on", kind: .date, label: "When did you see it?", errorName: "the date you saw it", hint: "For example, 27 3 2026"),
                Field(id: "waste", kind: .multipleChoice, label: "What has been dumped?", errorName: "what has been dumped",
                      hint: "Select all that apply.", options: [
                          .init(value: "bags", label: "Black bags"), .init(value: "furniture", label: "Furniture or mattresses"),
                          .init(value: "building", label: "Building rubble"), .init(value: "electrical", label: "Fridges or electrical items"),
                          .init(value: "asbestos", label: "Something that may be asbestos"), .init(value: "other", label: "Something else"),
                      ]),
                Field(id: "bags", kind: .number, label: "About how many bags or items are there?", errorName: "how many bags or items there are",
                      minimum: 1, maximum: 1000),
                Field(id: "seen-dumping", kind: .yesNo, label: "Did you see who dumped it?", errorName: "if you saw who dumped it"),
                Field(id: "vehicle", kind: .shortText, label: "What was the vehicle's registration number?", errorName: "the registration number",
                      hint: "Leave it blank if you did not see one.", isRequired: false, pattern: "[A-Za-z0-9 ]{2,8}",
                      patternMessage: "Enter the registration number as it was on the number plate, like AB12 CDE",
                      condition: .init(fieldID: "seen-dumping", equals: "yes")),
                Field(id: "photo", kind: .fileUpload, label: "Add a photo (optional)", hint: "A JPG, PNG, HEIC or PDF up to 10 MB.", isRequired: false),
            ]),
            ("council-tax-move", [
                Field(id: "moving-date", kind: .date, label: "When are you moving?", errorName: "the date you are moving"),
                Field(id: "old-postcode", kind: .ukPostcode, label: "What is the postcode of the home you are leaving?",
                      errorName: "the postcode of the home you are leaving"),
                Field(id: "new-address", kind: .address, label: "What is your new address?", errorName: "your new address"),
                Field(id: "adults", kind: .number, label: "How many adults (18 or over) will live at the new address?",
                      errorName: "how many adults will live there", minimum: 1, maximum: 20),
                Field(id: "bill-email", kind: .email, label: "Which email address should we send your new bill to?",
                      errorName: "the email address for your bill", hint: "We will send bills here from now on."),
                Field(id: "source", kind: .hidden, label: "", fixedValue: "change-of-address"),
            ]),
            ("parking-permit", [
                Field(id: "address", kind: .address, label: "What is your address?", errorName: "your address",
                      hint: "The permit is for the parking zone your home is in."),
                Field(id: "registration", kind: .shortText, label: "What is the vehicle's registration number?",
                      errorName: "the registration number", hint: "For example, AB12 CDE", maximumLength: 8),
                Field(id: "make", kind: .shortText, label: "What make and colour is the vehicle?", errorName: "the make and colour",
                      hint: "For example, blue Ford Fiesta", maximumLength: 60),
                Field(id: "keeper", kind: .yesNo, label: "Is the vehicle registered to you at this address?",
                      errorName: "if the vehicle is registered to you at this address"),
                Field(id: "proof", kind: .fileUpload, label: "Upload the vehicle's V5C logbook or lease agreement",
                      hint: "A JPG, PNG, HEIC or PDF up to 10 MB.", isRequired: false, condition: .init(fieldID: "keeper", equals: "no")),
            ]),
            ("general-enquiry", [
                Field(id: "question", kind: .longText, label: "What would you like to ask?", errorName: "your question", maximumLength: 2000),
                Field(id: "reply-by", kind: .singleChoice, label: "How should we reply?", errorName: "how we should reply", options: [
                    .init(value: "email", label: "Email"), .init(value: "phone", label: "Phone"), .init(value: "letter", label: "Letter"),
                ]),
                Field(id: "phone", kind: .ukPhone, label: "Phone number", condition: .init(fieldID: "reply-by", equals: "phone")),
                Field(id: "channel", kind: .hidden, label: "", fixedValue: "web"),
            ]),
            ("complaint", [
                Field(id: "about", kind: .longText, label: "What went wrong?", errorName: "what went wrong",
                      hint: "Tell us what happened, when, and who you dealt with.", maximumLength: 5000),
                Field(id: "put-right", kind: .longText, label: "What would put it right for you?", errorName: "what would put it right",
                      maximumLength: 2000),
            ]),
            ("compliment", [
                Field(id: "what", kind: .longText, label: "What went well?", errorName: "what went well",
                      hint: "If someone helped you, tell us their name so we can thank them.", maximumLength: 2000),
            ]),
            ("comment", [
                Field(id: "comment", kind: .longText, label: "What would you like to tell us?", errorName: "your comment",
                      hint: "Say which service it is about.", maximumLength: 2000),
            ]),
            ("subject-access", [
                Field(id: "information", kind: .longText, label: "What information about you do you want?", errorName: "the information you want",
                      hint: "For example, the records of your housing application, or everything we hold. Dates help us find it.",
                      maximumLength: 5000),
            ]),
            ("foi-request", [
                Field(id: "information", kind: .longText, label: "What information do you want?", errorName: "the information you want",
                      hint: "Be as specific as you can: the subject, the dates and the kind of record.",
                      maximumLength: 5000),
                Field(id: "format", kind: .singleChoice, label: "How would you like to receive it?", errorName: "how you would like it", options: [
                    .init(value: "email", label: "By email"), .init(value: "paper", label: "On paper, by post"),
                ]),
            ]),
        ]
    }

    /// The demo services whose cases follow a process of their own.
    public static var processes: [(code: String, process: CaseProcess)] {
        [("complaint", .complaint), ("compliment", .compliment), ("comment", .comment), ("foi-request", .freedomOfInformation),
         ("subject-access", .subjectAccess)]
    }
}
