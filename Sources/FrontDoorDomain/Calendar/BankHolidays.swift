import Foundation

/// Each nation's bank holidays, read from a file in GOV.UK's bank-holidays format (the feed at
/// gov.uk/bank-holidays.json): divisions named england-and-wales, scotland and northern-ireland,
/// each with events of a date and a title.
public struct BankHolidays: Sendable, Equatable {
    public struct Holiday: Sendable, Equatable {
        public var date: LocalDate
        public var title: String
    }

    public private(set) var holidays: [Nation: [Holiday]]

    public init(holidays: [Nation: [Holiday]]) {
        self.holidays = holidays
    }

    /// Why a file cannot be used, in words an administrator can act on.
    public struct FileProblem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    struct File: Decodable {
        struct Division: Decodable {
            struct Event: Decodable {
                var title: String
                var date: String
            }

            var events: [Event]
        }
    }

    /// Reads GOV.UK's format; every nation must be present, and every date real and on a weekday.
    public init(govUKJSON data: Data) throws(FileProblem) {
        let file: [String: File.Division]
        do {
            file = try JSONDecoder().decode([String: File.Division].self, from: data)
        } catch {
            throw FileProblem(description: "the file is not in GOV.UK's bank-holidays format (JSON with england-and-wales, scotland and northern-ireland)")
        }
        var holidays: [Nation: [Holiday]] = [:]
        for nation in Nation.allCases {
            guard let division = file[nation.rawValue] else {
                throw FileProblem(description: "the file has no \(nation.rawValue) holidays")
            }
            var list: [Holiday] = []
            for event in division.events {
                guard let date = LocalDate(event.date) else {
                    throw FileProblem(description: "\(nation.rawValue): \"\(event.date)\" is not a date (YYYY-MM-DD)")
                }
                guard !date.isWeekend else {
                    throw FileProblem(description: "\(nation.rawValue): \(event.date) (\(event.title)) falls at a weekend")
                }
                list.append(Holiday(date: date, title: event.title))
            }
            holidays[nation] = list.sorted { $0.date < $1.date }
        }
        self.holidays = holidays
    }

    /// The dates a council in `nation` does not work for a bank holiday.
    public func dates(for nation: Nation) -> Set<LocalDate> {
        Set((holidays[nation] ?? []).map(\.date))
    }

    /// Every nation's bank holidays together: the rule for information requests, whose deadline
    /// does not depend on where in the UK the request was made.
    public var unionOfAllNations: Set<LocalDate> {
        Set(holidays.values.flatMap { $0.map(\.date) })
    }

    /// The last year the file covers for every nation: after it, deadlines would silently miss holidays.
    public var coveredThrough: Int? {
        Nation.allCases.compactMap { holidays[$0]?.last?.date.year }.min()
    }
}
