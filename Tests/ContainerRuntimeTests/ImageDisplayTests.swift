import Foundation
import Testing
@testable import ContainerRuntime

@Suite struct ImageDisplayTests {
    @Test(arguments: [
        (0.4, "Less than a second"), (1, "1 second"), (11, "11 seconds"), (59, "59 seconds"),
        (60, "About a minute"), (119, "About a minute"), (120, "2 minutes"), (3599, "59 minutes"),
        (3600, "About an hour"), (5400, "2 hours"), (47 * 3600, "47 hours"), (48 * 3600, "2 days"),
        (14 * 86400, "2 weeks"), (60 * 86400, "2 months"), (2 * 365 * 86400, "2 years"),
    ] as [(Double, String)])
    func humanDuration(_ seconds: Double, _ expected: String) {
        #expect(ImageDisplay.humanDuration(seconds) == expected)
    }

    /// An image's `created` comes from its config: any date, however far, prints without a trap.
    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, 1e300, -1e300, 9.3e18])
    func humanDurationOfAnyIntervalDoesNotTrap(_ seconds: Double) {
        #expect(!ImageDisplay.humanDuration(seconds).isEmpty)
        let far = ImageDates.parse("9999-12-31T23:59:59." + String(repeating: "9", count: 5000) + "Z")
        #expect(far != nil)
        #expect(ImageDisplay.createdSince(far ?? Date()).hasSuffix(" ago"))
    }

    @Test func createdSince() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(ImageDisplay.createdSince(now.addingTimeInterval(-11), now: now) == "11 seconds ago")
        #expect(ImageDisplay.createdSince(now.addingTimeInterval(-150), now: now) == "2 minutes ago")
    }

    @Test(arguments: [
        (Int64(0), "0B"), (999, "999B"), (1000, "1kB"), (4_261_000, "4.26MB"), (139_400_000, "139MB"),
        (880_123, "880kB"), (1_500_000_000, "1.5GB"), (999_600, "1e+03kB"),
    ])
    func humanSize(_ bytes: Int64, _ expected: String) {
        #expect(ImageDisplay.humanSize(bytes) == expected)
    }

    @Test func shortID() {
        #expect(ImageDisplay.shortID("sha256:0123456789abcdef0123") == "0123456789ab")
    }
}
