/// The one field of a config.json that claiming a name needs (see `ContainerStore.names()`).
struct ContainerName: Decodable {
    let name: String
}
