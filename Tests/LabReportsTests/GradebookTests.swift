import Testing
@testable import LabReports
import LabResults

@Suite struct GradebookTests {
    var runs: [RunResults] {
        var bob = SampleResults.run(learner: "bob, jr", labs: [SampleResults.passing])
        bob.labs[0].blocks[1].score = 0.5
        return [SampleResults.run(learner: "alice"), bob]
    }

    @Test func csvForTwoLearners() {
        #expect(Gradebook.csv(runs) == """
            learner,basics/hostname,basics/in-list,basics/slow,passing/ok,total,max_score\r
            alice,0,1,0,1,2,8\r
            "bob, jr",,,,0.5,0.5,8\r

            """)
    }

    @Test func textTableAligns() {
        #expect(Gradebook.text(runs) == """
            learner   basics/hostname  basics/in-list  basics/slow  passing/ok  total
            (points)                2               2            3           1      8
            alice                   0               1            0           1      2
            bob, jr                 -               -            -         0.5    0.5

            """)
    }

    @Test func unnamedLearnersAreNumbered() {
        let table = Gradebook.table([SampleResults.run(learner: nil, labs: [SampleResults.passing])])
        #expect(table.rows.map(\.learner) == ["learner 1"])
        #expect(table.columns == [.init(name: "passing/ok", maxScore: 1)])
    }

    @Test func htmlEscapesNamesAndShowsTotals() {
        var mallory = SampleResults.run(learner: "<img src=x>", labs: [SampleResults.passing])
        mallory.labs[0].blocks[1].score = 1
        let html = Gradebook.html(runs + [mallory])
        #expect(html.contains("<th scope=\"row\">&lt;img src=x&gt;</th>"))
        #expect(html.contains("<strong>2 / 8</strong>"))
        #expect(html.contains("<code>basics/<wbr>hostname</code>"))
        #expect(html.contains("<td class=\"num missing\">–</td>"))
    }
}

@Suite struct GradebookInvalidLabTests {
    @Test func invalidLabScoresNothingAndAddsNoColumn() {
        var broken = SampleResults.passing
        broken.blocks = []
        broken.status = .error
        broken.error = "labs/passing.md:8:12: unknown attribute 'pionts'"
        let runs = [SampleResults.run(learner: "alice", labs: [SampleResults.passing]),
                    SampleResults.run(learner: "bob", labs: [broken])]
        #expect(Gradebook.csv(runs) == "learner,passing/ok,total,max_score\r\nalice,1,1,1\r\nbob,,0,1\r\n")
    }
}
