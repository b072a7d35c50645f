import Foundation
import Testing

/// `--format` and `inspect` output in Docker's shape: json and table keywords, template
/// functions, typed zero values for absent fields, inspect's key order and spacing.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct FormatTests {
    @Test func formatKeywordsAndTemplateFunctions() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name fmt --label com.example.tier=web busybox sleep 3600")
        let json = try f.ok("docker ps --format json")
        #expect(json.hasPrefix("{\"Command\":\"\\\"sleep 3600\\\"\",") && json.contains("\"Names\":\"fmt\""), "\(json)")
        let imagesTable = try f.ok("docker images --format table busybox").split(separator: "\n")
        #expect(imagesTable.first?.hasPrefix("REPOSITORY   TAG ") == true && imagesTable.count == 2, "\(imagesTable)")
        #expect(try f.ok("docker images --format json busybox").hasPrefix("{\"Containers\":"))
        #expect(try f.ok("docker ps --format '{{.Label \"com.example.tier\"}} {{title .State}} {{truncate .Names 2}}'") == "web Running fm")
        #expect(try f.ok("docker inspect -f '{{if eq .State.Status \"running\"}}up{{end}} {{printf \"%5s\" .Config.Hostname | len}}' fmt") == "up 12")
        #expect(try f.ok("docker inspect -f '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}{{end}}' fmt") == "com.example.tier=web")
        #expect(try f.ok("docker inspect -f '{{(index .NetworkSettings.Networks \"bridge\").IPAddress}}' fmt")
                == (try f.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' fmt")))
        let absent = "{{.State.Health}} {{.HostConfig.PortBindings}} {{.Config.ExposedPorts}} {{.Mounts}} {{.HostConfig.RestartPolicy}} {{.NoSuchField}}"
        #expect(try f.ok("docker inspect -f '\(absent)' fmt") == "<nil> map[] map[] [] {no 0} <no value>")
        #expect(try f.ok("docker version -f '{{.Client.APIVersion}}'").isEmpty == false)
    }

    @Test func inspectJSONIsDockersShape() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name shape busybox sleep 3600")
        let text = try f.ok("docker inspect shape")
        let lines = text.split(separator: "\n")
        #expect(lines.prefix(3) == ["[", "    {", "        \"Id\": \"" + (try f.ok("docker inspect -f '{{.Id}}' shape")) + "\","])
        #expect(text.contains("\"IPAddress\": \"10."), "`grep '\"IPAddress\": \"'` finds the address")
        #expect(text.contains("\"PortBindings\": {},") && text.contains("\"Mounts\": [],"))
        let keys = lines.filter { $0.hasPrefix("        \"") }.map { $0.dropFirst(9).prefix { $0 != "\"" } }
        #expect(Array(keys.prefix(6)) == ["Id", "Created", "Path", "Args", "State", "Image"], "\(keys)")
        let started = try f.ok("docker inspect -f '{{.State.StartedAt}}' shape")
        #expect(started.wholeMatch(of: #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z/#) != nil && started.contains("."), "\(started)")
        let missing = try f.sh("docker inspect nosuch")
        #expect(missing.status == 1 && missing.output == "[]\nError: No such object: nosuch\n")
        let badType = try f.sh("docker inspect --type bogus shape")
        #expect(badType.status == 1 && badType.output.hasPrefix("unknown type: \"bogus\": must be one of \"config\", \"container\", \"image\""))
    }
}
