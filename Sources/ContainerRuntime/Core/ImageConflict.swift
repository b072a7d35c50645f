/// Why an image cannot be removed (`rmi`), with what the CLI needs to word it: the image's short
/// id and the container in the way (both 12 hex digits).
public enum ImageConflict: Sendable, Equatable {
    /// The reference named is the last one of an image a container uses: untagging needs force.
    case referenceInUse(image: String, container: String)
    /// A running container uses the image: not even force removes it.
    case usedByRunningContainer(image: String, container: String)
    /// A stopped container uses the image: removing it needs force.
    case usedByStoppedContainer(image: String, container: String)
    /// Named by id while several references name it: removing it needs force.
    case referencedInMultipleRepositories(image: String)
}
