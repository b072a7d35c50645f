
/// CPU samples as a row of block characters (`▁▂▃▄▅▆▇█`), scaled to `top` cores.
public enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values; each maps to one bar, 0 to the lowest and `top` or more to the highest.
    public static func render(_ values: [Double], top: Double, width: Int) -> String {
        let scale = top > 0 ? top : 1
        return String(values.suffix(max(width, 1)).map { value -> Character in
            let fraction = value.isFinite ? min(max(value / scale, 0), 1) : 0
            return bars[min(bars.count - 1, Int((fraction * Double(bars.count - 1)).rounded()))]
        })
    }
}
