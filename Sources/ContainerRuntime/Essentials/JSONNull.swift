/// JSON's `null` among untyped values (`Any`): what NSNull was, without Foundation (see CFormat).
public struct JSONNull: Sendable, Equatable {
    public init() {}
}
