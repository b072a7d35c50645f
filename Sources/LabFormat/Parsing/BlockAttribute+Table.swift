extension BlockAttribute {
    /// Every attribute, in the order they are applied (a later entry may look at what an
    /// earlier one set: `window` at `measure`). Docs/writing-labs.md has the same table for
    /// lab authors.
    static let table: [BlockAttribute] = [
        BlockAttribute(name: "points", value: .required, repeatable: false) { token, block, context in
            let text = token.value ?? ""
            guard context.kind == .check else {
                return context.error("points is only for checks (this block is a \(context.kind.rawValue))", column: token.column)
            }
            guard LabDuration.isPlainNumber(text), let value = Double(text) else {
                return context.error("malformed points '\(BlockAttributeContext.shown(text))': a number > 0", column: token.column)
            }
            if value <= 0 {
                context.error("points=\(BlockAttributeContext.shown(text)): a check is worth more than 0 points", column: token.column)
            } else if !(value <= LabLimits.maxPoints) {
                context.error("points=\(BlockAttributeContext.shown(text)) out of range: at most \(Int(LabLimits.maxPoints))",
                              column: token.column)
            } else {
                block.points = value
            }
        },
        BlockAttribute(name: "timeout", value: .required, repeatable: false) { token, block, context in
            if let seconds = context.duration(token, max: LabLimits.maxBlockSeconds, examples: "500ms, 30s, 2m") {
                block.timeout = seconds
            }
        },
        BlockAttribute(name: "retry", value: .required, repeatable: false) { token, block, context in
            block.retry = context.duration(token, max: LabLimits.maxBlockSeconds, examples: "500ms, 30s, 2m")
        },
        BlockAttribute(name: "background", value: .none, repeatable: false) { token, block, context in
            if context.kind == .check { context.error("a check cannot run in the background", column: token.column) }
            if context.given.contains("retry") { context.error("background cannot be combined with retry", column: token.column) }
            // background with measure is allowed: the block is measured over its window, then
            // left running like any background block until after the last block.
            block.background = true
        },
        BlockAttribute(name: "for", value: .required, repeatable: false) { token, block, context in
            let text = token.value ?? ""
            let target = text.hasPrefix("#") ? String(text.dropFirst()) : text
            if context.kind != .solution {
                context.error("for= is only for solutions (this block is a \(context.kind.rawValue))", column: token.column)
            } else if target.isEmpty {
                context.error("for= needs a check id (for=#id)", column: token.column)
            } else {
                block.solutionFor = target
            }
        },
        BlockAttribute(name: "hint", value: .required, repeatable: true) { token, block, _ in
            block.hints.append(token.value ?? "")
        },
        BlockAttribute(name: "measure", value: .required, repeatable: false) { token, block, context in
            block.measure = MeasureSpec.parse(token, context: &context)
        },
        BlockAttribute(name: "window", value: .required, repeatable: false) { token, block, context in
            guard context.given.contains("measure") else {
                return context.error("window needs measure=cpu:NAME or measure=cgroup:PATH", column: token.column)
            }
            if let seconds = context.duration(token, max: LabLimits.maxWindowSeconds, examples: "500ms, 3s, 1m") {
                block.measure?.window = seconds
            }
        },
        BlockAttribute(name: "expect-cores", value: .required, repeatable: false) { token, block, context in
            guard context.given.contains("measure") else {
                return context.error("expect-cores needs measure=cpu:NAME or measure=cgroup:PATH", column: token.column)
            }
            let text = token.value ?? ""
            guard let range = LabDuration.range(text) else {
                return context.error("malformed range expect-cores=\(BlockAttributeContext.shown(text)): use A..B with 0 ≤ A ≤ B",
                                     column: token.column)
            }
            if range.upperBound <= LabLimits.maxCores { block.measure?.expectedCores = range } else {
                context.error("expect-cores=\(BlockAttributeContext.shown(text)) out of range: at most \(Int(LabLimits.maxCores)) cores",
                              column: token.column)
            }
        },
        BlockAttribute(name: "env", value: .required, repeatable: false) { token, block, context in
            block.environment = BlockEnvironment.parse(token, context: &context)
        },
    ]
}
