import Foundation
import Testing
@testable import DockerCLI

struct GoTemplateTests {
    let data: [String: Any] = [
        "Name": "/container1",
        "State": ["Status": "running", "Pid": 42, "Running": true],
        "NetworkSettings": ["IPAddress": "10.213.0.2", "Networks": ["bridge": ["IPAddress": "10.213.0.2"]]],
        "Config": ["Labels": ["app": "web"], "Env": ["A=1", "B=2"], "Cmd": ["sleep", "3600"]],
        "HostConfig": ["PidsLimit": NSNull(), "CapDrop": ["CHOWN"]],
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

    @Test(arguments: bad)
    func rejects(_ template: String, _ message: String) {
        #expect {
            try GoTemplate(template).render(data)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
