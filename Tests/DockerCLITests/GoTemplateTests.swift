import Foundation
import Testing
import ContainerRuntime
@testable import DockerCLI

struct GoTemplateTests {
    let data: [String: Any] = [
        "Name": "/container1",
        "State": ["Status": "running", "Pid": 42, "Running": true],
        "NetworkSettings": ["IPAddress": "10.213.0.2", "Networks": ["bridge": ["IPAddress": "10.213.0.2"]]],
        "Config": ["Labels": ["app": "web"], "Env": ["A=1", "B=2"], "Cmd": ["sleep", "3600"], "Nothing": [Any]()],
        "HostConfig": ["PidsLimit": JSONNull(), "CapDrop": ["CHOWN"]],
    ]

    static let cases: [(String, String)] = [
        ("{{.NetworkSettings.IPAddress}}", "10.213.0.2"),
        ("{{.State.Status}} {{.State.Pid}} {{.State.Running}}", "running 42 true"),
        ("{{json .Config.Labels}}", "{\"app\":\"web\"}"),
        ("{{json .HostConfig.CapDrop}}", "[\"CHOWN\"]"),
        ("{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "10.213.0.2"),
        ("{{index .Config.Labels \"app\"}}", "web"),
        ("{{join .Config.Cmd \" \"}}", "sleep 3600"),
        ("{{if .State.Running}}up{{else}}down{{end}}", "up"),
        ("{{if .HostConfig.PidsLimit}}limited{{else}}unlimited{{end}}", "unlimited"),
        ("{{.HostConfig.PidsLimit}}", "<nil>"),
        ("{{.Config.Env}}", "[A=1 B=2]"),
        ("{{upper .State.Status}}\\t{{len .Config.Env}}", "RUNNING\t2"),
        ("{{with .State}}{{.Pid}}{{end}}", "42"),
        ("{{- .Name -}}", "/container1"),
        ("a  {{- .Name -}}  b", "a/container1b"),
        ("{{if eq .State.Status \"running\" \"paused\"}}yes{{end}} {{ne .State.Pid 42}}", "yes false"),
        ("{{printf \"%-8s|%4d|%q\" .State.Status .State.Pid .Name}}", "running |  42|\"/container1\""),
        ("{{title \"hello wide world\"}} {{truncate .Name 4}} [{{pad .State.Status 1 2}}]", "Hello Wide World /con [ running  ]"),
        ("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}{{end}}", "app=web"),
        ("{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{end}}", "0:A=1 1:B=2 "),
        ("{{$n := .Name}}{{with .State}}{{$n}} {{.Pid}}{{end}}", "/container1 42"),
        ("{{(index .NetworkSettings.Networks \"bridge\").IPAddress}}", "10.213.0.2"),
        ("{{.Config.Labels | json}}", "{\"app\":\"web\"}"),
        ("{{join (split \"a:b:c\" \":\") \",\"}}", "a,b,c"),
        ("{{if not .State.Running}}down{{else if .State.Pid}}pid{{else}}up{{end}}", "pid"),
        ("{{range .Config.Nothing}}x{{else}}empty{{end}}", "empty"),
        ("{{len .Name}} {{lt 1 2}} {{and 1 0}} {{or 0 \"x\"}}", "11 true 0 x"),
        ("{{/* a comment */}}ok", "ok"),
    ]

    @Test(arguments: cases)
    func renders(_ template: String, _ expected: String) throws {
        #expect(try GoTemplate(template).render(data) == expected)
    }

    static let bad: [(String, String)] = [
        ("{{.Nope}}", "can't evaluate field Nope"),
        ("{{.State", "unclosed action"),
        ("{{range .Config.Env}}", "missing {{end}}"),
        ("{{end}}", "unexpected {{end}}"),
        ("{{frob .Name}}", "function \"frob\" not defined"),
    ]

    @Test func inspectsRawViewPrintsNoValueForAMissingKey() throws {
        #expect(try GoTemplate("{{.Nope}}", missingKey: .noValue).render(data) == "<no value>")
        var state = ContainerRuntime.JSONObject(["Status": "running"])
        state.set("Health", JSONNull(), hiddenInJSON: true)
        #expect(try GoTemplate("{{.Health}} {{.}}").render(state) == "<nil> {running <nil>}")
        #expect(JSONText.compact(state) == "{\"Status\":\"running\"}")
        #expect(JSONText.pretty([state, [String: Any](), [Any]()] as [Any]) == "[\n    {\n        \"Status\": \"running\"\n    },\n    {},\n    []\n]")
    }

    /// Numbers, widths and paddings from a template are input: out of range they print Go's
    /// error forms (or fail), where Int64() of them trapped and a width of 10^12 exhausted memory.
    @Test func printfAndPadOutOfRangeDoNotTrap() throws {
        let huge: [String: Any] = ["Big": UInt64.max, "Nan": Double.nan, "Inf": Double.infinity]
        #expect(try GoTemplate("{{printf \"%d\" 1e300}}").render(huge).hasPrefix("%!d("))
        #expect(try GoTemplate("{{printf \"%x\" -1e300}}").render(huge).hasPrefix("%!x("))
        #expect(try GoTemplate("{{printf \"%d %x\" .Big .Big}}").render(huge).hasPrefix("%!d("))
        #expect(try GoTemplate("{{printf \"%d|%d\" .Nan .Inf}}").render(huge).hasPrefix("%!d("))
        #expect(try GoTemplate("{{printf \"%d\" 42.0}}").render(huge) == "42")
        #expect(try GoTemplate("{{printf \"%999999999999d\" 1}}").render(huge) == "%!(BADWIDTH)1")
        #expect(try GoTemplate("{{printf \"%99999999999999999999999s\" \"a\"}}").render(huge) == "%!(BADWIDTH)a")
        #expect(try GoTemplate("{{printf \"%.9999999f\" 1.5}}").render(huge) == "%!(BADPREC)1.500000")
        #expect(try GoTemplate("{{printf \"%3d\" 7}}").render(huge) == "  7")
        #expect(throws: GoTemplate.ParseError.self) { try GoTemplate("{{pad \"x\" 999999999999 0}}").render(huge) }
        #expect(ContainerJSON.rfc3339Nano(1e300) == ContainerJSON.zeroTime)
        #expect(ContainerJSON.rfc3339Nano(-.infinity) == ContainerJSON.zeroTime)
        #expect(ContainerJSON.rfc3339Nano(.nan) == ContainerJSON.zeroTime)
        #expect(ContainerJSON.rfc3339Nano(1700000000.5) == "2023-11-14T22:13:20.5Z")
        #expect(ContainerJSON.defaultMemorySwap(Int64.max) == -1 && ContainerJSON.defaultMemorySwap(1 << 20) == 2 << 20)
    }

    @Test(arguments: bad)
    func rejects(_ template: String, _ message: String) {
        #expect {
            try GoTemplate(template).render(data)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
