
/// One thing the walk showed since its current view began, kept so a resize can show it again
/// at the new width.
enum WalkScreenItem {
    case header(String)
    case prose(String)
    case commands([String], title: String, isCheck: Bool)
    case exercise(String)
    case text(String)          // already rendered (live output, results, notes)
    case prompt(String)
}
