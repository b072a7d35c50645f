import Testing
@testable import LabReports

@Suite struct CPUChartTests {
    @Test(arguments: [(0.33, 0.5), (0.9, 1.0), (1.0, 1.0), (1.7, 2.0), (3.0, 5.0), (23.0, 50.0)])
    func stepsAreRound(raw: Double, step: Double) {
        #expect(CPUChart.niceStep(raw) == step)
    }

    @Test func axisEndsOnATick() {
        #expect(CPUChart.niceCeiling(1.38) == 1.5)
        #expect(CPUChart.niceCeiling(3) == 3)
        #expect(CPUChart.niceCeiling(0) == 1)
    }

    @Test func emptySamplesSayso() {
        let m = CPUMeasurement(container: "c<1>", window: 3, expectLow: nil, expectHigh: 2, samples: [], meanCores: 0)
        let svg = CPUChart.svg(m, id: "x")
        #expect(svg.contains(">no samples</text>"))
        #expect(svg.contains("container c&lt;1&gt;"))
        #expect(svg.contains("<rect class=\"band\""))
        #expect(CPUChart.bandText(m) == "at most 2 cores")
    }
}
