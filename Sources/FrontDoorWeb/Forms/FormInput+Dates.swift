import FrontDoorDomain

extension FormInput {
    /// The date typed into the GOV.UK date input `id` (boxes `id-day`, `id-month`, `id-year`);
    /// nil when it is not a real date.
    func localDate(_ id: String) -> LocalDate? {
        guard let day = Int(self["\(id)-day"].trimmingCharacters(in: .whitespaces)),
              let month = Int(self["\(id)-month"].trimmingCharacters(in: .whitespaces)),
              let year = Int(self["\(id)-year"].trimmingCharacters(in: .whitespaces)), (1900...2200).contains(year) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Whether all three boxes of the date input `id` were left empty.
    func isBlankDate(_ id: String) -> Bool {
        ["day", "month", "year"].allSatisfy { self["\(id)-\($0)"].trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// What was typed into the date input `id`, to show it again with an error.
    func typedDate(_ id: String) -> (day: String, month: String, year: String) {
        (self["\(id)-day"], self["\(id)-month"], self["\(id)-year"])
    }
}
