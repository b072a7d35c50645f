"""Browser test of `isolab lab serve` in real headless Chromium (Selenium, Debian's chromium-driver).

    python3 Tests/browser/serve_test.py ISOLAB LAB.md

Starts the server on a free port with a HOME and namespace of its own, then, as a learner would:
opens the lab with the token, runs every step in order (the real container id must show in
#start's output), types `docker ps` into the terminal and reads container1 back from its screen,
fails the first exercise, reveals its solution, types it into the terminal, passes it, reloads
the page and finds the progress kept, and closes the page (its shell must end). Then the door:
no token, a wrong Host, a WebSocket from another Origin are refused. Prints `N passed, M failed`
and exits non-zero on a failure; the server is stopped (--cleanup-on-exit) in every case.
"""
import json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.request, urllib.error

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service

isolab, lab = sys.argv[1], sys.argv[2]
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def wait(what, predicate, timeout=120.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


home = tempfile.mkdtemp(prefix="isolab-serve-test-")
env = dict(os.environ, HOME=home, ISOLAB_NAMESPACE="", SHELL="/bin/bash")
env.pop("ISOLAB_NAMESPACE")
server = subprocess.Popen([isolab, "lab", "serve", lab, "--port", "0", "--no-open", "--cleanup-on-exit"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
url, output = None, []
driver = None
try:
    while url is None:
        line = server.stdout.readline()
        if not line:
            break
        output.append(line)
        m = re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]{32}))", line)
        if m:
            url, port, token = m.group(1), int(m.group(2)), m.group(3)
    check("server prints a tokened loopback URL", url is not None, "".join(output))
    if url is None:
        raise SystemExit(1)
    base = f"http://127.0.0.1:{port}"

    # The door.
    def status(path, headers=None):
        request = urllib.request.Request(base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers)
    check("no token: 403", status("/")[0] == 403)
    check("a wrong token: 403", status("/?token=" + "0" * 32)[0] == 403)
    check("a wrong Host (DNS rebinding): 403", status("/?token=" + token, {"Host": f"evil.example:{port}"})[0] == 403)
    code, headers = status("/?token=" + token)
    check("no CORS header", not any(k.lower().startswith("access-control") for k in headers), str(headers))
    import websocket  # websocket-client
    try:
        ws = websocket.create_connection(f"ws://127.0.0.1:{port}/ws/terminal/0?token={token}",
                                         origin="http://evil.example", timeout=5)
        ws.close()
        check("a WebSocket from another Origin is refused", False)
    except websocket.WebSocketBadStatusException as e:
        check("a WebSocket from another Origin is refused (no upgrade)", e.status_code in (400, 403), str(e))

    options = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", f"--user-data-dir={home}/chrome"]:
        options.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.get(url)
    check("the token sets a session and leaves the address", "token" not in driver.current_url, driver.current_url)
    driver.find_element(By.CSS_SELECTOR, "a[href='/lab/0']").click()
    wait("lab page", lambda: driver.find_elements(By.CSS_SELECTOR, "section.step"))

    def card(step):
        return driver.find_element(By.CSS_SELECTOR, f"section.step[data-step='{step}']")

    def run(step, action):
        card(step).find_element(By.CSS_SELECTOR, f"[data-action='{action}']").click()
        return wait(step, lambda: card(step).get_attribute("data-status") in ("passed", "failed", "skipped")
                    and card(step).get_attribute("data-status"), timeout=180)

    steps = [c.get_attribute("data-step") for c in driver.find_elements(By.CSS_SELECTOR, "section.step[data-kind='step']")]
    checks = [c.get_attribute("data-step") for c in driver.find_elements(By.CSS_SELECTOR, "section.step[data-kind='check']")]
    check("the lab has steps and an exercise", steps and checks, f"{steps} {checks}")
    for step in steps:
        result = run(step, "run")
        check(f"step #{step} passes", result == "passed", card(step).text[-800:])
    start_output = card("start").find_element(By.CSS_SELECTOR, "[data-output]").text
    check("#start shows the real container id", re.search(r"\b[0-9a-f]{64}\b", start_output) is not None, start_output)

    # The terminal: type into xterm.js, read its screen (DOM renderer).
    terminal = driver.find_element(By.ID, "terminal")
    def screen():
        return driver.execute_script("return document.querySelector('#terminal .xterm-rows').innerText")
    check("the terminal shows a prompt", wait("prompt", lambda: "isolab" in screen(), 30), screen())
    def type_line(text):
        terminal.click()
        driver.switch_to.active_element.send_keys(text + "\n")
    type_line("docker ps --format '{{.Names}}'")
    check("docker ps in the terminal lists container1", wait("ps", lambda: "container1" in screen(), 30), screen())

    exercise = checks[0]
    check(f"exercise #{exercise} fails before it is done", run(exercise, "check") == "failed")
    reveal = card(exercise).find_element(By.CSS_SELECTOR, "[data-action='solution']")
    check("the solution can be revealed after a failure", reveal.is_displayed())
    reveal.click()
    verdict = wait("solution", lambda: "Solution:" in card(exercise).text and card(exercise).text, 30) or ""
    solution = verdict.split("Solution:", 1)[-1].strip().splitlines()
    lines = [l[2:] for l in solution if l.startswith("$ ") or l.startswith("> ")]
    check("the solution has commands", bool(lines), verdict)
    type_line("\n".join(lines))
    time.sleep(3)
    check(f"exercise #{exercise} passes once done in the terminal", run(exercise, "check") == "passed", card(exercise).text[-800:])

    driver.refresh()
    wait("reload", lambda: driver.find_elements(By.CSS_SELECTOR, "section.step"))
    check("progress survives a reload", card("start").get_attribute("data-status") == "passed"
          and card(exercise).get_attribute("data-status") == "passed")
    progress = json.load(open(wait("progress file", lambda: [os.path.join(r, f) for r, _, fs in os.walk(home + "/.isolab/walk")
                                                            for f in fs if f.endswith(".json") and "results" not in f] or None, 5)[0]))
    check("the progress is lab walk's (solution shown recorded)", exercise in progress.get("solutionShown", []), str(progress)[:300])

    driver.quit()
    driver = None
    gone = wait("shell", lambda: subprocess.run(["pgrep", "-f", home], capture_output=True).returncode != 0, 10)
    check("closing the page ends its shell", gone)
finally:
    if driver:
        driver.quit()
    server.send_signal(signal.SIGINT)
    try:
        rest, _ = server.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        server.kill()
        rest, _ = server.communicate()
    check("the server stops on Ctrl-C and removes the lab's containers", server.returncode == 0
          and "containers were removed" in rest, rest)
    shutil.rmtree(home, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
