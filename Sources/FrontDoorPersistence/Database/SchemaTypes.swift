import SQLKit

/// Column types where SQLite and PostgreSQL differ, chosen in this one place.
///
/// - UUID: PostgreSQL's native `uuid`; SQLite has no such type, and a `UUID` declaration
///   there gets NUMERIC affinity, which keeps the driver's encoding (the id's text) unchanged.
/// - Timestamps: `timestamptz` on PostgreSQL; SQLite stores the driver's encoding of `Date`
///   (seconds since 1970 as a real), which sorts and compares correctly.
/// - Booleans: PostgreSQL's `boolean`; SQLite stores 0 and 1 in an INTEGER.
enum SchemaTypes {
    static func uuid(_ kind: DatabaseKind) -> SQLDataType {
        .custom(SQLRaw("UUID"))
    }

    static func timestamp(_ kind: DatabaseKind) -> SQLDataType {
        switch kind {
        case .postgres: .custom(SQLRaw("TIMESTAMPTZ"))
        case .sqlite: .custom(SQLRaw("REAL"))
        }
    }

    static func boolean(_ kind: DatabaseKind) -> SQLDataType {
        switch kind {
        case .postgres: .custom(SQLRaw("BOOLEAN"))
        case .sqlite: .int
        }
    }
}

