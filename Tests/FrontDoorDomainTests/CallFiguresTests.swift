import FrontDoorDomain
import Testing

@Suite("Call figures: offered, answered, abandoned and the average wait")
struct CallFiguresTests {
    typealias Call = CallFigures.Call

    static func answered(waiting seconds: Int?) -> Call { Call(answered: true, ended: true, waitSeconds: seconds) }
    static let abandoned = Call(answered: false, ended: true, waitSeconds: nil)
    static let ringing = Call(answered: false, ended: false, waitSeconds: nil)

    @Test("A morning's calls give the figures worked out by hand")
    func morning() throws {
        // Ten calls: six answered after 10, 20, 30, 40, 50 and 90 seconds (mean 40), three
        // abandoned, one still ringing.
        let calls = [10, 20, 30, 40, 50, 90].map { Self.answered(waiting: $0) } + [Self.abandoned, Self.abandoned, Self.abandoned, Self.ringing]
        let figures = CallFigures(calls)
        #expect(figures.offered == 10)
        #expect(figures.answered == 6)
        #expect(figures.abandoned == 3)
        #expect(figures.averageWaitSeconds == 40)
        #expect(try #require(figures.abandonmentRate) == 0.3)
    }

    @Test("With no calls there is nothing to average and no rate")
    func noCalls() {
        let figures = CallFigures([])
        #expect(figures.offered == 0 && figures.answered == 0 && figures.abandoned == 0)
        #expect(figures.averageWaitSeconds == nil)
        #expect(figures.abandonmentRate == nil)
    }

    // A call still ringing may yet be answered, so it is neither answered nor abandoned.
    @Test("Calls still ringing count as offered and nothing else")
    func ringingOnlyOffered() {
        let figures = CallFigures([Self.ringing, Self.ringing])
        #expect(figures.offered == 2 && figures.answered == 0 && figures.abandoned == 0)
        #expect(figures.abandonmentRate == 0)
    }

    // An answered call still in progress has not ended, but was answered, so is not abandoned.
    @Test("An answered call still in progress counts as answered")
    func answeredInProgress() {
        let figures = CallFigures([Call(answered: true, ended: false, waitSeconds: 12)])
        #expect(figures.answered == 1 && figures.abandoned == 0)
        #expect(figures.averageWaitSeconds == 12)
    }

    @Test("Answered calls that did not report a wait are left out of the average, not counted as zero")
    func missingWaitLeftOut() {
        let figures = CallFigures([Self.answered(waiting: 30), Self.answered(waiting: nil), Self.answered(waiting: 60)])
        #expect(figures.answered == 3)
        #expect(figures.averageWaitSeconds == 45)
    }

    @Test("When no answered call reported a wait there is no average")
    func noWaitsNoAverage() {
        #expect(CallFigures([Self.answered(waiting: nil), Self.abandoned]).averageWaitSeconds == nil)
    }

    // The average is the wait of answered calls; how long abandoned callers held on is another figure.
    @Test("Waits on abandoned calls do not count towards the average")
    func abandonedWaitsLeftOut() {
        let figures = CallFigures([Self.answered(waiting: 20), Call(answered: false, ended: true, waitSeconds: 600)])
        #expect(figures.averageWaitSeconds == 20)
    }

    @Test("The average keeps its fraction")
    func fractionalAverage() {
        #expect(CallFigures([Self.answered(waiting: 1), Self.answered(waiting: 2)]).averageWaitSeconds == 1.5)
    }

    @Test("The abandonment rate is abandoned calls over calls offered",
          arguments: [([abandoned], 1.0), ([abandoned, answered(waiting: 5)], 0.5), ([answered(waiting: 5), ringing, ringing, abandoned], 0.25)])
    func abandonmentRate(calls: [Call], expected: Double) {
        #expect(CallFigures(calls).abandonmentRate == expected)
    }
}
