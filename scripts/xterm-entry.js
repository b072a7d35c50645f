// The browser terminal of `isolab lab serve`: Debian's xterm.js (node-xterm) and its fit addon,
// bundled by scripts/build-xterm.sh with Debian's esbuild into one file whose global is XTerm.
// (Debian's libjs-xterm browser file requires modules it does not ship.)
export { Terminal } from "/usr/share/nodejs/xterm/lib/public/Terminal.js";
import * as fit from "/usr/share/nodejs/xterm/lib/addons/fit/fit.js";
export { fit };
