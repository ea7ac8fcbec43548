#!/usr/bin/env python3
"""deltacheck serve in a real browser: headless Chromium opens the page, picks assign-q1-squared,
types a line with a known mistake, one with implicit multiplication and two hostile ones, sees the
typeset preview, presses Check with the keyboard and reads the verdict and the named mistake.

Usage: serve_page_test.py DELTACHECK_BINARY [--screenshot PNG]
Exit 77 (skipped) only when Chromium or its driver is not installed."""
import argparse
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
EXERCISE = "assign-q1-squared"
# A known mistake (the sigmoid's derivative left out), a missing bias, implicit multiplication
# (read with its '*' by a reader that takes it, else marked at its column), and two hostile lines.
ANSWERS = "\n".join([
    "dL/dw3_11 = (a3_1 - y)*a2_1",
    "z2_1 = w2_11*a1_1 + w2_12*a1_2",
    "z1_1 = 1/2*w1_11 x1 + w1_12*x2 + w1_13*x3 + b1_1",
    "<script>document.title='pwned'</script> = 1",
    "z1_2 = \"><img src=x onerror=\"document.title='pwned'\">",
]) + "\n"


def start_server(binary):
    """The server on a free port and its address, read from its first line."""
    server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    if " at http://" not in line:
        server.kill()
        sys.exit("serve did not start: " + line)
    return server, line.split(" at ")[1].split()[0]


def browser(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1800", "--user-data-dir=" + profile]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


SNAPSHOT = """return Array.from(document.querySelectorAll('#preview .line')).map(
    (r) => [r.dataset.line, r.textContent, r.querySelector('.katex') !== null]);"""


def preview_settled(driver):
    """The preview rows by line number (text, typeset) once all five answer lines have one and
    the preview stayed the same for half a second (the last read after typing has come)."""
    import time
    first = driver.execute_script(SNAPSHOT)
    time.sleep(0.5)
    second = driver.execute_script(SNAPSHOT)
    rows = {line: (text, typeset) for line, text, typeset in second}
    return rows if first == second and all(str(n) in rows for n in range(1, 6)) else False


def run(driver, url, screenshot):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
    wait = WebDriverWait(driver, 20)
    driver.get(url)
    wait.until(lambda d: len(d.find_elements("css selector", "#exercise option")) > 0)
    Select(driver.find_element("id", "exercise")).select_by_value(EXERCISE)
    wait.until(lambda d: d.find_element("id", "title").text.startswith("Assignment Q1 (i)"))
    wait.until(lambda d: d.execute_script("return document.getElementById('network').naturalWidth") > 0)
    editor = driver.find_element("id", "answers")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys(ANSWERS)
    rows = wait.until(preview_settled)
    # Typeset by KaTeX: the known mistake's line, with its reading beside it.
    assert rows["1"][1], "line 1 not typeset"
    assert "(a3_1 - y)*a2_1" in rows["1"][0], rows["1"]
    implicit = rows["3"][0]
    assert "(1/2)*w1_11*x1" in implicit, implicit  # the implicit product with its '*' shown
    assert "<script>" in rows["4"][0], rows["4"]  # the hostile key shown as text
    # Check, from the keyboard: focus the button and press Enter.
    driver.find_element("id", "check").send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements("id", "total"))
    result = driver.find_element("id", "result")
    rows = {r.find_elements("css selector", "td")[0].text: r
            for r in result.find_elements("css selector", "tbody tr")}
    mistake = rows["dL/dw3_11"].text
    assert "incorrect" in mistake and "mistake: loss-delta-mixup" in mistake, mistake
    assert "mistake: missing-bias" in rows["z2_1"].text, rows["z2_1"].text
    assert "Total: 0 of 27 points" in driver.find_element("id", "total").text
    assert "<script>" in result.text and "onerror" in result.text  # quoted as text
    # Nothing the answers held ran or became an element.
    assert driver.title == "deltacheck", driver.title
    assert len(driver.find_elements("css selector", "img")) == 1  # the network alone
    assert not driver.find_elements("css selector", "#preview script, #result script")
    if screenshot:
        driver.save_screenshot(screenshot)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("skipped: chromium or chromedriver is not installed (scripts/install-deps.sh installs them)")
        return SKIP
    server, url = start_server(args.binary)
    profile = tempfile.mkdtemp(prefix="deltacheck-browser-")
    driver = None
    try:
        driver = browser(profile)
        run(driver, url, args.screenshot)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
    print("ok: preview typeset, verdict and named mistake read from the page, hostile lines shown as text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
