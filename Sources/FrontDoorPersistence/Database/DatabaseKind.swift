/// The two SQL dialects FrontDoor speaks. Code that must differ by dialect switches on this
/// in one place per feature (see `SchemaTypes` for column types).
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres
}
