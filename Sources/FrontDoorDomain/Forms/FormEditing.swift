/// Changes a forms officer makes to a form, one at a time. Each gives the fields of the next
/// version; whether that version is sound is `FormDefinition.problems`' business.
extension FormDefinition {
    /// The fields with `field` in place of question `id` (keeping its position), or added at the end when `id` is nil.
    public func replacing(_ id: String?, with field: FieldDefinition) -> [FieldDefinition] {
        guard let id, let index = fields.firstIndex(where: { $0.id == id }) else { return fields + [field] }
        var changed = fields
        changed[index] = field
        return changed
    }

    /// The fields with question `id` moved one place up (`-1`) or down (`1`); unchanged at either end.
    public func moving(_ id: String, by offset: Int) -> [FieldDefinition] {
        guard let index = fields.firstIndex(where: { $0.id == id }), fields.indices.contains(index + offset) else { return fields }
        var changed = fields
        changed.swapAt(index, index + offset)
        return changed
    }

    /// The questions whose condition depends on question `id`: it cannot go while they need it.
    public func dependents(of id: String) -> [FieldDefinition] {
        fields.filter { $0.condition?.fieldID == id }
    }

    public func removing(_ id: String) -> [FieldDefinition] {
        fields.filter { $0.id != id }
    }
}
