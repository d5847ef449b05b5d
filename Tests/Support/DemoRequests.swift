import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Sends a demo street light report for Margaret Okafor the way the form journey does (draft,
/// answers, check, submission and case in one transaction) and returns the case it opened.
public func sendStreetLightReport(_ database: Database, at now: Date = Date(),
                                  answers: [String: [String]] = ["location-latitude": ["52.2119"], "location-longitude": ["-0.9913"],
                                                                 "fault": ["out"]]) async throws -> Case? {
    try await sendDemoForm(database, code: "street-light", answers: answers, at: now)
}

/// Sends the demo service `code`'s form for Margaret Okafor, as the form journey does, under the
/// demo council's rules (England and Wales bank holidays, no closures), and returns the case.
public func sendDemoForm(_ database: Database, code: String, answers: [String: [String]], at now: Date = Date()) async throws -> Case? {
    let service = try unwrap(try await ServiceRepository(database: database)
        .find(code: ServiceCode(code)!, councilID: DemoCouncil.council.id), "the \(code) service")
    let form = try unwrap(try await ServiceFormRepository(database: database).latest(of: service.id), "the \(code) form")
    let drafts = FormDraftRepository(database: database)
    let draft = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                       filler: .resident(customerID: DemoCouncil.customers[0].id), channel: .online, at: now)
    try await drafts.saveAnswers(FormSubmission(answers), draftID: draft.id, at: now)
    let saved = try unwrap(try await drafts.find(id: draft.id), "the draft")
    let rules = CaseRules.council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load(), closures: [], settings: .standard).intake
    return try await drafts.submit(saved, answers: form.check(saved.answers), asked: FormJourney(form: form, submission: saved.answers).questions,
                                   at: now, then: { submitted, db in
        try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules, customerName: "Margaret Okafor",
                                      submittedByName: nil, on: db)
    })?.1
}
