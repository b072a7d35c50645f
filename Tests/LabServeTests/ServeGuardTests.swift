import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import LabServe

@Suite struct ServeGuardTests {
    @Test func tokensAreLongRandomAndComparedWhole() {
        let a = ServeToken(), b = ServeToken()
        #expect(a.value.count == 32 && a.value.allSatisfy { $0.isHexDigit })
        #expect(a != b)
        #expect(a.matches(a.value))
        #expect(!a.matches(nil) && !a.matches("") && !a.matches(String(a.value.dropLast())) && !a.matches(a.value + "0"))
        #expect(!a.matches(b.value))
    }

    @Test func loopbackServersAnswerToTheirLoopbackNamesOnly() {
        #expect(ServeGuard<BasicRequestContext>.authorities(host: "127.0.0.1", port: 7681)
                == ["127.0.0.1:7681", "localhost:7681", "[::1]:7681"])
        #expect(ServeGuard<BasicRequestContext>.authorities(host: "192.0.2.7", port: 80) == ["192.0.2.7:80"])
        #expect(ServeGuard<BasicRequestContext>.authorities(host: "::1", port: 8) .contains("[::1]:8"))
        #expect(ServeConfiguration.isLoopback("127.0.0.1") && !ServeConfiguration.isLoopback("0.0.0.0"))
    }

    @Test func theSessionCookieIsFoundAmongOthers() {
        var headers = HTTPFields()
        headers[.cookie] = "a=1; isolab_session=abc ; b=2"
        #expect(ServeGuard<BasicRequestContext>.cookie("isolab_session", in: headers) == "abc")
        #expect(ServeGuard<BasicRequestContext>.cookie("missing", in: headers) == nil)
    }

    @Test func eventsAreJSONWithoutNaN() throws {
        let text = ServeEvent.sample(step: "s", t: .nan, cores: .infinity, window: 3, low: 0.4, high: 0.6).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "sample" && object["cores"] as? Double == 0 && object["t"] as? Double == 0)
    }
}
