#!/usr/bin/env python3
"""SymPy peer of `deltacheck check`: is each answer equal to the truth? simplify(a - b) == 0.

Reads two answer files in deltacheck's syntax (KEY = EXPRESSION lines): the answers and
the truth, and DEFINITIONS (name = expression lines, e.g. a2_1 = sigmoid(z2_1)) that are
substituted into both first, so that an answer written in z can meet a truth written in a.
Prints: seconds proved parts (proved: parts whose difference simplify() reduced to 0).

usage: sympy_check.py ANSWERS TRUTH DEFINITIONS
"""
import sys
import time

import sympy as sp

FUNCTIONS = {
    "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    "relu": lambda x: sp.Max(0, x),
    "step": sp.Heaviside,
    "ln": sp.log,
}


def lines(path):
    out = {}
    for line in open(path):
        line = line.split("#")[0].strip()
        if "=" in line:
            key, expression = line.split("=", 1)
            out[key.strip()] = expression.strip().replace("^", "**")
    return out


def main():
    answers, truth, definitions = (lines(p) for p in sys.argv[1:4])
    start = time.perf_counter()
    names = {}
    substitutions = {}
    for name, text in definitions.items():  # in order: later ones may use earlier ones
        substitutions[sp.Symbol(name)] = sp.sympify(text, locals=FUNCTIONS).subs(substitutions)
    proved = 0
    for key, text in truth.items():
        if key not in answers:
            continue
        a = sp.sympify(answers[key], locals=FUNCTIONS).subs(substitutions)
        b = sp.sympify(text, locals=FUNCTIONS).subs(substitutions)
        proved += sp.simplify(a - b) == 0
    print(f"{time.perf_counter() - start} {proved} {len(truth)}")


if __name__ == "__main__":
    main()
