#!/usr/bin/env python3
# Generates the student corpus (tests/data/student_corpus): answer files in ten styles of writing
# and labels.json, each part labelled right, wrong, carried or incomplete; --check compares with
# the files.
import argparse
import difflib
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import answers as A  # noqa: E402
import render as R  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "data", "student_corpus"))
DEFAULT_LIBRARY = os.path.normpath(os.path.join(HERE, "..", "..", "exercises", "library"))

FORWARD = re.compile(r"^[za][0-9]+_[0-9]+$")
FACTOR = re.compile(r"\bd(L|[A-Za-z]+[0-9]*(?:_[0-9]+)?)/d([A-Za-z]+[0-9]*(?:_[0-9]+)?)\b")
NAME = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b")
NUMERIC = ["numeric-mlp-step", "numeric-q2-step", "numeric-relu-regression"]

# Which exercises each style's students answer, and how many files of each.
PLAN = {
    "definitions": [("assign-q1-squared", 3), ("assign-q1-crossentropy", 3),
                    ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 2),
                    ("delta-rules", 2), ("regularized-update", 1), ("linreg-gd", 1),
                    ("bce-derivative", 1)],
    "chain-factors": [("assign-q1-squared", 4), ("assign-q1-crossentropy", 3),
                      ("assign-q2-crossentropy", 3), ("chain-rule-paths", 3),
                      ("mlp-sigmoid-squared", 2)],
    "chained-steps": [("assign-q1-squared", 3), ("assign-q1-crossentropy", 2),
                      ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 2),
                      ("bce-derivative", 2), ("softmax-jacobian", 2), ("linreg-gd", 1),
                      ("regularized-update", 1)],
    "unicode": [("assign-q1-squared", 2), ("assign-q1-crossentropy", 2),
                ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 1), ("delta-rules", 1),
                ("bce-derivative", 1), ("softmax-jacobian", 1), ("momentum-update", 1),
                ("regularized-update", 1), ("numeric-mlp-step", 1), ("numeric-q2-step", 1),
                ("numeric-relu-regression", 1)],
    "latex": [("assign-q1-squared", 3), ("assign-q1-crossentropy", 2),
              ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 2), ("delta-rules", 1),
              ("chain-rule-paths", 1), ("bce-derivative", 2), ("softmax-jacobian", 2)],
    "implicit": [("assign-q1-squared", 2), ("assign-q1-crossentropy", 2),
                 ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 1), ("delta-rules", 1),
                 ("chain-rule-paths", 1), ("regularized-update", 2), ("momentum-update", 2),
                 ("linreg-gd", 2)],
    "python": [("assign-q1-squared", 2), ("assign-q1-crossentropy", 2),
               ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 1),
               ("chain-rule-paths", 1), ("bce-derivative", 2), ("softmax-jacobian", 2),
               ("regularized-update", 1), ("linreg-gd", 2)],
    "primes": [("assign-q1-squared", 3), ("assign-q1-crossentropy", 2),
               ("assign-q2-crossentropy", 3), ("mlp-sigmoid-squared", 2), ("delta-rules", 2),
               ("chain-rule-paths", 1), ("bce-derivative", 1), ("regularized-update", 1)],
    "commas": [("numeric-mlp-step", 5), ("numeric-q2-step", 5),
               ("numeric-relu-regression", 5)],
    "misspelled": [("assign-q1-squared", 2), ("assign-q1-crossentropy", 2),
                   ("assign-q2-crossentropy", 2), ("mlp-sigmoid-squared", 1), ("delta-rules", 1),
                   ("numeric-mlp-step", 1), ("numeric-q2-step", 1),
                   ("numeric-relu-regression", 1), ("softmax-jacobian", 1), ("linreg-gd", 1),
                   ("regularized-update", 1), ("momentum-update", 1)],
}


class AnswerFile:
    """One student's file: its lines and the label of every part and definition in it."""

    def __init__(self, exercise, style, path):
        self.exercise, self.style, self.path = exercise, style, path
        self.lines, self.parts, self.definitions, self.rendered = [], [], [], []

    def part(self, key, canonical, label, mistake="", render=lambda c: c, **extra):
        """Labels the part just written on the last line; `render` writes a canonical answer
        as that line does (for `settle`)."""
        entry = {"key": key, "label": label, "mistake": mistake, "canonical": canonical}
        entry.update(extra)
        self.parts.append(entry)
        self.rendered.append((len(self.lines) - 1, render))

    def settle(self):
        """Makes right each wrong forward answer whose name a later line uses: whether such a
        line means the student's a2_1 or the network's is the reader's choice, not a label."""
        if self.exercise in NUMERIC:
            return self.carry_numbers()
        if self.exercise in A.SYMBOLIC:
            return
        for i, p in enumerate(self.parts):
            if p["label"] != "wrong" or not FORWARD.match(p["key"]):
                continue
            others = [q["canonical"] for q in self.parts if q is not p]
            others += [t for q in self.parts if q is not p for t in q.get("steps", [])]
            others += [d["canonical"] for d in self.definitions]
            names = {p["key"], p.get("written_key", p["key"])}
            if not any(re.search(r"\b%s\b" % n, t) for n in names for t in others):
                continue
            line, render = self.rendered[i]
            right = A.network_answer(A.Net(self.exercise), p["key"])
            head, _, tail = self.lines[line].rpartition(render(p["canonical"]))
            self.lines[line] = head + render(right) + tail
            p.update(canonical=right, label="right", mistake="")
            if "steps" in p:
                p["steps"] = [right]

    def carry_numbers(self):
        """Labels carried each wrong number that follows by one step of backprop from the
        student's own wrong numbers, with the mistake of the earliest of them."""
        parts = {p["key"]: p for p in self.parts}
        given = {k: float(p["canonical"]) for k, p in parts.items()}
        for key, origin in A.numeric_carried(self.exercise, given).items():
            parts[key].update(label="carried", mistake=parts[origin]["mistake"])

    def mark_incomplete(self):
        """Labels incomplete each right part whose last step still holds a chain-rule factor:
        for an exercise whose file sets require_evaluated, the check gives it no credit."""
        defined = {d["name"]: d["canonical"] for d in self.definitions}
        for p in self.parts:
            defined.update({n: p["canonical"] for n in (p["key"], p.get("written_key")) if n})
        for p in self.parts:
            if p["label"] == "right" and factors_in(p["canonical"], defined):
                p["label"] = "incomplete"

    def define(self, name, canonical, label, mistake=""):
        """Labels a definition (right, wrong, carried, or own for a name of the student's own)."""
        self.definitions.append({"name": name, "canonical": canonical, "label": label,
                                 "mistake": mistake})

    def manifest(self):
        """This file's entry in labels.json."""
        out = {"file": self.path, "exercise": self.exercise, "style": self.style,
               "parts": self.parts}
        if self.definitions:
            out["definitions"] = self.definitions
        return out


def factors_in(text, defined, seen=frozenset()):
    """The chain-rule factors dA/dB `text` holds, through the file's names it uses: a name the
    file defines stands for its definition, not for a factor."""
    out = {m.group(0) for m in FACTOR.finditer(text) if m.group(0) not in defined}
    used = {m.group(0) for m in FACTOR.finditer(text)} | set(NAME.findall(text))
    for name in sorted(used & set(defined) - seen):
        out |= factors_in(defined[name], defined, seen | {name})
    return out


def requires_evaluated(library, exercise):
    """True when the exercise's file sets `require_evaluated: true`."""
    with open(os.path.join(library, exercise + ".yaml"), encoding="utf-8") as yaml:
        return re.search(r"^require_evaluated:[ \t]*true[ \t]*(#.*)?$", yaml.read(), re.M) \
            is not None


# --- choosing what a student answers ----------------------------------------------------------

def keys_of(exercise):
    """The exercise's part keys."""
    if exercise in A.SYMBOLIC:
        return list(A.SYMBOLIC[exercise])
    return A.Net(exercise).parts()


def pick(rng, keys, low=0.5):
    """A student's selection of parts: most of them, now and then out of order."""
    n = rng.randint(max(1, int(len(keys) * low)), len(keys))
    chosen = sorted(rng.sample(range(len(keys)), n))
    out = [keys[i] for i in chosen]
    if rng.random() < 0.2:
        rng.shuffle(out)
    return out


def choose(rng, exercise, key, p_wrong=0.3, form="a"):
    """(canonical answer, label, mistake) for `key`: right, or one of its classic mistakes."""
    if exercise in A.SYMBOLIC:
        right, wrongs = A.SYMBOLIC[exercise][key]
        if wrongs and rng.random() < p_wrong:
            ans, tag = rng.choice(wrongs)
            return ans, "wrong", tag
        return right, "right", ""
    if exercise in NUMERIC:
        truth = A.numeric_values(exercise)[key]
        wrongs = A.numeric_mistakes(exercise, key)
        if wrongs and rng.random() < p_wrong:
            mut, at, tag = rng.choice(wrongs)
            return "%.4f" % A.numeric_values(exercise, mut, at)[key], "wrong", tag
        return "%.4f" % truth, "right", ""
    net = A.Net(exercise)
    wrongs = A.network_mistakes(net, key)
    if net.delta_form and key.startswith("delta"):
        wrongs = []  # later lines use the delta: a wrong one is carried (definitions style)
    if wrongs and rng.random() < p_wrong:
        mut, at, tag = rng.choice(wrongs)
        return A.network_answer(net, key, mut, at, form), "wrong", tag
    return A.network_answer(net, key, None, None, form), "right", ""


# The loss's own letter in exercises whose statement names it (dC/dw3_11 for dL/dw3_11).
LOSS_LETTER = {"delta-rules": "C", "mlp-sigmoid-squared": "J", "chain-rule-paths": "J"}


def key_writer(rng, exercise):
    """Keys as written: dL/... as the exercise's dC/... or dJ/... in half the files."""
    letter = LOSS_LETTER.get(exercise)
    if letter and rng.random() < 0.5:
        return lambda k: "d%s/" % letter + k[3:] if k.startswith("dL/") else k
    return lambda k: k


def equals(rng):
    """' = ' spaced as a student happens to space it."""
    return rng.choice([" = ", " = ", " = ", "=", " =  ", "  = "])


# --- expression styles: one rendering of the canonical answers --------------------------------

def render(canonical, st, exercise):
    """The canonical answer written in style `st` (numbers as the style writes numbers)."""
    return st.number(canonical) if exercise in NUMERIC else R.expression(canonical, st)


def write_expressions(rng, f, st, key_text, form="a", line=None, p_wrong=0.3):
    """Writes the chosen parts in style `st`, keys by `key_text`, each line by `line`."""
    for key in pick(rng, keys_of(f.exercise)):
        canonical, label, tag = choose(rng, f.exercise, key, p_wrong, form)
        text = render(canonical, st, f.exercise)
        written = key_text(key)
        f.lines.append(line(written, text) if line else written + equals(rng) + text)
        extra = {"written_key": written} if written != key else {}
        f.part(key, canonical, label, tag, render=lambda c: render(c, st, f.exercise), **extra)


def unicode_style(rng, f):
    """A student who types −, ×, ², σ, δ and ∂L/∂w and ≈ for numbers."""
    st = R.Style(times=rng.choice(["\u00d7", "\u00b7", "\u22c5", "\u2217"]),
                 minus=rng.choice(["\u2212", "\u2212", "\u2013"]), power="super",
                 name=R.unicode_name, func={"sigmoid": "\u03c3"})
    st.number = lambda t: t.replace("-", st.minus)
    nbsp = rng.random() < 0.4
    key_text = (lambda k: R.unicode_key(k)) if rng.random() < 0.7 else (lambda k: k)
    f.lines.append("# backprop \u2014 my answers")

    def line(k, text):
        eq = " \u2248 " if f.exercise in NUMERIC and rng.random() < 0.6 else " = "
        return k + (eq.replace(" ", "\u00a0") if nbsp else eq) + text
    write_expressions(rng, f, st, key_text, rng.choice(["a", "z"]), line)


def latex_style(rng, f):
    """A student who pastes LaTeX lines from a write-up, with $ and % comments."""
    st = R.Style(times=rng.choice([" \\cdot ", " \\cdot ", " \\times "]), power="latex",
                 name=R.latex_name, frac=True, left_right=rng.random() < 0.4,
                 func={"sigmoid": "\\sigma", "exp": "\\exp", "tanh": "\\tanh",
                       "log": rng.choice(["\\log", "\\ln"]),
                       "relu": lambda a: "\\max(0, %s)" % a, "step": lambda a: "H(%s)" % a})
    f.lines.append("% " + rng.choice(["pasted from my write-up", "Backward pass",
                                      "HW answers"]))
    dollars = rng.random()

    def line(k, text):
        body = "%s = %s" % (k, text)
        if dollars < 0.7 or rng.random() < 0.5:
            body = "$" + body + "$"
        if rng.random() < 0.15:
            body += rng.choice([" % chain rule", " % check this", " % from the notes"])
        return body
    write_expressions(rng, f, st, R.latex_key, rng.choice(["a", "z"]), line)


def implicit_style(rng, f):
    """A student who leaves out * wherever juxtaposition has one reading."""
    st = R.Style(times="implicit")
    write_expressions(rng, f, st, key_writer(rng, f.exercise), "a")


def python_style(rng, f):
    """A student who writes as in numpy: **, np.exp, math.log, max(0, z)."""
    np = rng.choice(["np", "math"])
    sig = "1/(1 + %s.exp(-%%s))" % np
    st = R.Style(power="**", func={"exp": np + ".exp", "log": np + ".log",
                                   "tanh": "np.tanh", "relu": lambda a: "max(0, %s)" % a,
                                   "step": lambda a: "(%s > 0)" % a, "abs": "np.abs",
                                   "sigmoid": lambda a: "(" + sig % a + ")"})
    f.lines.append("# computed in python, numpy as np")

    def line(k, text):
        m = re.match(r"^\((1/\(1 \+ \w+\.exp\(-\w+\)\))\)$", text)
        return k + " = " + (m.group(1) if m else text)
    write_expressions(rng, f, st, key_writer(rng, f.exercise), "a", line)


def primes_style(rng, f):
    """A student who writes the activation's derivative primed: sigmoid'(z2_1), f'(z)."""
    fprime = rng.random() < 0.35
    st = R.Style(func={"dsigmoid": "f'" if fprime else rng.choice(["sigmoid'", "\u03c3'"]),
                       "dtanh": "f'" if fprime else "tanh'",
                       "drelu": "f'" if fprime else "relu'"})
    if f.exercise in A.SYMBOLIC:
        return primes_symbolic(rng, f, st)
    write_expressions(rng, f, st, key_writer(rng, f.exercise), "prime", p_wrong=0.25)


PRIMED = {
    "bce-derivative": {"dl/dz": ("(-y/a + (1 - y)/(1 - a))*dsigmoid(z)",
                                 [("(-y/a + (1 - y)/(1 - a))", A.NAMED)])},
    "regularized-update": {
        "dE1/dw1": ("x1*(o - t)*dsigmoid(w1*x1 + w2*x2 + b) + lambda*w1/abs(w1)",
                    [("x1*(o - t)*dsigmoid(w1*x1 + w2*x2 + b)", A.NAMED)]),
        "dE2/dw1": ("x1*(o - t)*dsigmoid(w1*x1 + w2*x2 + b) + lambda*w1",
                    [("x1*(o - t)*dsigmoid(w1*x1 + w2*x2 + b) + 2*lambda*w1", A.NAMED)])},
}


def primes_symbolic(rng, f, st):
    """Primes in the symbolic exercises: the unsimplified chain rule with sigmoid'."""
    st.func["dsigmoid"] = st.func["dsigmoid"].replace("f'", "sigmoid'")
    for key in keys_of(f.exercise):
        if key in PRIMED[f.exercise]:
            right, wrongs = PRIMED[f.exercise][key]
            canonical, label, tag = right, "right", ""
            if rng.random() < 0.3:
                (canonical, tag), label = rng.choice(wrongs), "wrong"
        else:
            canonical, label, tag = choose(rng, f.exercise, key)
        f.lines.append(key + equals(rng) + R.expression(canonical, st))
        f.part(key, canonical, label, tag)


def commas_style(rng, f):
    """A student whose calculator writes decimal commas."""
    f.lines.append("# " + rng.choice(["Rechnung von Hand", "calculs a la main",
                                      "by hand, calculator"]))
    for key in pick(rng, keys_of(f.exercise), 0.6):
        canonical, label, tag = choose(rng, f.exercise, key, 0.3)
        f.lines.append(key + equals(rng) + R.comma_number(canonical))
        f.part(key, canonical, label, tag)


def distance(a, b):
    """The edit distance between two strings, a swap of neighbours counting as one edit."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            change = d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, change)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


# A key that names another quantity of the network: a typo must not land on one.
WELL_FORMED = re.compile(r"^(d[a-z]+/d)?([wbza][0-9]+_[0-9]+|delta[0-9]+_[0-9]+"
                         r"|new_[wb][0-9]+_[0-9]+|[a-z]+[0-9]?)$")


def typo(rng, key):
    """`key` with one slip of the fingers: a letter doubled, dropped, or swapped with the next."""
    i = rng.randrange(len(key) - 1)
    kind = rng.choice(["double", "drop", "swap"])
    if kind == "double":
        return key[:i] + key[i] + key[i:]
    if kind == "drop":
        return key[:i] + key[i + 1:]
    return key[:i] + key[i + 1] + key[i] + key[i + 2:]


def misspell(rng, key, keys):
    """`key` misspelled, nearer to itself than to any other key and naming nothing else;
    now and then only in another case (dl/dW1_13)."""
    if rng.random() < 0.35:
        i = rng.choice([i for i, c in enumerate(key) if c.isalpha()])
        return key[:i] + key[i].swapcase() + key[i + 1:]
    for _ in range(100):
        text = typo(rng, key)
        low = text.lower()
        if low == key.lower() or not re.match(r"^[A-Za-z]", text) or WELL_FORMED.match(low):
            continue
        near = distance(low, key.lower())
        if near <= 1 and all(distance(low, k.lower()) > near for k in keys if k != key):
            return text
    return key.replace("dL/", "dl/") if key.startswith("dL/") else key.upper()


def misspelled_style(rng, f):
    """A student who misspells or miscapitalises most keys."""
    keys = keys_of(f.exercise)
    chosen = pick(rng, keys)
    typo = set(rng.sample(chosen, max(1, int(len(chosen) * 0.6))))
    for key in chosen:
        canonical, label, tag = choose(rng, f.exercise, key)
        written = misspell(rng, key, keys) if key in typo else key
        f.lines.append(written + equals(rng) + canonical)
        f.part(key, canonical, label, tag, written_key=written)


# --- definitions: deltas and names of the student's own, used by later lines -----------------

def delta_definition(net, l, j, names, mut=None, own=None):
    """delta{l}_j in terms of the next layer's defined names; `own` is the output error's name."""
    if l == net.L:
        if isinstance(own, tuple) and mut is None:
            return own[1] + "*" + A.dact(net, l, j)
        if own and mut is None:
            return own + "*" + A.dact(net, l, j) if A.output_delta(net, j) != \
                "(%s - %s)" % (net.a(l, j), net.y(j)) else own
        return A.output_delta(net, j, mut)
    terms = []
    for k in net.units(l + 1):
        w = "w%d_%d%d" % (l + 1, j, k) if mut == "transpose" else "w%d_%d%d" % (l + 1, k, j)
        terms.append("%s*%s" % (names[(l + 1, k)], w))
    if mut == "missing-path":
        terms = terms[:1]
    total = terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")"
    return total if mut == "drop" else total + "*" + A.dact(net, l, j)


def definition_plan(rng, net):
    """Which definition (if any) the student gets wrong: (layer, unit, mutation, tag)."""
    roll = rng.random()
    if roll < 0.35:
        return None
    if roll < 0.45:
        l = rng.randrange(1, net.L)
        return (l, rng.choice(list(net.units(l))), "constant", "")
    options = []
    for l in range(1, net.L + 1):
        for j in net.units(l):
            for mut, at, tag in A.network_mistakes(net, "delta%d_%d" % (l, j)):
                if at == l and mut in ("drop", "missing-path", "transpose", "sign"):
                    options.append((l, j, mut, tag))
    return rng.choice(options) if options else None


def definitions_network(rng, f):
    """Forward answers, then every delta defined from the output back, then the gradients in the
    deltas."""
    net = A.Net(f.exercise)
    keys = net.parts()
    word = "delta" if net.delta_form or rng.random() < 0.6 else "dL/dz"
    names = {(l, j): "%s%d_%d" % (word, l, j) for l in range(1, net.L + 1) for j in net.units(l)}
    plan = definition_plan(rng, net)
    own = None
    if rng.random() < 0.6 and net.sizes[net.L] == 1:
        own = "e"
        f.lines.append("e = %s - %s" % (net.a(net.L, 1), net.y(1)))
        f.define("e", "%s - %s" % (net.a(net.L, 1), net.y(1)), "own")
    elif word == "dL/dz" and net.sizes[net.L] == 1 and rng.random() < 0.6:
        a, y = net.a(net.L, 1), net.y(1)
        text = "%s - %s" % (a, y) if net.loss == "squared" else \
            "-%s/%s + (1 - %s)/(1 - %s)" % (y, a, y, a)
        own = ("loss-gradient", "dL/d" + a)
        f.lines.append(own[1] + equals(rng) + text)
        f.define(own[1], text, "right")
    for key in keys:
        if key[0] in "za" and rng.random() < 0.7:
            canonical, label, tag = choose(rng, f.exercise, key, 0.15)
            written = "yhat" if key == "a%d_1" % net.L and net.sizes[net.L] == 1 and \
                rng.random() < 0.5 else key
            f.lines.append(written + equals(rng) + canonical)
            f.part(key, canonical, label, tag, written_key=written)
    wrong = write_delta_definitions(rng, f, net, names, plan, own)
    for key in keys:
        if key.startswith("dL/") and rng.random() < 0.85:
            gradient_from_definitions(rng, f, net, key, names, wrong, plan)


def write_delta_definitions(rng, f, net, names, plan, own):
    """Writes every delta from the output back; the set of names whose value is not right."""
    status = {}
    for l in range(net.L, 0, -1):
        for j in net.units(l):
            name = names[(l, j)]
            mine = plan and plan[:2] == (l, j)
            if mine and plan[2] == "constant":
                text, label, tag = "0", "wrong", ""
            elif mine:
                text, label, tag = delta_definition(net, l, j, names, plan[2]), "wrong", plan[3]
            else:
                text, label, tag = delta_definition(net, l, j, names, None, own), "right", ""
                below = [status.get((l + 1, k)) for k in net.units(l + 1)] if l < net.L else []
                if "constant" in below:
                    label, status[(l, j)] = "wrong", "constant"
                elif "wrong" in below or "carried" in below:
                    label = "carried"
            if mine:
                status[(l, j)] = "constant" if plan[2] == "constant" else "wrong"
            elif label == "carried":
                status[(l, j)] = "carried"
            f.lines.append(name + equals(rng) + text)
            key = "delta%d_%d" % (l, j)
            if net.delta_form and name == key and key in net.parts():
                f.part(key, text, label, tag if label == "wrong" else "")
            else:
                f.define(name, text, label, tag if label == "wrong" else "")
    return status


def gradient_from_definitions(rng, f, net, key, names, status, plan):
    """A gradient written in the defined delta; carried when that delta is wrong."""
    l, idx = int(key[5:].split("_")[0]), key.split("_")[1]
    j = int(idx[0])
    d = names[(l, j)]
    s = status.get((l, j))
    label = {"wrong": "carried", "carried": "carried", "constant": "wrong"}.get(s, "right")
    tag = ""
    if key[4] == "b":
        text = d
    else:
        k = int(idx[1])
        if label == "right" and net.sizes[l - 1] > 1 and rng.random() < 0.15:
            k, label, tag = k % net.sizes[l - 1] + 1, "wrong", "wrong-unit-or-layer"
        text = "%s*%s" % (d, net.a(l - 1, k)) if rng.random() < 0.7 else \
            "%s*%s" % (net.a(l - 1, k), d)
    f.lines.append(key + equals(rng) + text)
    f.part(key, text, label, tag)


SYMBOLIC_DEFINITIONS = {
    "regularized-update": (
        [("e", "o - t"), ("s", "o*(1 - o)")],
        {"dE1/dw1": ("x1*e*s + lambda*w1/abs(w1)", [("x1*e*s + lambda*w1", A.NAMED)]),
         "new_w1_L1": ("w1 - eta*(x1*e*s + lambda*w1/abs(w1))", []),
         "dE2/dw1": ("x1*e*s + lambda*w1", [("x1*e*s + 2*lambda*w1", A.NAMED)]),
         "new_w1_L2": ("w1 - eta*(x1*e*s + lambda*w1)", [("w1 - eta*x1*e*s", A.NAMED)])}),
    "linreg-gd": (
        [("e", "y - h"), ("e1", "y1 - (w1*x1 + w0)"), ("e2", "y2 - (w1*x2 + w0)"),
         ("e3", "y3 - (w1*x3 + w0)")],
        {"dLoss/dw0": ("-2*e", [("2*e", "wrong-sign")]),
         "dLoss/dw1": ("-2*e*x", [("-2*e", A.NAMED)]),
         "w0_new": ("w0 + alpha*e", [("w0 - alpha*e", A.NAMED)]),
         "w1_new": ("w1 + alpha*e*x", [("w1 + alpha*e", A.NAMED)]),
         "w0_batch": ("w0 + alpha*(e1 + e2 + e3)", [("w0 + alpha*e1", A.NAMED)]),
         "w1_batch": ("w1 + alpha*(e1*x1 + e2*x2 + e3*x3)", [])}),
    "bce-derivative": (
        [("q", "1 - yhat"), ("s", "sigmoid(z)")],
        {"dl/dyhat": ("-y/yhat + (1 - y)/q", [("-y/yhat - (1 - y)/q", A.NAMED)]),
         "dl/dz": ("s - y", [("(s - y)*s*(1 - s)", A.NAMED)])}),
}


def definitions_symbolic(rng, f):
    """Names of the student's own (e = o - t) used by the answers."""
    defs, parts = SYMBOLIC_DEFINITIONS[f.exercise]
    for name, text in defs:
        f.lines.append(name + equals(rng) + text)
        f.define(name, text, "own")
    for key, (right, wrongs) in parts.items():
        canonical, label, tag = right, "right", ""
        if wrongs and rng.random() < 0.35:
            (canonical, tag), label = rng.choice(wrongs), "wrong"
        f.lines.append(key + equals(rng) + canonical)
        f.part(key, canonical, label, tag)


def definitions_style(rng, f):
    """A student who defines deltas and names of their own."""
    if f.exercise in SYMBOLIC_DEFINITIONS:
        return definitions_symbolic(rng, f)
    definitions_network(rng, f)


# --- chain-rule factors: dL/da3_1 * da3_1/dz3_1 * dz3_1/dw3_11 --------------------------------

def factor_values(net, rng):
    """Each kind of factor replaced by its value now and then, as a student half-evaluates."""
    return {kind: rng.random() < 0.3 for kind in ("loss", "act", "input", "weight")}


def loss_factor(net, j, evaluate):
    """dL/da of output unit j, or its value where the student evaluated it."""
    a, y = net.a(net.L, j), net.y(j)
    if not evaluate["loss"]:
        return "dL/d" + a
    if net.loss == "squared":
        return "(%s - %s)" % (a, y)
    return "(%s - %s)/(%s*(1 - %s))" % (a, y, a, a)


def dz_factor(net, l, j, mut, at, evaluate, expand):
    """dL/dz{l}_j as chain-rule factors, with the mutation `mut` at layer `at`."""
    here = mut if at == l else None
    act = "da%d_%d/dz%d_%d" % (l, j, l, j)
    if evaluate["act"]:
        act = A.dact(net, l, j) if A.dact(net, l, j).startswith("(") or net.acts[l] == "relu" \
            else "(%s)" % A.dact(net, l, j)
    if l == net.L:
        head = loss_factor(net, j, evaluate)
        return head if here == "drop" else head + "*" + act
    if not expand and mut is None:
        return "dL/dz%d_%d" % (l, j)
    terms = []
    for k in net.units(l + 1):
        w = "w%d_%d%d" % (l + 1, j, k) if here == "transpose" else "w%d_%d%d" % (l + 1, k, j)
        if not evaluate["weight"] and here != "transpose":
            w = "dz%d_%d/da%d_%d" % (l + 1, k, l, j)
        inner = dz_factor(net, l + 1, k, mut, at, evaluate, expand)
        terms.append(inner + "*" + w)
    if here == "missing-path":
        terms = terms[:1]
    total = terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")"
    return total if here == "drop" else total + "*" + act


def factor_answer(net, key, mut, at, evaluate, expand):
    """A gradient as a product of chain-rule factors."""
    l, idx = int(key[5:].split("_")[0]), key.split("_")[1]
    j = int(idx[0])
    d = dz_factor(net, l, j, mut, at, evaluate, expand)
    if mut == "sign":
        d = "-" + d
    if key[4] == "b":
        return d if evaluate["input"] else d + "*dz%d_%d/db%d_%d" % (l, j, l, j)
    k = int(idx[1])
    if mut == "wrong-unit":
        k = k % net.sizes[l - 1] + 1
    inp = net.a(l - 1, k) if evaluate["input"] else "dz%d_%d/dw%d_%d%d" % (l, j, l, j, k)
    return d + "*" + inp


def chain_factors_style(rng, f):
    """A student who writes the chain rule as factors dL/da3_1*da3_1/dz3_1*..."""
    net = A.Net(f.exercise)
    evaluate = factor_values(net, rng)
    expand = f.exercise == "chain-rule-paths" or rng.random() < 0.5
    for key in pick(rng, net.parts(), 0.6):
        if not key.startswith("dL/"):
            canonical, label, tag = choose(rng, f.exercise, key, 0.15)
            f.lines.append(key + equals(rng) + canonical)
            f.part(key, canonical, label, tag)
            continue
        mut, at, tag, label = None, None, "", "right"
        options = [m for m in A.network_mistakes(net, key)
                   if m[0] in ("drop", "missing-path", "sign", "wrong-unit")]
        if options and rng.random() < 0.3:
            (mut, at, tag), label = rng.choice(options), "wrong"
        canonical = factor_answer(net, key, mut, at, evaluate, expand or mut is not None)
        f.lines.append(key + equals(rng) + canonical)
        f.part(key, canonical, label, tag, plain=A.network_answer(net, key, mut, at))


# --- chained steps: KEY = A = B = C, or continuation lines beginning with = -------------------

def network_steps(net, key, mut, at):
    """The working of `key`: factors, then the derivative in z, then in a (mutated from
    a random step on when `mut` is set, so the steps before it stay right)."""
    everything = {kind: False for kind in ("loss", "act", "input", "weight")}
    first = factor_answer(net, key, None, None, everything, True)
    in_z = A.network_answer(net, key, None, None, "z")
    final = A.network_answer(net, key, None, None, "a")
    steps = [first, in_z, final] if in_z != final else [first, final]
    if mut is not None:
        wrong_z = A.network_answer(net, key, mut, at, "z")
        wrong_a = A.network_answer(net, key, mut, at, "a")
        steps = steps[:-2] + [wrong_z, wrong_a] if len(steps) == 3 else [first, wrong_a]
    return steps


SYMBOLIC_STEPS = {
    "bce-derivative": {
        "dl/dyhat": (["-(y/yhat + (1 - y)*(-1)/(1 - yhat))", "-y/yhat + (1 - y)/(1 - yhat)"],
                     ["-(y/yhat + (1 - y)*(-1)/(1 - yhat))", "-y/yhat - (1 - y)/(1 - yhat)"],
                     A.NAMED),
        "dl/dz": (["(-y/a + (1 - y)/(1 - a))*a*(1 - a)", "-y*(1 - a) + (1 - y)*a", "a - y"],
                  ["(-y/a + (1 - y)/(1 - a))*a*(1 - a)", "-y*(1 - a) + (1 - y)*a", "y - a"],
                  "wrong-sign")},
    "softmax-jacobian": {
        "ds1/dz1": (["(exp(z1)*(exp(z1) + exp(z2) + exp(z3) + exp(z4)) - exp(z1)^2)/"
                     "(exp(z1) + exp(z2) + exp(z3) + exp(z4))^2", "s1 - s1^2", "s1*(1 - s1)"],
                    ["exp(z1)/(exp(z1) + exp(z2) + exp(z3) + exp(z4))", "s1"], A.NAMED),
        "ds1/dz2": (["-exp(z1)*exp(z2)/(exp(z1) + exp(z2) + exp(z3) + exp(z4))^2", "-s1*s2"],
                    ["exp(z1)*exp(z2)/(exp(z1) + exp(z2) + exp(z3) + exp(z4))^2", "s1*s2"],
                    "wrong-sign"),
        "dL/dz2": (["-y2*(1 - s2) + (y1 + y3 + y4)*s2", "-y2 + s2*(y1 + y2 + y3 + y4)",
                    "s2 - y2"],
                   ["-y2*(1 - s2) + (y1 + y3 + y4)*s2", "-y2 + s2*(y1 + y2 + y3 + y4)",
                    "y2 - s2"], "wrong-sign")},
    "linreg-gd": {
        "dLoss/dw1": (["2*(y - h)*(-x)", "-2*(y - h)*x"], ["2*(y - h)*(-1)", "-2*(y - h)"],
                      A.NAMED),
        "w0_new": (["w0 - alpha/2*(-2*(y - h))", "w0 + alpha*(y - h)"],
                   ["w0 - alpha/2*(2*(y - h))", "w0 - alpha*(y - h)"], A.NAMED),
        "w1_new": (["w1 - alpha/2*(-2*(y - h)*x)", "w1 + alpha*(y - h)*x"], None, "")},
    "regularized-update": {
        "dE2/dw1": (["-(t - o)*o*(1 - o)*x1 + lambda/2*2*w1", "x1*(o - t)*o*(1 - o) + lambda*w1"],
                    ["-(t - o)*o*(1 - o)*x1 + lambda*2*w1", "x1*(o - t)*o*(1 - o) + 2*lambda*w1"],
                    A.NAMED),
        "new_w1_L2": (["w1 - eta*(x1*(o - t)*o*(1 - o) + lambda*w1)",
                       "(1 - eta*lambda)*w1 - eta*x1*(o - t)*o*(1 - o)"], None, ""),
        "dE1/dw1": (["-(t - o)*o*(1 - o)*x1 + lambda*w1/abs(w1)",
                     "x1*(o - t)*o*(1 - o) + lambda*w1/abs(w1)"], None, "")},
}


def write_steps(rng, f, key, steps, label, tag, plain=None):
    """One line KEY = A = B = C, continuation lines '= B', or the key twice (working, answer)."""
    layout = rng.random()
    if len(steps) == 1:
        f.lines.append(key + " = " + steps[0])
    elif layout < 0.45:
        f.lines.append(key + " = " + " = ".join(steps))
    elif layout < 0.85:
        f.lines.append(key + " = " + steps[0])
        f.lines += ["    = " + s for s in steps[1:]]
    else:
        f.lines.append(key + " = " + " = ".join(steps[:-1]))
        f.lines.append(key + " = " + steps[-1])
    extra = {"steps": steps}
    if plain:
        extra["plain"] = plain
    f.part(key, steps[-1], label, tag, **extra)


def chained_steps_style(rng, f):
    """A student who shows the working: factors, then in z, then in a."""
    if f.exercise in SYMBOLIC_STEPS:
        return chained_symbolic(rng, f)
    net = A.Net(f.exercise)
    for key in pick(rng, net.parts(), 0.5):
        if not key.startswith("dL/"):
            canonical, label, tag = choose(rng, f.exercise, key, 0.15)
            steps = [canonical]
            if key[0] == "a" and net.acts[int(key[1])] == "sigmoid":
                steps = ["sigmoid(%s)" % key.replace("a", "z", 1),
                         "1/(1 + exp(-%s))" % key.replace("a", "z", 1)] if label == "right" \
                    else steps
            write_steps(rng, f, key, steps, label, tag)
            continue
        mut, at, tag, label = None, None, "", "right"
        options = [m for m in A.network_mistakes(net, key)
                   if m[0] in ("drop", "missing-path", "sign", "factor2", "transpose")]
        if options and rng.random() < 0.3:
            (mut, at, tag), label = rng.choice(options), "wrong"
        steps = network_steps(net, key, mut, at)
        write_steps(rng, f, key, steps, label, tag, A.network_answer(net, key, mut, at))


def chained_symbolic(rng, f):
    """Chained steps in the symbolic exercises, from SYMBOLIC_STEPS."""
    table = SYMBOLIC_STEPS[f.exercise]
    for key in keys_of(f.exercise):
        if key in table:
            right, wrong, tag = table[key]
            if wrong and rng.random() < 0.35:
                write_steps(rng, f, key, wrong, "wrong", tag)
            else:
                write_steps(rng, f, key, right, "right", "")
        elif rng.random() < 0.6:
            canonical, label, tag = choose(rng, f.exercise, key)
            f.lines.append(key + equals(rng) + canonical)
            f.part(key, canonical, label, tag)


# --- the whole corpus -------------------------------------------------------------------------

STYLE_WRITERS = {
    "definitions": definitions_style, "chain-factors": chain_factors_style,
    "chained-steps": chained_steps_style, "unicode": unicode_style, "latex": latex_style,
    "implicit": implicit_style, "python": python_style, "primes": primes_style,
    "commas": commas_style, "misspelled": misspelled_style,
}


def corpus(library=DEFAULT_LIBRARY):
    """Every answer file: (relative path, text, manifest entry)."""
    out = []
    for style, plan in PLAN.items():
        for exercise, count in plan:
            evaluated = requires_evaluated(library, exercise)
            for n in range(1, count + 1):
                path = "%s/%s-%02d.txt" % (style, exercise, n)
                rng = random.Random("student-corpus/" + path)
                f = AnswerFile(exercise, style, path)
                STYLE_WRITERS[style](rng, f)
                f.settle()
                if evaluated:
                    f.mark_incomplete()
                out.append((path, "\n".join(f.lines) + "\n", f.manifest()))
    return out


def labels_text(files):
    """labels.json: the example numbers, then each file with one line per labelled line."""
    def one(obj):
        return json.dumps(obj, ensure_ascii=False)
    examples = {ex: {"numbers": nums, "learning_rate": eta}
                for ex, (nums, eta) in A.EXAMPLES.items()}
    out = ['{"examples": ' + one(examples) + ',', ' "files": [']
    for i, (_, _, m) in enumerate(files):
        head = {k: m[k] for k in ("file", "exercise", "style")}
        out.append("  " + one(head)[:-1] + ',')
        for field in ("definitions", "parts"):
            if field in m:
                rows = ",\n".join("    " + one(r) for r in m[field])
                out.append('   "%s": [\n%s]%s' % (field, rows, "," if field == "definitions"
                                                    else ""))
        out.append("  }" + ("," if i + 1 < len(files) else ""))
    return "\n".join(out) + "\n ]}\n"


def main():
    """Writes the corpus, or with --check reports every file that differs (exit 1)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--library", default=DEFAULT_LIBRARY, help="the exercise files")
    ap.add_argument("--check", action="store_true", help="compare with the files, write nothing")
    args = ap.parse_args()
    files = corpus(args.library)
    wanted = {p: t for p, t, _ in files}
    wanted["labels.json"] = labels_text(files)
    bad = 0
    for path, text in sorted(wanted.items()):
        full = os.path.join(args.out, path)
        if args.check:
            have = open(full, encoding="utf-8").read() if os.path.exists(full) else None
            if have != text:
                bad += 1
                print("differs: " + path)
                if have is not None:
                    sys.stdout.writelines(list(difflib.unified_diff(
                        have.splitlines(True), text.splitlines(True), path, path))[:20])
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
    if args.check:
        for style in PLAN:
            folder = os.path.join(args.out, style)
            for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                if "%s/%s" % (style, name) not in wanted:
                    bad += 1
                    print("not written by the generator: %s/%s" % (style, name))
    print("%d files%s" % (len(files), ", %d differ" % bad if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
