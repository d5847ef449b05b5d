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
            ("general-enquiry", [
                Field(id: "question", kind: .longText, label: "What would you like to ask?", errorName: "your question", maximumLength: 2000),
                Field(id: "reply-by", kind: .singleChoice, label: "How should we reply?", errorName: "how we should reply", options: [
                    .init(value: "email", label: "Email"), .init(value: "phone", label: "Phone"), .init(value: "letter", label: "Letter"),
                ]),
                Field(id: "phone", kind: .ukPhone, label: "Phone number", condition: .init(fieldID: "reply-by", equals: "phone")),
                Field(id: "channel", kind: .hidden, label: "", fixedValue: "web"),
            ]),
        ]
    }
}
