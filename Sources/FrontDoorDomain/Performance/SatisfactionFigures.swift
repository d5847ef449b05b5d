/// What residents said: ratings of finished requests (1 to 5) and answers to "Is this page
/// useful?". Satisfied means a rating of 4 or 5, as the GOV.UK satisfaction scale reads.
public struct SatisfactionFigures: Sendable, Equatable {
    /// Ratings given, by score.
    public var ratings: [Int: Int]
    public var pagesUseful: Int
    public var pagesNotUseful: Int

    public init(ratings: [Int: Int], pagesUseful: Int, pagesNotUseful: Int) {
        self.ratings = ratings.filter { CaseRating.scores.contains($0.key) }
        self.pagesUseful = pagesUseful
        self.pagesNotUseful = pagesNotUseful
    }

    public var rated: Int { ratings.values.reduce(0, +) }
    public var satisfied: Int { (ratings[4] ?? 0) + (ratings[5] ?? 0) }
    public var satisfiedPercentage: Double? { Percentage.of(satisfied, rated) }

    /// The mean score out of 5; nil without ratings.
    public var averageScore: Double? {
        rated == 0 ? nil : Double(ratings.reduce(0) { $0 + $1.key * $1.value }) / Double(rated)
    }

    public var pagesAnswered: Int { pagesUseful + pagesNotUseful }
    public var pagesUsefulPercentage: Double? { Percentage.of(pagesUseful, pagesAnswered) }
}
