#!/usr/bin/env python3
"""deltacheck serve in a real browser: headless Chromium opens the page, picks assign-q1-squared,
types a line with a known mistake, one with implicit multiplication and two hostile ones, sees the
typeset preview beside each line, presses Check with the keyboard and reads the verdict and the
named mistake. A statement with `$...$` maths is typeset and a hostile one shown as text; at a
phone's width nothing scrolls sideways.

Usage: serve_page_test.py DELTACHECK_BINARY [--screenshot PNG] [--phone-screenshot PNG]
Exit 77 (skipped) only when Chromium or its driver is not installed."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
EXERCISE = "assign-q1-squared"
LIBRARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "exercises", "library")
# A statement with inline maths, an escaped dollar and markup that must stay text.
TYPESET_EXERCISE = r"""id: typeset-statement
title: "A statement with maths"
statement: |
  The loss is $\frac12 (\hat y - y)^2$ and costs \$5.
  <img src=x onerror="document.title='pwned'"> is text.
symbols:
  yhat: [0.05, 0.95]
  y: [0, 1]
parts:
  - key: dl/dyhat
    ask: "the derivative of the loss with respect to $\\hat y$"
    truth: "yhat - y"
    uses: [y, yhat]
"""
# A known mistake (the sigmoid's derivative left out), a missing bias, implicit multiplication
# (read with its '*' by a reader that takes it, else marked at its column), and two hostile lines.
ANSWERS = "\n".join([
    "dL/dw3_11 = (a3_1 - y)*a2_1",
    "z2_1 = w2_11*a1_1 + w2_12*a1_2",
    "z1_1 = 1/2*w1_11 x1 + w1_12*x2 + w1_13*x3 + b1_1",
    "<script>document.title='pwned'</script> = 1",
    "z1_2 = \"><img src=x onerror=\"document.title='pwned'\">",
    "dL/db3_1 = 1/2*2(a3_1 - y) = (a3_1 - y)",  # a chain: each step typeset, joined by '='
]) + "\n"


def exercises_folder():
    """A folder with assign-q1-squared of the library and the typeset-statement exercise."""
    folder = tempfile.mkdtemp(prefix="deltacheck-exercises-")
    shutil.copy(os.path.join(LIBRARY, EXERCISE + ".yaml"), folder)
    with open(os.path.join(folder, "typeset-statement.yaml"), "w", encoding="utf-8") as f:
        f.write(TYPESET_EXERCISE)
    return folder


def start_server(binary, exercises):
    """The server on a free port and its address, read from its first line."""
    server = subprocess.Popen([binary, "serve", "--port", "0", "--exercises", exercises],
                              stdout=subprocess.PIPE, text=True)
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


SNAPSHOT = """return Array.from(document.querySelectorAll('#preview .line')).map((r) => [
    r.dataset.line, r.textContent, r.querySelector('.katex') !== null, r.title,
    r.classList.contains('pending'), r.getBoundingClientRect().top]);"""


def preview_settled(driver):
    """The preview rows by line number (text, typeset, title, top) once every row has been read
    and the preview stayed the same for half a second (the last read after typing has come)."""
    import time
    first = driver.execute_script(SNAPSHOT)
    time.sleep(0.5)
    second = driver.execute_script(SNAPSHOT)
    rows = {line: (text, typeset, title, top) for line, text, typeset, title, _, top in second}
    settled = first == second and not any(pending for *_, pending, _ in second)
    return rows if settled and all(rows.get(str(n), ("",))[0] for n in range(1, 7)) else False


def check_statement(driver, wait):
    """The statement's `$...$` typeset by KaTeX, its markup shown as text."""
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element("id", "exercise")).select_by_value("typeset-statement")
    wait.until(lambda d: d.find_element("id", "title").text == "A statement with maths")
    statement = driver.find_element("id", "statement-text")
    maths = statement.find_elements("css selector", ".katex")
    assert len(maths) == 1, statement.get_attribute("textContent")
    tex = maths[0].find_element("css selector", "annotation").get_attribute("textContent")
    assert tex == "\\frac12 (\\hat y - y)^2", tex
    text = statement.text
    assert "costs $5." in text and "<img src=x onerror=" in text, text
    assert not statement.find_elements("css selector", "img")
    assert not driver.find_element("id", "network").is_displayed()  # no network: no picture
    assert driver.find_elements("css selector", "#parts td .katex")  # what a part asks, typeset
    # The split itself: escaped dollars, an unclosed one, display maths, a `\$` inside maths.
    split = lambda text: [[p["math"], p["text"]] for p in driver.execute_script(
        "return splitMath(arguments[0])", text)]
    assert split(r"a \$1 $x$ b") == [[False, "a $1 "], [True, "x"], [False, " b"]]
    assert split("costs $5 today") == [[False, "costs $5 today"]]
    assert split(r"$a\$b$ and $$y$$") == [[True, r"a\$b"], [False, " and "], [True, "y"]]


def check_preview(driver, wait):
    """Each line's reading typeset beside it, the reading explicit, errors at their line."""
    from selenium.webdriver.common.keys import Keys
    editor = driver.find_element("id", "answers")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    below = "return document.getElementById('status').getBoundingClientRect().top"
    top = driver.execute_script(below)
    editor.send_keys(ANSWERS)
    rows = wait.until(preview_settled)
    assert driver.execute_script(below) == top  # typing and its preview moved nothing below
    assert rows["1"][1], "line 1 not typeset"
    assert "(a3_1 - y)*a2_1" in rows["1"][2], rows["1"]
    assert "(1/2)*w1_11*x1" in rows["3"][2], rows["3"]  # the implicit product with its '*'
    tex = driver.execute_script(
        "return document.querySelector('#preview .line[data-line=\"3\"] annotation').textContent")
    assert "\\frac{1}{2} \\cdot w^{(1)}_{11} \\cdot x_{1}" in tex, tex  # typeset with its dot
    assert "column" in rows["4"][0], rows["4"]  # the hostile key: its error, as text
    assert "column" in rows["5"][0], rows["5"]
    assert rows["6"][2] == "dL/db3_1 = (1/2)*2*(a3_1 - y) = a3_1 - y", rows["6"]
    # Beside each line: the rows are as far apart as the editor's lines.
    step = rows["2"][3] - rows["1"][3]
    assert abs(step - 30) < 1 and abs(rows["5"][3] - rows["1"][3] - 4 * step) < 1, rows
    # The caret's line in full, from the keyboard.
    editor.send_keys(Keys.CONTROL, Keys.HOME)
    editor.send_keys(Keys.DOWN, Keys.DOWN)
    detail = driver.find_element("id", "line-detail")
    wait.until(lambda d: detail.text.startswith("Line 3: read as z1_1 = (1/2)*w1_11*x1"))
    editor.send_keys(Keys.DOWN)
    wait.until(lambda d: detail.text.startswith("Line 4: column"))
    # A click on a line's reading puts the caret on that line.
    driver.find_element("css selector", '#preview .line[data-line="1"]').click()
    wait.until(lambda d: detail.text.startswith("Line 1: read as dL/dw3_11 = (a3_1 - y)*a2_1"))


def check_result(driver, wait):
    """Check, from the keyboard: the verdicts, the named mistakes, the hostile lines as text."""
    from selenium.webdriver.common.keys import Keys
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


def check_phone(driver, wait, screenshot):
    """At a phone's width (400 px) the page stacks and nothing scrolls sideways."""
    driver.set_window_size(400, 800)
    wait.until(lambda d: d.execute_script("return innerWidth") <= 400)
    wide = driver.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
    assert wide[0] <= wide[1], wide
    rows = driver.find_elements("css selector", "#preview .line:not(.empty)")
    assert rows and all(r.is_displayed() for r in rows[:3])
    # The caret on the last answer: the preview box scrolls its row into sight.
    from selenium.webdriver.common.keys import Keys
    driver.find_element("id", "answers").send_keys(Keys.CONTROL, Keys.END)
    driver.find_element("id", "answers").send_keys(Keys.UP)  # the last line holds nothing
    wait.until(lambda d: d.execute_script(
        "const box = document.getElementById('preview').getBoundingClientRect();"
        "const row = document.querySelector('#preview .line[data-line=\"6\"]').getBoundingClientRect();"
        "return row.top >= box.top && row.bottom <= box.bottom;"))
    if screenshot:
        driver.execute_script("document.getElementById('work').scrollIntoView()")
        driver.save_screenshot(screenshot)


def run(driver, url, screenshot, phone_screenshot):
    from selenium.webdriver.support.ui import Select, WebDriverWait
    wait = WebDriverWait(driver, 20)
    driver.get(url)
    wait.until(lambda d: len(d.find_elements("css selector", "#exercise option")) > 0)
    check_statement(driver, wait)
    Select(driver.find_element("id", "exercise")).select_by_value(EXERCISE)
    wait.until(lambda d: d.find_element("id", "title").text.startswith("Assignment Q1 (i)"))
    wait.until(lambda d: d.execute_script("return document.getElementById('network').naturalWidth") > 0)
    # The template's many lines: the preview is as tall as the editor, not the editor as tall
    # as its rows.
    wait.until(lambda d: len(d.find_elements("css selector", "#preview .line")) > 40)
    heights = driver.execute_script("return ['answers', 'preview'].map("
                                    "(id) => document.getElementById(id).offsetHeight)")
    assert abs(heights[0] - heights[1]) <= 2 and heights[0] < 800, heights
    check_preview(driver, wait)
    check_result(driver, wait)
    if screenshot:
        driver.save_screenshot(screenshot)
    check_phone(driver, wait, phone_screenshot)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--screenshot")
    parser.add_argument("--phone-screenshot")
    args = parser.parse_args()
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("skipped: chromium or chromedriver is not installed (scripts/install-deps.sh installs them)")
        return SKIP
    exercises = exercises_folder()
    server, url = start_server(args.binary, exercises)
    profile = tempfile.mkdtemp(prefix="deltacheck-browser-")
    driver = None
    try:
        driver = browser(profile)
        run(driver, url, args.screenshot, args.phone_screenshot)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(exercises, ignore_errors=True)
    print("ok: statement and preview typeset, each reading beside its line, verdict and named mistake"
          " read from the page, hostile lines shown as text, no sideways scroll at 400 px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
