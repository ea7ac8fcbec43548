#!/usr/bin/env python3
"""Maxima peer of `deltacheck check`: ratsimp(a - b) = 0 for every answer, in one Maxima run.

Same inputs as sympy_check.py. Writes a Maxima batch file, runs `maxima --very-quiet`, and
prints: seconds proved parts.

usage: maxima_check.py ANSWERS TRUTH DEFINITIONS
"""
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from sympy_check import lines  # noqa: E402


def main():
    answers, truth, definitions = (lines(p) for p in sys.argv[1:4])
    # `step` is a Maxima keyword (for ... step ...): the unit step is called ustep here.
    def maxima(text):
        return re.sub(r"\bstep\(", "ustep(", text.replace("**", "^"))

    program = ["display2d: false$", "sigmoid(x) := 1/(1 + exp(-x))$", "relu(x) := max(0, x)$", "ustep(x) := unit_step(x)$"]
    # Definitions are substituted in order, as values of the names.
    subst = []
    for name, text in definitions.items():
        program.append(f"{name}_def : subst([{', '.join(subst)}], {maxima(text)})$")
        subst.append(f"{name} = {name}_def")
    keys = [k for k in truth if k in answers]
    for k in keys:
        a, b = maxima(answers[k]), maxima(truth[k])
        program.append(f"print(is(ratsimp(subst([{', '.join(subst)}], ({a}) - ({b}))) = 0))$")
    with tempfile.NamedTemporaryFile("w", suffix=".mac", delete=False) as f:
        f.write("\n".join(program) + "\n")
    start = time.perf_counter()
    out = subprocess.run(["maxima", "--very-quiet", f"--batch={f.name}"], capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    print(f"{seconds} {out.split().count('true')} {len(truth)}")


if __name__ == "__main__":
    main()
