import ContainerRuntime

/// How the image commands learn that a container uses an image (`rmi` refuses to remove it):
/// any container, running or not, of any namespace of the root, whose image is this one.
public enum ImageUsage {
    /// A running container is named before a stopped one: it is the harder refusal.
    public static func containerUsing(_ context: RuntimeContext, _ image: ImageRecord) -> String? {
        var stopped: String?
        for ns in ContainerStore.namespaces(root: context.root) {
            var c = context
            c.namespace = ns
            for user in ContainerStore(context: c).list() where user.config.imageID == image.id {
                if user.isRunning { return user.id }
                stopped = stopped ?? user.id
            }
        }
        return stopped
    }

    /// Whether the container `id` (of any namespace of the root) is running.
    public static func isRunning(_ context: RuntimeContext, _ id: String) -> Bool {
        for ns in ContainerStore.namespaces(root: context.root) {
            var c = context
            c.namespace = ns
            if let found = try? ContainerStore(context: c).load(id: id) { return found.isRunning }
        }
        return false
    }
}
