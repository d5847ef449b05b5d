extension FormSubmission {
    /// The names a question's answer is sent under (a date's three boxes, an address's lines).
    public static func inputNames(of field: FieldDefinition) -> [String] {
        let id = field.id
        switch field.kind {
        case .date: return [id + "-day", id + "-month", id + "-year"]
        case .address: return [id + "-line1", id + "-line2", id + "-town", id + "-postcode", id + "-uprn"]
        case .mapLocation: return [id + "-latitude", id + "-longitude", id + "-description"]
        case .fileUpload: return [id + "-name", id + "-size", id + "-type", id + "-attachment"]
        default: return [id]
        }
    }

    /// This submission with one question's inputs replaced by those in `page`: an answer sent
    /// from a question page replaces the whole of that question's earlier answer, including
    /// boxes left empty this time.
    public func replacing(_ field: FieldDefinition, from page: FormSubmission) -> FormSubmission {
        var values = self.values
        for name in Self.inputNames(of: field) {
            values[name] = page.values[name] ?? []
        }
        return FormSubmission(values.filter { !$0.value.isEmpty })
    }

    /// Only the inputs of `fields`: what is kept when a form is submitted (answers to questions
    /// that stopped being asked, or to no question at all, are dropped).
    public func keeping(_ fields: [FieldDefinition]) -> FormSubmission {
        let names = Set(fields.flatMap(Self.inputNames))
        return FormSubmission(values.filter { names.contains($0.key) })
    }
}
