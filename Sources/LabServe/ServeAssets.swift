/// The page's own script and style, written for it (no framework, nothing from a network).
enum ServeAssets {
    static let style = """
    body { margin: 0; max-width: none; padding: 0; }
    header.serve { padding: .5rem 1rem; border-bottom: 1px solid #ccc; font: 14px system-ui, sans-serif; position: sticky; top: 0; background: #fff; z-index: 2; }
    main.index { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
    table.labs { border-collapse: collapse; width: 100%; } table.labs td, table.labs th { border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; }
    main.split { display: flex; gap: 1rem; align-items: flex-start; width: 100%; box-sizing: border-box; }
    #prose { flex: 0 0 52%; padding: 0 1rem 4rem; min-width: 0; box-sizing: border-box; }
    #side { flex: 1 1 0; min-width: 0; position: sticky; top: 2.6rem; height: calc(100vh - 3.2rem); display: flex; flex-direction: column; padding-right: .5rem; }
    #terminal { flex: 1; background: #000; padding: 4px; min-height: 20rem; overflow: hidden; }
    #terminal.missing { color: #eee; padding: 1rem; font: 14px system-ui, sans-serif; }
    section.step { border: 1px solid #ccc; border-left: 4px solid #999; border-radius: 4px; padding: .5rem .75rem; margin: 1rem 0; }
    section.step[data-status=passed] { border-left-color: #2a7d2a; } section.step[data-status=failed] { border-left-color: #b02a2a; }
    section.step[data-status=running] { border-left-color: #c08a00; }
    section.step pre { white-space: pre-wrap; word-break: break-word; margin: .4rem 0; }
    section.step pre.output:empty, section.step .chart:empty { display: none; }
    section.step pre.output { background: #111; color: #eee; padding: .4rem; max-height: 24rem; overflow: auto; }
    .actions { display: flex; gap: .5rem; align-items: center; }
    .actions button { font: inherit; padding: .2rem .8rem; cursor: pointer; }
    button.link { background: none; border: none; color: #0645ad; text-decoration: underline; padding: 0; }
    .state { font-size: 85%; color: #555; }
    @media (max-width: 50rem) { main.split { flex-direction: column; } #side { position: static; height: 60vh; width: 100%; } }
    """

    static let script = #"""
    "use strict";
    (function () {
      const labIndex = document.body.dataset.lab;
      if (labIndex === undefined) return;
      const scheme = location.protocol === "https:" ? "wss://" : "ws://";
      const cards = new Map();
      document.querySelectorAll("section.step").forEach(function (card) { cards.set(card.dataset.step, card); });

      function setStatus(card, status) {
        card.dataset.status = status;
        const state = card.querySelector("[data-state]");
        if (state) state.textContent = status;
      }

      // Steps: actions go up, what happens comes down, on one socket per page.
      let events = null;
      function connectEvents() {
        events = new WebSocket(scheme + location.host + "/ws/lab/" + labIndex);
        events.onmessage = function (message) { handle(JSON.parse(message.data)); };
        events.onclose = function () { setTimeout(connectEvents, 1000); };
      }
      connectEvents();

      const samples = new Map();
      function handle(event) {
        const card = cards.get(event.step);
        switch (event.type) {
          case "status":
            if (!card) return;
            setStatus(card, event.status);
            card.querySelector("[data-output]").textContent = "";
            card.querySelector("[data-verdict]").textContent = "";
            card.querySelector("[data-chart]").textContent = "";
            samples.set(event.step, []);
            break;
          case "command":
            if (card) card.querySelector("[data-output]").textContent += event.text + "\n";
            break;
          case "output":
            if (card) {
              const out = card.querySelector("[data-output]");
              out.textContent += event.text;
              out.scrollTop = out.scrollHeight;
            }
            break;
          case "sample":
            if (card) drawSamples(card, event);
            break;
          case "result":
            if (!card) return;
            setStatus(card, event.status);
            card.querySelector("[data-verdict]").innerHTML = event.html; // the server escaped it
            card.querySelector("[data-chart]").textContent = "";
            const reveal = card.querySelector("[data-action=solution]");
            if (reveal) reveal.hidden = !event.canRevealSolution;
            break;
          case "solution":
            if (card) card.querySelector("[data-verdict]").insertAdjacentText("beforeend",
              "\nSolution:\n" + event.lines.join("\n"));
            break;
          case "progress":
            document.getElementById("progress").textContent =
              event.done + "/" + event.total + " done · " + event.score + "/" + event.max + " points";
            break;
          case "notice":
            window.alert(event.text);
            break;
        }
      }

      function drawSamples(card, event) {
        const list = samples.get(event.step) || [];
        list.push(event);
        samples.set(event.step, list);
        const width = 300, height = 80, top = Math.max(1, ...list.map(function (s) { return s.cores; }), event.high || 0);
        const points = list.map(function (s) {
          return (s.t / event.window * width).toFixed(1) + "," + (height - s.cores / top * height).toFixed(1);
        }).join(" ");
        const ns = "http://www.w3.org/2000/svg";
        const svg = document.createElementNS(ns, "svg");
        svg.setAttribute("viewBox", "0 0 " + width + " " + height);
        svg.setAttribute("width", "100%");
        svg.setAttribute("height", "80");
        if (event.low !== undefined) {
          const band = document.createElementNS(ns, "rect");
          band.setAttribute("x", "0"); band.setAttribute("width", String(width));
          band.setAttribute("y", String(height - event.high / top * height));
          band.setAttribute("height", String((event.high - event.low) / top * height));
          band.setAttribute("fill", "#cfe8cf");
          svg.appendChild(band);
        }
        const line = document.createElementNS(ns, "polyline");
        line.setAttribute("points", points);
        line.setAttribute("fill", "none");
        line.setAttribute("stroke", "#1f5fbf");
        svg.appendChild(line);
        const chart = card.querySelector("[data-chart]");
        chart.textContent = "";
        chart.appendChild(svg);
        const mean = list.reduce(function (a, s) { return a + s.cores; }, 0) / list.length;
        chart.appendChild(document.createTextNode(" mean " + mean.toFixed(2) + " cores"));
      }

      // The terminal: a shell on a pty of the server, isolab's docker first on its PATH.
      let term = null, shell = null;
      const encoder = new TextEncoder();
      function connectTerminal() {
        const element = document.getElementById("terminal");
        if (!element || element.classList.contains("missing") || typeof XTerm === "undefined") return;
        XTerm.Terminal.applyAddon(XTerm.fit);
        term = new XTerm.Terminal({ rendererType: "dom", cursorBlink: true, fontSize: 14 });
        term.open(element);
        term.fit();
        const decoder = new TextDecoder("utf-8");
        shell = new WebSocket(scheme + location.host + "/ws/terminal/" + labIndex);
        shell.binaryType = "arraybuffer";
        shell.onopen = function () { sendSize(); term.focus(); };
        shell.onmessage = function (message) {
          term.write(typeof message.data === "string" ? message.data : decoder.decode(message.data, { stream: true }));
        };
        shell.onclose = function () { term.write("\r\n[the shell ended; reload the page for a new one]\r\n"); };
        term.on("data", function (data) { if (shell.readyState === 1) shell.send(encoder.encode(data)); });
        window.addEventListener("resize", function () { term.fit(); sendSize(); });
      }
      function sendSize() {
        if (shell && shell.readyState === 1) shell.send(JSON.stringify({ type: "resize", cols: term.cols, rows: term.rows }));
      }
      connectTerminal();

      document.addEventListener("click", function (e) {
        const button = e.target.closest("[data-action]");
        if (!button) return;
        const card = button.closest("section.step");
        if (!card) return;
        e.preventDefault();
        const action = button.dataset.action;
        if (action === "type") {
          // The commands as typed, without their prompts, for the learner to run with Enter.
          const text = card.querySelector("pre.typed").textContent.split("\n")
            .map(function (l) { return l.replace(/^[$>] /, ""); }).join("\n");
          if (shell && shell.readyState === 1) { shell.send(encoder.encode(text)); term.focus(); }
          return;
        }
        if (events && events.readyState === 1) events.send(JSON.stringify({ action: action, step: card.dataset.step }));
      });
    })();
    """#
}
