import Testing
@testable import LabReports
import LabResults

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

@Suite struct CPUChartLabelTests {
    @Test func bandLabelSitsAboveANarrowBandWithItsRange() throws {
        let samples = (0..<24).map { CPUSample(t: 0.6 + Double($0) * 0.1, cores: 0.5) }
        let m = CPUMeasurement(container: "c", window: 3, expectLow: 0.4, expectHigh: 0.6, samples: samples, meanCores: 0.5)
        let svg = CPUChart.svg(m, id: "x")
        // yMax = 1.5 (the 1-core floor × 1.15, rounded up); the band's top, 0.6 cores, is at
        // y = 12 + 178 × (1 − 0.6 / 1.5) = 118.8; the label 4 units above it.
        #expect(svg.contains(#"<text class="band-label" x="50.0" y="114.8">expected 0.4–0.6</text>"#))
    }

    @Test func bandLabelGoesInsideWhenTheBandReachesTheTop() {
        let m = CPUMeasurement(container: "c", window: 3, expectLow: 1, expectHigh: nil, samples: [], meanCores: 0)
        let svg = CPUChart.svg(m, id: "x")
        #expect(svg.contains(#"<text class="band-label" x="50.0" y="25.0">expected ≥ 1</text>"#))
    }

    @Test func measuredCommandSaysItWasStopped() {
        let html = HTMLReport.card(SampleResults.burn, anchor: "a")
        #expect(html.contains("stopped at the end of the window"))
        #expect(!html.contains("no exit status"))
    }
}
