/// Failures opening the database, phrased for the operator who must fix them.
public enum DatabaseOpenError: Error, CustomStringConvertible {
    case unreachable(location: String, reason: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpenFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreachable(let location, let reason):
            "cannot connect to the \(location) named in DATABASE_URL: \(reason)"
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder \(path) for the SQLite database: \(reason)"
        case .cannotOpenFile(let path, let reason):
            "cannot open the SQLite database file \(path): \(reason)"
        }
    }
}
