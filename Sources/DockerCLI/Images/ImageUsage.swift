import ContainerRuntime

/// How the image commands learn that a container uses an image (`rmi` refuses to remove it):
/// any container, running or not, of any namespace of the root, whose image is this one.
public enum ImageUsage {
    public static func containerUsing(_ context: RuntimeContext, _ image: ImageRecord) -> String? {
        for ns in ContainerStore.namespaces(root: context.root) {
            var c = context
            c.namespace = ns
            if let user = ContainerStore(context: c).list().first(where: { $0.config.imageID == image.id }) {
                return user.id
            }
        }
        return nil
    }
}
