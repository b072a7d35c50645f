import Testing
@testable import ContainerRuntime

struct NameGeneratorTests {
    @Test func theListsAreDockersFullListsAndMakeValidNames() throws {
        #expect(NameGenerator.left.count == 108)
        #expect(NameGenerator.right.count == 236)
        #expect(Set(NameGenerator.left).count == 108 && Set(NameGenerator.right).count == 236, "no duplicates")
        #expect(NameGenerator.left.first == "admiring" && NameGenerator.left.last == "zen")
        #expect(NameGenerator.right.first == "agnesi" && NameGenerator.right.contains("wozniak"))
        for w in NameGenerator.left + NameGenerator.right {
            #expect(!w.isEmpty && w.unicodeScalars.allSatisfy { $0.value >= 0x61 && $0.value <= 0x7a }, "\(w)")
        }
        var g = SystemRandomNumberGenerator()
        let name = NameGenerator.candidate(retry: 3, using: &g)
        #expect(try Runtime.validName(name) == name)
    }

    @Test func boringWozniakIsNeverProduced() throws {
        let boring = try #require(NameGenerator.left.firstIndex(of: "boring"))
        let wozniak = try #require(NameGenerator.right.firstIndex(of: "wozniak"))
        let l = NameGenerator.left.count, r = NameGenerator.right.count
        var g = ScriptedRandom([(boring, l), (wozniak, r), (boring, l), (0, r)])
        #expect(NameGenerator.candidate(retry: 0, using: &g) == "boring_agnesi")
    }

    @Test func aRetryGetsADigitAsDockersDoes() {
        var g = ScriptedRandom([(1, 108), (1, 236), (7, 10)])
        #expect(NameGenerator.candidate(retry: 1, using: &g) == "adoring_albattani7")
    }

    @Test func aTakenNameIsNeverPickedEvenWhenEveryPairIsTaken() {
        let id = String(repeating: "ab", count: 32)
        var taken = Set<String>()
        for l in NameGenerator.left { for r in NameGenerator.right {
            taken.insert(l + "_" + r)
            for d in 0...9 { taken.insert(l + "_" + r + String(d)) }
        } }
        var g = SystemRandomNumberGenerator()
        #expect(NameGenerator.pick(taken: taken, id: id, using: &g) == "abababababab", "Docker's fallback: the short id")
        taken.insert("abababababab")
        taken.insert("abababababab_1")
        #expect(NameGenerator.pick(taken: taken, id: id, using: &g) == "abababababab_2")
    }

    @Test func aTakenPairIsRetriedWithADigit() {
        var g = ScriptedRandom([(0, 108), (0, 236), (0, 108), (1, 236), (4, 10)])
        #expect(NameGenerator.pick(taken: ["admiring_agnesi"], id: "0", using: &g) == "admiring_albattani4")
    }
}
