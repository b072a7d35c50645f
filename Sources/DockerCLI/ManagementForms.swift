/// Docker's management forms (`docker container ls`, `docker image rm`, ...) are the same
/// commands under other names: rewritten to the top-level command before parsing, so each
/// command and its flags live in one place. `image build` stays isolab's own.
enum ManagementForms {
    static let container: [String: [String]] = [
        "ls": ["ps"], "list": ["ps"], "ps": ["ps"], "rm": ["rm"], "remove": ["rm"],
        "inspect": ["inspect", "--type", "container"],
        "run": ["run"], "create": ["create"], "start": ["start"], "stop": ["stop"], "restart": ["restart"],
        "kill": ["kill"], "wait": ["wait"], "rename": ["rename"], "exec": ["exec"], "logs": ["logs"],
        "top": ["top"], "port": ["port"], "stats": ["stats"], "commit": ["commit"], "export": ["export"],
        "diff": ["diff"], "cp": ["cp"], "pause": ["pause"], "unpause": ["unpause"], "update": ["update"], "attach": ["attach"],
    ]
    static let image: [String: [String]] = [
        "ls": ["images"], "list": ["images"], "rm": ["rmi"], "remove": ["rmi"],
        "inspect": ["inspect", "--type", "image"], "history": ["history"], "pull": ["pull"],
        "tag": ["tag"], "save": ["save"], "load": ["load"], "import": ["import"],
    ]

    static func rewrite(_ args: [String]) -> [String] {
        guard args.count >= 2 else { return args }
        let table: [String: [String]]
        switch args[0] {
        case "container": table = container
        case "image": table = image
        default: return args
        }
        guard let replacement = table[args[1]] else { return args }
        return replacement + args.dropFirst(2)
    }
}
