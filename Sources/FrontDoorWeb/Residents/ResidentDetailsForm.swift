import FrontDoorDomain

/// The "Your details" form: reads what was typed into a customer's details and consents, with a
/// GOV.UK error message for each field that is wrong. Nothing is saved unless it is all right.
struct ResidentDetailsForm {
    static let maximumTextLength = 200

    /// The customer as the form would leave them, when valid.
    var customer: Customer
    var consents: Set<ConsentPurpose>
    var validation: FormValidation

    init(_ form: FormInput, applyingTo current: Customer, language: SiteLanguage = .english) {
        var validation = FormValidation()
        var customer = current

        let name = form["name"]
        if validation.required("name", name, L("acct_enter_full_name", language)) {
            validation.maximumLength("name", name, Self.maximumTextLength, L("acct_full_name_long", language, ["count": String(Self.maximumTextLength)]))
        }
        customer.name = name

        let phone = form["phone"]
        validation.check("phone", phone.isEmpty || PhoneNumberRule.isPlausible(phone),
                         L("acct_phone_format", language))
        customer.phone = phone

        let line1 = form["address_line1"], line2 = form["address_line2"], town = form["address_town"], postcodeText = form["address_postcode"]
        let addressGiven = ![line1, line2, town, postcodeText].allSatisfy(\.isEmpty)
        if addressGiven {
            validation.required("address_line1", line1, L("acct_enter_line1", language))
            validation.required("address_town", town, L("acct_enter_town", language))
            if validation.required("address_postcode", postcodeText, L("acct_enter_postcode", language)) {
                validation.check("address_postcode", Postcode(postcodeText) != nil, L("acct_real_postcode", language))
            }
            for (field, value) in [("address_line1", line1), ("address_line2", line2), ("address_town", town)] {
                validation.maximumLength(field, value, Self.maximumTextLength, L("acct_address_long", language, ["count": String(Self.maximumTextLength)]))
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
                validation.check("phone", !phone.isEmpty, L("acct_phone_or_other", language))
            case .letter:
                validation.check("address_line1", addressGiven, L("acct_address_or_other", language))
            case .email:
                break
            }
        } else {
            validation.add("preferred_channel", L("acct_select_contact", language))
        }

        let spoken = form["language"]
        if validation.required("language", spoken, L("acct_enter_language", language)) {
            validation.maximumLength("language", spoken, Self.maximumTextLength, L("acct_language_long", language, ["count": String(Self.maximumTextLength)]))
        }
        customer.language = spoken

        let supports = Set(form.all("needs").compactMap(CommunicationNeeds.Support.init(rawValue:)))
        let interpreterLanguage = form["interpreter_language"], other = form["needs_other"]
        if supports.contains(.interpreter) {
            validation.required("interpreter_language", interpreterLanguage, L("acct_enter_interpreter", language))
        }
        validation.maximumLength("needs_other", other, 1000, L("acct_other_needs_long", language))
        customer.needs = CommunicationNeeds(supports: supports, interpreterLanguage: interpreterLanguage, other: other)

        self.customer = customer
        self.consents = ConsentChoices.read(form)
        self.validation = validation
    }
}
