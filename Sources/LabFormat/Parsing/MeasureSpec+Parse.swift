extension MeasureSpec {
    /// `measure=cpu:CONTAINER` or `measure=cgroup:PATH` (window and expected cores come from
    /// their own attributes), or nil after reporting why not.
    static func parse(_ token: AttributeToken, context: inout BlockAttributeContext) -> MeasureSpec? {
        let text = token.value ?? ""
        if text.hasPrefix("cpu:"), text.count > 4 {
            return MeasureSpec(container: String(text.dropFirst(4)))
        }
        if text.hasPrefix("cgroup:"), text.count > 7 {
            let path = String(text.dropFirst(7))
            if let problem = CgroupMeasurePath.problem(path) {
                context.error("measure=cgroup:\(path): the path \(problem)", column: token.column)
                return nil
            }
            return MeasureSpec(target: .cgroup(path))
        }
        context.error("malformed measure=\(text): use measure=cpu:CONTAINER or measure=cgroup:PATH", column: token.column)
        return nil
    }
}
