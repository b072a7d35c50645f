import Testing
@testable import ContainerRuntime

/// Built-in images an older isolab made are made again; images a user tagged are never replaced.
@Suite struct BuiltinRecipeTests {
    @Test func onlyAnOlderRecipeOfIsolabsOwnBuildIsStale() {
        let current = ImageStore.builtinCreatedBy("busybox")
        #expect(current == "isolab image build busybox (recipe \(ImageStore.builtinRecipe))")
        #expect(!ImageStore.isStaleBuiltin(history: [["created_by": current]], name: "busybox"))
        #expect(ImageStore.isStaleBuiltin(history: [["created_by": "isolab image build busybox"]], name: "busybox"))
        #expect(ImageStore.isStaleBuiltin(history: [["created_by": "isolab image build busybox (recipe 1)"]], name: "busybox"))
        #expect(!ImageStore.isStaleBuiltin(history: [["created_by": "isolab commit"]], name: "busybox"))
        #expect(!ImageStore.isStaleBuiltin(history: [], name: "busybox"))
        #expect(!ImageStore.isStaleBuiltin(history: [["created_by": current.replacingOccurrences(of: "busybox", with: "debian")]], name: "busybox"))
    }
}
