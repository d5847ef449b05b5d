import FrontDoorDomain

/// The "Your details" form: reads what was typed into a customer's details and consents, with a
/// GOV.UK error message for each field that is wrong. Nothing is saved unless it is all right.
struct ResidentDetailsForm {
    static let maximumTextLength = 200

    /// The customer as the form would leave them, when valid.
    var customer: Customer
    var consents: Set<ConsentPurpose>
    var validation: FormValidation

    init(_ form: FormInput, applyingTo current: Customer) {
        var validation = FormValidation()
        var customer = current

        let name = form["name"]
        if validation.required("name", name, "Enter your full name") {
            validation.maximumLength("name", name, Self.maximumTextLength, "Full name must be \(Self.maximumTextLength) characters or fewer")
        }
        customer.name = name

        let phone = form["phone"]
        validation.check("phone", phone.isEmpty || PhoneNumberRule.isPlausible(phone),
                         "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")
        customer.phone = phone

        let line1 = form["address_line1"], line2 = form["address_line2"], town = form["address_town"], postcodeText = form["address_postcode"]
        let addressGiven = ![line1, line2, town, postcodeText].allSatisfy(\.isEmpty)
        if addressGiven {
            validation.required("address_line1", line1, "Enter address line 1, typically the building and street")
            validation.required("address_town", town, "Enter town or city")
            if validation.required("address_postcode", postcodeText, "Enter postcode") {
                validation.check("address_postcode", Postcode(postcodeText) != nil, "Enter a real postcode, like SW1A 1AA")
            }
            for (field, value) in [("address_line1", line1), ("address_line2", line2), ("address_town", town)] {
                validation.maximumLength(field, value, Self.maximumTextLength, "Address lines must be \(Self.maximumTextLength) characters or fewer")
            }
        }
        if addressGiven, let postcode = Postcode(postcodeText) {
            var address = PostalAddress(line1: line1, line2: line2, town: town, postcode: postcode)
            // The UPRN belongs to the place: kept while the address is the same, dropped when it moves.
            if let old = current.address, old.isSamePlace(as: address) { address.uprn = old.uprn }
            customer.address = address
        } else if !addressGiven {
            customer.address = nil
        }

        let channelText = form["preferred_channel"]
        if let channel = ContactChannel(rawValue: channelText) {
            customer.preferredChannel = channel
            switch channel {
            case .phone, .text:
                validation.check("phone", !phone.isEmpty, "Enter a telephone number, or choose another way for us to contact you")
            case .letter:
                validation.check("address_line1", addressGiven, "Enter your address, or choose another way for us to contact you")
            case .email:
                break
            }
        } else {
            validation.add("preferred_channel", "Select how you would like us to contact you")
        }

        let language = form["language"]
        if validation.required("language", language, "Enter the language you would like us to use") {
            validation.maximumLength("language", language, Self.maximumTextLength, "Language must be \(Self.maximumTextLength) characters or fewer")
        }
        customer.language = language

        let supports = Set(form.all("needs").compactMap(CommunicationNeeds.Support.init(rawValue:)))
        let interpreterLanguage = form["interpreter_language"], other = form["needs_other"]
        if supports.contains(.interpreter) {
            validation.required("interpreter_language", interpreterLanguage, "Enter the language the interpreter should speak")
        }
        validation.maximumLength("needs_other", other, 1000, "Other needs must be 1000 characters or fewer")
        customer.needs = CommunicationNeeds(supports: supports, interpreterLanguage: interpreterLanguage, other: other)

        self.customer = customer
        self.consents = ConsentChoices.read(form)
        self.validation = validation
    }
}
