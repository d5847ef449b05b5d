import Foundation
import FrontDoorDomain
import Testing

/// "N working days from receipt", worked out by hand from the official bank holiday dates
/// (GOV.UK's file, shipped with the product) and checked independently.
@Suite("Working days: deadlines by hand-worked vectors")
struct WorkingDayVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var nation: String
        var received: String
        var workingDays: Int
        var due: String
        var reason: String

        init(_ nation: String, _ received: String, _ workingDays: Int, _ due: String, _ reason: String) {
            (self.nation, self.received, self.workingDays, self.due, self.reason) = (nation, received, workingDays, due, reason)
        }

        var testDescription: String { "\(nation) \(received) + \(workingDays) → \(due) (\(reason))" }
    }

    static let vectors: [Vector] = [
        .init("england-and-wales", "2023-01-09 10:00", 1, "2023-01-10", "Mon before cut-off; eff Mon 9, day 1 Tue 10"),
        .init("england-and-wales", "2023-01-13 18:00", 1, "2023-01-17", "Fri after cut-off; eff Mon 16, day 1 Tue 17"),
        .init("england-and-wales", "2023-01-13 17:00", 1, "2023-01-17", "exactly 17:00 counts as after cut-off; eff Mon 16"),
        .init("england-and-wales", "2023-01-13 16:59", 1, "2023-01-16", "one minute before cut-off; eff Fri 13, day 1 Mon 16"),
        .init("england-and-wales", "2023-01-14 09:00", 1, "2023-01-17", "Saturday receipt; eff Mon 16"),
        .init("england-and-wales", "2023-01-15 12:00", 5, "2023-01-23", "Sunday receipt; eff Mon 16; Tue17..Fri20 = 1–4, Mon 23 = 5"),
        .init("england-and-wales", "2021-12-24 10:00", 1, "2021-12-29", "25/26 Dec at weekend: subs Mon 27 + Tue 28 skipped"),
        .init("england-and-wales", "2021-12-24 17:30", 1, "2021-12-30", "after cut-off; eff Wed 29 (27/28 subs), day 1 Thu 30"),
        .init("england-and-wales", "2021-12-23 12:00", 5, "2022-01-04", "Fri24, Wed29, Thu30, Fri31 = 1–4; Mon 3 Jan NYD sub; Tue 4 = 5"),
        .init("england-and-wales", "2021-12-31 09:00", 1, "2022-01-04", "1 Jan 2022 Sat: NYD sub Mon 3 Jan"),
        .init("scotland", "2021-12-31 09:00", 1, "2022-01-05", "Scotland: NYD sub Mon 3 + 2nd January sub Tue 4"),
        .init("northern-ireland", "2021-12-31 09:00", 1, "2022-01-04", "NI: only NYD sub Mon 3 Jan"),
        .init("all", "2021-12-31 09:00", 1, "2022-01-05", "union includes Scotland's Tue 4 Jan"),
        .init("england-and-wales", "2022-12-23 16:00", 3, "2022-12-30", "Boxing Mon 26, Christmas sub Tue 27; Wed28 Thu29 Fri30"),
        .init("scotland", "2022-12-30 12:00", 2, "2023-01-05", "1 Jan 2023 Sun: NYD sub Mon 2, 2nd January sub Tue 3; Wed4 Thu5"),
        .init("england-and-wales", "2022-12-25 10:00", 1, "2022-12-29", "Christmas Day (Sun) receipt; 26, 27 hols; eff Wed 28, day 1 Thu 29"),
        .init("england-and-wales", "2027-12-24 11:00", 1, "2027-12-29", "2027: Christmas sub Mon 27, Boxing sub Tue 28"),
        .init("scotland", "2027-12-24 17:05", 4, "2028-01-06", "eff Wed 29; Thu30 Fri31 = 1–2; Mon 3 NYD sub, Tue 4 2nd Jan sub; Wed5 Thu6 = 3–4"),
        .init("northern-ireland", "2027-12-24 17:05", 4, "2028-01-05", "eff Wed 29; Thu30 Fri31; Mon 3 Jan NYD sub; Tue4 Wed5"),
        .init("scotland", "2026-12-31 10:00", 1, "2027-01-05", "Fri 1 Jan hol; 2 Jan Sat so 2nd January sub Mon 4; Tue 5"),
        .init("england-and-wales", "2026-12-31 10:00", 1, "2027-01-04", "E&W: Fri 1 Jan hol only; Mon 4"),
        .init("england-and-wales", "2026-12-24 16:59", 2, "2026-12-30", "Christmas Fri 25, Boxing sub Mon 28; Tue29 Wed30"),
        .init("england-and-wales", "2024-03-28 18:00", 1, "2024-04-03", "after cut-off Thu; Good Fri 29 + Easter Mon 1 Apr; eff Tue 2; spans BST start 31 Mar"),
        .init("scotland", "2024-03-28 18:00", 1, "2024-04-02", "Scotland: Good Friday only; eff Mon 1 Apr; day 1 Tue 2"),
        .init("england-and-wales", "2024-03-29 10:00", 3, "2024-04-05", "received on Good Friday (clock-change weekend); eff Tue 2 Apr; Wed3 Thu4 Fri5"),
        .init("scotland", "2024-03-29 10:00", 3, "2024-04-04", "Good Friday receipt; Easter Monday is a working day in Scotland; eff Mon 1 Apr"),
        .init("northern-ireland", "2024-03-29 10:00", 3, "2024-04-05", "NI has Good Friday and Easter Monday; eff Tue 2 Apr"),
        .init("england-and-wales", "2025-04-17 09:30", 2, "2025-04-23", "Good Fri 18 + Easter Mon 21 skipped; Tue22 Wed23"),
        .init("scotland", "2025-04-17 09:30", 2, "2025-04-22", "Scotland: only Good Fri 18; Mon21 Tue22"),
        .init("all", "2025-04-17 09:30", 2, "2025-04-23", "union has 18 and 21 Apr"),
        .init("england-and-wales", "2025-05-02 17:00", 1, "2025-05-07", "cut-off Fri; Early May Mon 5; eff Tue 6, day 1 Wed 7"),
        .init("england-and-wales", "2026-05-22 12:00", 1, "2026-05-26", "Spring bank holiday Mon 25 May"),
        .init("scotland", "2026-07-31 12:00", 1, "2026-08-04", "Scottish Summer bank holiday = first Mon of Aug (3 Aug)"),
        .init("england-and-wales", "2026-07-31 12:00", 1, "2026-08-03", "3 Aug is a working day in E&W"),
        .init("england-and-wales", "2026-08-28 12:00", 1, "2026-09-01", "E&W Summer bank holiday = last Mon of Aug (31 Aug)"),
        .init("scotland", "2026-08-28 12:00", 1, "2026-08-31", "31 Aug is a working day in Scotland"),
        .init("all", "2026-07-31 12:00", 20, "2026-09-01", "union skips 3 Aug (Scot) and 31 Aug (E&W/NI); 20 working days (FOI-style)"),
        .init("all", "2026-08-28 12:00", 1, "2026-09-01", "union: Mon 31 Aug hol"),
        .init("scotland", "2025-12-31 16:00", 1, "2026-01-05", "Thu 1 Jan + Fri 2 Jan (2nd January) hols; Mon 5"),
        .init("england-and-wales", "2025-12-31 16:00", 1, "2026-01-02", "2 Jan is a working day in E&W"),
        .init("scotland", "2024-11-29 12:00", 1, "2024-12-03", "St Andrew's Day Sat 30 Nov: sub Mon 2 Dec"),
        .init("england-and-wales", "2024-11-29 12:00", 1, "2024-12-02", "no St Andrew's Day in E&W"),
        .init("scotland", "2023-11-29 15:00", 1, "2023-12-01", "St Andrew's Day Thu 30 Nov 2023"),
        .init("scotland", "2025-11-28 17:30", 1, "2025-12-03", "after cut-off Fri; St Andrew's sub Mon 1 Dec; eff Tue 2, day 1 Wed 3"),
        .init("scotland", "2019-11-29 12:00", 1, "2019-12-03", "St Andrew's Day Sat 30 Nov 2019: sub Mon 2 Dec"),
        .init("scotland", "2024-11-08 09:00", 20, "2024-12-09", "20 days skipping St Andrew's sub Mon 2 Dec"),
        .init("england-and-wales", "2024-11-08 09:00", 20, "2024-12-06", "same receipt in E&W: 2 Dec is a working day"),
        .init("all", "2024-11-29 12:00", 3, "2024-12-05", "union: Mon 2 Dec (Scot) skipped; Tue3 Wed4 Thu5"),
        .init("northern-ireland", "2024-03-15 11:00", 1, "2024-03-19", "St Patrick's Day Sun 17 Mar: sub Mon 18"),
        .init("england-and-wales", "2024-03-15 11:00", 1, "2024-03-18", "no St Patrick's Day in E&W"),
        .init("northern-ireland", "2026-03-16 12:00", 2, "2026-03-19", "St Patrick's Day Tue 17 Mar 2026; Wed18 Thu19"),
        .init("northern-ireland", "2024-03-15 11:00", 20, "2024-04-17", "skips 18 Mar (sub), Good Fri 29 Mar, Easter Mon 1 Apr; spans BST start"),
        .init("northern-ireland", "2018-03-16 12:00", 1, "2018-03-20", "St Patrick's Day Sat 17 Mar 2018: sub Mon 19"),
        .init("all", "2024-03-15 17:45", 1, "2024-03-20", "after cut-off; union has NI sub Mon 18; eff Tue 19, day 1 Wed 20"),
        .init("northern-ireland", "2025-07-11 10:00", 1, "2025-07-15", "Orangemen's Day Sat 12 Jul 2025: sub Mon 14"),
        .init("england-and-wales", "2025-07-11 10:00", 1, "2025-07-14", "14 Jul is a working day in E&W"),
        .init("northern-ireland", "2026-07-10 17:15", 1, "2026-07-15", "after cut-off; 12 Jul 2026 Sun: sub Mon 13; eff Tue 14, day 1 Wed 15"),
        .init("northern-ireland", "2024-07-11 16:00", 1, "2024-07-15", "Orangemen's Day Fri 12 Jul 2024"),
        .init("northern-ireland", "2020-07-10 09:00", 1, "2020-07-14", "12 Jul 2020 Sun: sub Mon 13"),
        .init("all", "2025-07-11 10:00", 1, "2025-07-15", "union includes NI sub Mon 14 Jul"),
        .init("england-and-wales", "2022-06-01 10:00", 1, "2022-06-06", "moved Spring bank hol Thu 2 Jun + Platinum Jubilee Fri 3 Jun"),
        .init("scotland", "2022-05-27 12:00", 5, "2022-06-07", "30 May 2022 is a working day (Spring hol moved); Mon30 Tue31 Wed1, [2, 3 hols], Mon6 Tue7"),
        .init("england-and-wales", "2022-09-16 17:00", 1, "2022-09-21", "at cut-off Fri; Queen's state funeral Mon 19 Sep; eff Tue 20, day 1 Wed 21"),
        .init("northern-ireland", "2022-09-16 12:00", 20, "2022-10-17", "20 days skipping state funeral Mon 19 Sep"),
        .init("england-and-wales", "2023-05-05 12:00", 1, "2023-05-09", "Coronation bank holiday Mon 8 May 2023"),
        .init("england-and-wales", "2023-04-28 12:00", 5, "2023-05-09", "Early May Mon 1 and Coronation Mon 8 both skipped"),
        .init("england-and-wales", "2020-05-07 12:00", 1, "2020-05-11", "Early May moved to Fri 8 May 2020 (VE day)"),
        .init("england-and-wales", "2020-05-01 12:00", 1, "2020-05-04", "Mon 4 May 2020 is a working day (Early May moved)"),
        .init("england-and-wales", "2024-08-25 09:00", 1, "2024-08-28", "Sunday receipt before Summer bank hol Mon 26; eff Tue 27"),
        .init("england-and-wales", "2024-10-27 01:30", 1, "2024-10-29", "Sun 01:30 at BST end (time occurs twice); eff Mon 28"),
        .init("england-and-wales", "2024-10-25 17:00", 20, "2024-11-25", "at cut-off Fri before clocks go back; eff Mon 28 Oct; 20 days"),
        .init("england-and-wales", "2022-12-09 10:00", 20, "2023-01-11", "FOI over Christmas: skips 26, 27 Dec and 2 Jan"),
        .init("scotland", "2022-12-09 10:00", 20, "2023-01-12", "also skips 3 Jan (2nd January sub)"),
        .init("all", "2022-12-09 10:00", 20, "2023-01-12", "union equals Scotland's set here"),
        .init("england-and-wales", "2028-04-13 12:00", 1, "2028-04-18", "2028 (rules-derived): Good Fri 14 + Easter Mon 17 Apr"),
        .init("scotland", "2028-04-13 12:00", 1, "2028-04-17", "2028 Scotland: Good Friday only"),
    ]

    /// UK local time ("2023-01-13 17:00") as an instant.
    static func ukTime(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let date = LocalDate(String(parts[0]))!
        let time = parts[1].split(separator: ":").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: time[0], minute: time[1]))!
    }

    @Test("Each vector's due date", arguments: vectors)
    func vector(_ vector: Vector) throws {
        let holidays = try ShippedBankHolidays.load()
        let calendar = vector.nation == "all" ? WorkingDayCalendar.allNations(holidays)
            : WorkingDayCalendar.council(nation: Nation(rawValue: vector.nation)!, bankHolidays: holidays)
        let received = Self.ukTime(vector.received)
        let due = DeadlineRules(calendar: calendar).dueDate(workingDays: vector.workingDays, receivedAt: received, now: received)
        #expect(due.description == vector.due)
    }

    @Test("There are enough vectors, over every nation and the union")
    func coverage() {
        #expect(Self.vectors.count >= 40)
        #expect(Set(Self.vectors.map(\.nation)) == ["england-and-wales", "scotland", "northern-ireland", "all"])
    }
}
