#!/usr/bin/env python3
# Confirms every label of the student corpus numerically, by its own forward pass and central
# finite differences of the loss, without deltacheck's derivation; exits 1 on a wrong label.
"""Usage: confirm_labels.py CORPUS_DIR EXERCISE_LIBRARY_DIR

Network and symbolic exercises: every labelled answer is evaluated at 10 random points (fixed
seed) and compared with the true value: a forward pass for z and a, central finite
differences of the loss (step 1e-5) for gradients, deltas (dL/dz = dL/db) and chain-rule
factors dA/dB. Right: |v - t| <= 1e-6 max(|v|, |t|) + 1e-9 at every point. Wrong:
|v - t| > 1e-3 max(|v|, |t|) + 1e-9 at some point. Carried: wrong with the student's
definitions, right with the wrong ones replaced by their true values. Incomplete: right, in an
exercise whose file sets require_evaluated, with a chain-rule factor dA/dB left in the last
step (a name the file defines is no factor); such an answer labelled right is a wrong label.
Numeric exercises: the
same at the example numbers, right within 5e-5 (4 decimal places), wrong beyond 1e-3; and each
part's value by one step of backprop (z from the previous a, a = f(z), the output delta from a,
a hidden delta from the next layer's deltas, dL/dw = delta*input, new = old - eta*dL/dw) from
the student's own numbers where given, the true ones otherwise: a wrong part within half a unit
in the last place of it, plus half a unit of each given input times |d value/d input|, where
one of those inputs is the student's and not right (and not 0), must be labelled carried with
the mistake of the earliest wrong number it follows from; any other wrong part wrong.
"""
import json
import math
import os
import random
import re
import sys

H = 1e-5
RIGHT_TOL, WRONG_TOL, NUMERIC_TOL = 1e-6, 1e-3, 5e-5
POINTS = 10

FACTOR = re.compile(r"\bd(L|[A-Za-z]+[0-9]*(?:_[0-9]+)?)/d([A-Za-z]+[0-9]*(?:_[0-9]+)?)\b")
NODE = re.compile(r"^([wbza])([0-9]+)_([0-9]+)$")
NAME = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b")


def sigmoid(v):
    """1/(1 + e^-v)."""
    return 1 / (1 + math.exp(-v))


FUNCS = {"sigmoid": sigmoid, "dsigmoid": lambda v: sigmoid(v) * (1 - sigmoid(v)),
         "tanh": math.tanh, "dtanh": lambda v: 1 - math.tanh(v) ** 2,
         "relu": lambda v: max(0.0, v), "drelu": lambda v: 1.0 if v > 0 else 0.0,
         "step": lambda v: 1.0 if v > 0 else 0.0, "exp": math.exp, "log": math.log,
         "abs": abs, "sqrt": math.sqrt}


def to_python(canonical):
    """The canonical text as Python: ^ -> **, lambda -> lambda_, dA/dB -> D__A__B."""
    text = FACTOR.sub(lambda m: "D__%s__%s" % (m.group(1), m.group(2)), canonical)
    return text.replace("^", "**").replace("lambda", "lambda_")


# --- a network, read from its exercise file, and its forward pass -----------------------------

class Network:
    """A fully connected network read from its exercise file: sizes, activations, loss."""
    def __init__(self, yaml_text):
        spec = re.search(r'^network: "([^"]+)"', yaml_text, re.M).group(1).split()
        self.loss = re.search(r"^loss: (\w+)", yaml_text, re.M).group(1)
        self.sizes, self.acts = [int(spec[0])], [None]
        for layer in spec[1:]:
            act, n = layer.split(":")
            self.acts.append(act)
            self.sizes.append(int(n))
        self.depth = len(self.sizes) - 1

    def target(self, j):
        """The target of output unit j: y alone for one output."""
        return "y" if self.sizes[-1] == 1 else "y%d" % j

    def forward(self, params, override=None):
        """Every z, a and L; `override` = (name, value) replaces a z or a as it is computed."""
        v = dict(params)
        if override and override[0] in v:
            v[override[0]] = override[1]
        for k in range(1, self.sizes[0] + 1):
            v["a0_%d" % k] = v["x%d" % k]
        for l in range(1, self.depth + 1):
            for j in range(1, self.sizes[l] + 1):
                z = v["b%d_%d" % (l, j)] + sum(v["w%d_%d%d" % (l, j, k)] * v["a%d_%d" % (l - 1, k)]
                                               for k in range(1, self.sizes[l - 1] + 1))
                name = "z%d_%d" % (l, j)
                v[name] = override[1] if override and override[0] == name else z
                act = self.acts[l]
                a = v[name] if act == "linear" else FUNCS[act](v[name])
                name = "a%d_%d" % (l, j)
                v[name] = override[1] if override and override[0] == name else a
        v["L"] = self.loss_value(v)
        return v

    def loss_value(self, v):
        """The loss at the forward values `v`."""
        total = 0.0
        for j in range(1, self.sizes[-1] + 1):
            a, y = v["a%d_%d" % (self.depth, j)], v[self.target(j)]
            if self.loss == "squared":
                total += 0.5 * (a - y) ** 2
            else:
                total -= y * math.log(a) + (1 - y) * math.log(1 - a)
        return total

    def derivative(self, params, top, wrt):
        """d top / d wrt by central differences, every other input of `top` held fixed."""
        base = self.forward(params)[wrt]
        up = self.forward(params, (wrt, base + H))[top]
        down = self.forward(params, (wrt, base - H))[top]
        return (up - down) / (2 * H)

    def random_point(self, rng):
        """Weights, biases, inputs and targets drawn at random (targets in (0, 1) for sigmoid
        outputs)."""
        p = {}
        for l in range(1, self.depth + 1):
            for j in range(1, self.sizes[l] + 1):
                p["b%d_%d" % (l, j)] = rng.uniform(-1, 1)
                for k in range(1, self.sizes[l - 1] + 1):
                    p["w%d_%d%d" % (l, j, k)] = rng.uniform(-1.5, 1.5)
        for k in range(1, self.sizes[0] + 1):
            p["x%d" % k] = rng.uniform(-1, 1)
        out = self.acts[-1] == "sigmoid"
        for j in range(1, self.sizes[-1] + 1):
            p[self.target(j)] = rng.uniform(0.05, 0.95) if out else rng.uniform(-1, 1)
        return p

    def truth(self, params, name, eta=None):
        """The true value of a part key or network name at `params`."""
        if name in ("yhat", "yhat1", "yhat2"):
            name = "a%d_%s" % (self.depth, name[4:] or "1")
        if NODE.match(name) and name[0] in "za":
            return self.forward(params)[name]
        if name.startswith("delta") or name.startswith("dL/dz"):
            return self.derivative(params, "L", "z" + name.split("z")[-1].replace("delta", ""))
        if name.startswith("dL/d"):
            return self.derivative(params, "L", name[4:])
        if name.startswith("new_"):
            return params[name[4:]] - eta * self.derivative(params, "L", name[4:])
        m = FACTOR.match(name)
        if m:
            return self.derivative(params, m.group(1), m.group(2))
        return None


# --- the symbolic exercises: their symbols from the exercise file, their truths by hand -------

class Symbolic:
    """An exercise of named symbols: random points in their ranges, given names computed."""

    def __init__(self, exercise, yaml_text):
        self.exercise = exercise
        self.ranges = {to_python(m.group(1)): (float(m.group(2)), float(m.group(3)))
                       for m in re.finditer(
            r"^  (\w+): \[([-0-9.]+), ([-0-9.]+)\]$", yaml_text, re.M)}
        block = yaml_text.split("\ngiven:\n")[1].split("\nparts:")[0] if "\ngiven:\n" in \
            yaml_text else ""
        self.given = [(m.group(1), m.group(2)) for m in re.finditer(r'^  (\w+): "([^"]+)"$',
                                                                    block, re.M)]

    def complete(self, p):
        """The point with the given names (a = sigmoid(z), ...) computed."""
        v = dict(p)
        for name, text in self.given:
            v[name] = evaluate(to_python(text), v)
        return v

    def random_point(self, rng):
        """Weights, biases, inputs and targets drawn at random (targets in (0, 1) for sigmoid
        outputs)."""
        while True:
            p = {n: rng.uniform(lo, hi) for n, (lo, hi) in self.ranges.items()}
            if abs(p.get("w1", 1)) > 0.05:
                return self.complete(p)

    def d(self, f, p, name):
        """d f / d name by central differences, the given names recomputed."""
        up, down = dict(p), dict(p)
        up[name] += H
        down[name] -= H
        return (f(self.complete(up)) - f(self.complete(down))) / (2 * H)

    def truth(self, p, key, eta=None):
        return SYMBOLIC_TRUTHS[self.exercise][key](self, p)


def bce(v):
    """The cross-entropy loss in yhat."""
    return -(v["y"] * math.log(v["yhat"]) + (1 - v["y"]) * math.log(1 - v["yhat"]))


def bce_z(v):
    """The cross-entropy loss in a = sigmoid(z)."""
    return -(v["y"] * math.log(v["a"]) + (1 - v["y"]) * math.log(1 - v["a"]))


def softmax_ce(v):
    """The cross-entropy of the softmax."""
    return -sum(v["y%d" % i] * math.log(v["s%d" % i]) for i in range(1, 5))


def e1(v):
    """The L1-penalised error."""
    return 0.5 * (v["t"] - v["o"]) ** 2 + v["lambda_"] * (abs(v["w1"]) + abs(v["w2"]))


def e2(v):
    """The L2-penalised error."""
    return 0.5 * (v["t"] - v["o"]) ** 2 + v["lambda_"] / 2 * (v["w1"] ** 2 + v["w2"] ** 2)


def sq(x, y):
    """The squared loss of the example (x, y) as a function of a point."""
    return lambda v: (v[y] - (v["w1"] * v[x] + v["w0"])) ** 2


def batch_step(s, p, w):
    """w - alpha/2 * sum over the three examples of dLoss_j/dw (the notes fold 2 into alpha)."""
    return p[w] - p["alpha"] / 2 * sum(s.d(sq("x%d" % j, "y%d" % j), p, w) for j in (1, 2, 3))


SYMBOLIC_TRUTHS = {
    "bce-derivative": {"dl/dyhat": lambda s, p: s.d(bce, p, "yhat"),
                       "dl/dz": lambda s, p: s.d(bce_z, p, "z")},
    "softmax-jacobian": dict(
        [("ds%d/dz%d" % (i, j), (lambda i, j: lambda s, p: s.d(lambda v: v["s%d" % i], p,
                                                                "z%d" % j))(i, j))
         for i in range(1, 5) for j in range(1, 5)] +
        [("dL/dz2", lambda s, p: s.d(softmax_ce, p, "z2"))]),
    "momentum-update": {
        "dw": lambda s, p: -p["eta"] * p["g"] + p["alpha"] * (p["w"] - p["w_prev"]),
        "w_next": lambda s, p: p["w"] - p["eta"] * p["g"] + p["alpha"] * (p["w"] - p["w_prev"])},
    "regularized-update": {
        "dE1/dw1": lambda s, p: s.d(e1, p, "w1"),
        "new_w1_L1": lambda s, p: p["w1"] - p["eta"] * s.d(e1, p, "w1"),
        "dE2/dw1": lambda s, p: s.d(e2, p, "w1"),
        "new_w1_L2": lambda s, p: p["w1"] - p["eta"] * s.d(e2, p, "w1")},
    "linreg-gd": {
        "dLoss/dw0": lambda s, p: s.d(sq("x", "y"), p, "w0"),
        "dLoss/dw1": lambda s, p: s.d(sq("x", "y"), p, "w1"),
        "w0_new": lambda s, p: p["w0"] - p["alpha"] / 2 * s.d(sq("x", "y"), p, "w0"),
        "w1_new": lambda s, p: p["w1"] - p["alpha"] / 2 * s.d(sq("x", "y"), p, "w1"),
        "w0_batch": lambda s, p: batch_step(s, p, "w0"),
        "w1_batch": lambda s, p: batch_step(s, p, "w1")},
}


# --- evaluating a student's answer: their own definitions first, true values otherwise --------

def evaluate(python_text, names):
    """The value of a Python expression in `names` and FUNCS, with no builtins."""
    return eval(python_text, {"__builtins__": {}}, _Names(names, FUNCS))  # noqa: S307


class _Names(dict):
    """Names for eval: the point's values, then functions; KeyError otherwise."""

    def __init__(self, values, funcs):
        super().__init__()
        self.values, self.funcs = values, funcs

    def __getitem__(self, name):
        if name in self.funcs:
            return self.funcs[name]
        return self.values[name]


class Answers:
    """The values of one file's answers at one point: a student's defined name means their
    definition (unless replaced by its truth), any other network name its true value."""

    def __init__(self, model, point, defined, eta, replaced=()):
        self.model, self.point, self.defined, self.eta = model, point, defined, eta
        self.replaced, self.cache = set(replaced), {}

    def __getitem__(self, name):
        if name in self.cache:
            return self.cache[name]
        key = name
        if name.startswith("D__"):
            a, b = name[3:].split("__")
            key = "d%s/d%s" % (a, b)
        if key in self.defined and key not in self.replaced:
            value = evaluate(to_python(self.defined[key]), self)
        elif name in self.point:
            value = self.point[name]
        else:
            value = self.model.truth(self.point, key, self.eta)
            if value is None:
                raise KeyError(name)
        self.cache[name] = value
        return value

    def value(self, canonical):
        """The value of a canonical answer at this point."""
        return evaluate(to_python(canonical), self)


# --- the labels -------------------------------------------------------------------------------

def close(v, t, tol):
    """Equal within `tol` of the larger magnitude, above a floor of 1e-9 (the finite
    differences' own error is about 1e-10)."""
    return abs(v - t) <= tol * max(abs(v), abs(t)) + 1e-9


def items(entry):
    """Every labelled line of a file entry: its name (truth key), text, label, steps, plain."""
    for d in entry.get("definitions", []):
        if d["label"] != "own":
            yield d["name"], d
    for p in entry["parts"]:
        yield p["key"], p


def defined_names(entry):
    """The names a file defines for its later lines: definitions, delta parts, yhat."""
    names = {d["name"]: d["canonical"] for d in entry.get("definitions", [])}
    for p in entry["parts"]:
        if p["key"].startswith("delta"):
            names[p["key"]] = p["canonical"]
        if p.get("written_key") in ("yhat", "yhat1", "yhat2"):
            names[p["written_key"]] = p["canonical"]
    return names


def check_numeric(key, item, answers, truth):
    """The problems with one numeric label (the example numbers are the only point)."""
    v, label = answers.value(item["canonical"]), item["label"]
    if label == "right" and abs(v - truth) > NUMERIC_TOL:
        return ["labelled right, %.6f but the value is %.6f" % (v, truth)]
    if label in ("wrong", "carried") and abs(v - truth) <= WRONG_TOL:
        return ["labelled %s, %.6f is the value %.6f" % (label, v, truth)]
    return []


# --- numeric exercises: what follows from the student's own numbers ---------------------------

def dact_rule(act, z, a):
    """The activation's derivative as the notes write it: a(1 - a), 1 - a^2, step(z), 1."""
    return {"sigmoid": lambda: a * (1 - a), "tanh": lambda: 1 - a * a,
            "relu": lambda: 1.0 if z > 0 else 0.0, "linear": lambda: 1.0}[act]()


def local_rule(net, key):
    """(f, inputs): the part `key` computed from the quantities it is one step of backprop
    away from (z from the previous a, a = f(z), the output delta from a, a hidden delta from
    the next layer's deltas, dL/dw = delta*input, new = old - eta*gradient); f takes a dict
    of those inputs (and the exercise's numbers)."""
    kind, l, j = re.match(r"^(z|a|delta|dL/d[wb]|new_[wb])([0-9]+)_([0-9])", key).groups()
    l, j, act = int(l), int(j), net.acts[int(l)]
    a, z, prev = "a%d_%d" % (l, j), "z%d_%d" % (l, j), range(1, net.sizes[l - 1] + 1)
    own = [a] if act in ("sigmoid", "tanh") else [z] if act == "relu" else []
    if kind == "z":
        ins = ["a%d_%d" % (l - 1, k) for k in prev]
        return (lambda v: v["b%d_%d" % (l, j)] + sum(
            v["w%d_%d%d" % (l, j, k)] * v["a%d_%d" % (l - 1, k)] for k in prev)), ins
    if kind == "a":
        return (lambda v: v[z] if act == "linear" else FUNCS[act](v[z])), [z]
    slope = lambda v: dact_rule(act, v[z], v[a])  # noqa: E731
    if kind == "delta" and l == net.depth:
        y, ins = net.target(j), [a] + [n for n in own if n != a]
        return (lambda v: loss_slope(net.loss, v[a], v[y]) * slope(v)), ins
    if kind == "delta":
        nxt = range(1, net.sizes[l + 1] + 1)
        ins = ["delta%d_%d" % (l + 1, k) for k in nxt] + own
        return (lambda v: sum(v["delta%d_%d" % (l + 1, k)] * v["w%d_%d%d" % (l + 1, k, j)]
                              for k in nxt) * slope(v)), ins
    d = "delta%d_%d" % (l, j)
    if kind == "dL/db":
        return (lambda v: v[d]), [d]
    if kind == "dL/dw":
        inp = "a%d_%s" % (l - 1, key[-1])
        return (lambda v: v[d] * v[inp]), [d, inp]
    w, g = key[4:], "dL/d" + key[4:]
    return (lambda v: v[w] - v["eta"] * v[g]), [g]


def loss_slope(loss, a, y):
    """dL/da of one output: a - y for the squared loss, (a - y)/(a(1 - a)) for cross-entropy."""
    return a - y if loss == "squared" else (a - y) / (a * (1 - a))


def follows(net, key, given, truths, half):
    """(value by the local rule from the student's numbers where given, else the true ones;
    its tolerance; the inputs the student gave). Tolerance: half a unit in the last place of
    the answer, plus half a unit of each given input times |d value/d input| (the rounding
    of the student's inputs carried through)."""
    f, inputs = local_rule(net, key)
    v = dict(truths)
    v.update({n: given[n] for n in inputs if n in given})
    value, tol = f(v), half
    for n in (n for n in inputs if n in given):
        up, down = dict(v), dict(v)
        up[n] += 1e-7
        down[n] -= 1e-7
        tol += half * abs(f(up) - f(down)) / 2e-7
    return value, tol, [n for n in inputs if n in given]


def computation_order(net):
    """Every part key in the order backprop computes it: forward, deltas from the output
    back, gradients, updates (a key's inputs come before it)."""
    units = lambda l: range(1, net.sizes[l] + 1)  # noqa: E731
    out = [n % (l, j) for l in range(1, net.depth + 1) for n in ("z%d_%d", "a%d_%d")
           for j in units(l)]
    out += ["delta%d_%d" % (l, j) for l in range(net.depth, 0, -1) for j in units(l)]
    for prefix in ("dL/d", "new_"):
        for l in range(net.depth, 0, -1):
            for j in units(l):
                out += ["%sw%d_%d%d" % (prefix, l, j, k) for k in units(l - 1)]
                out.append("%sb%d_%d" % (prefix, l, j))
    return out


def expected_numeric(net, parts, truths, half):
    """key -> (label, mistake) the rule gives each answered part: right within NUMERIC_TOL;
    else carried when it follows by the local rule from an input the student gave wrong (and
    not 0, which is no attempt), with the tag of the earliest wrong number it follows from;
    else wrong with the tag it carries."""
    given = {k: v for k, (v, _) in parts.items()}
    order = computation_order(net)
    out, origin = {}, {}
    for key in (k for k in order if k in parts):
        v, tag = parts[key]
        if abs(v - truths[key]) <= NUMERIC_TOL:
            out[key] = ("right", "")
            continue
        value, tol, inputs = follows(net, key, given, truths, half)
        bad = [n for n in inputs if n in origin and given[n] != 0]
        if bad and abs(v - value) <= tol:
            origin[key] = min((origin[n] for n in bad), key=order.index)
            out[key] = ("carried", parts[origin[key]][1])
        else:
            origin[key] = key
            out[key] = ("wrong", tag)
    return out


def confirm_numeric(entry, text, ex):
    """The problems with a numeric file's labels: each against the true value, then each
    label against what the local rule says of the student's own numbers."""
    model = Network(text)
    point, eta = {k: float(v) for k, v in ex["numbers"].items()}, ex["learning_rate"]
    decimals = int(re.search(r"^  decimals: ([0-9]+)$", text, re.M).group(1))
    truths = dict(model.forward(point), eta=eta)
    truths.update({"a0_%d" % k: point["x%d" % k] for k in range(1, model.sizes[0] + 1)})
    problems, parts = [], {}
    for key in computation_order(model):
        truths.setdefault(key, model.truth(point, key, eta))
    for key, item in items(entry):
        answers = Answers(model, point, {}, eta)
        parts[key] = (answers.value(item["canonical"]), item["mistake"])
        problems += ["%s: %s" % (key, p) for p in check_numeric(key, item, answers, truths[key])]
    want = expected_numeric(model, parts, truths, 0.5 * 10 ** -decimals)
    for key, item in items(entry):
        label, tag = want[key]
        if (item["label"], item["mistake"] if label == "carried" else "") != \
                (label, tag if label == "carried" else ""):
            problems.append("%s: labelled %s%s, but by the student's own numbers it is %s%s" % (
                key, item["label"], " (%s)" % item["mistake"] if item["mistake"] else "", label,
                " (%s)" % tag if tag else ""))
    return problems


def check_item(key, item, per_point, problems):
    """per_point: (value with the student's definitions, with the wrong ones true, truth,
    values of the steps, value of the plain form) at each point."""
    label = "right" if item["label"] == "incomplete" else item["label"]
    near = all(close(v, t, RIGHT_TOL) for v, _, t, _, _ in per_point)
    far = any(not close(v, t, WRONG_TOL) for v, _, t, _, _ in per_point)
    if label == "right" and not near:
        problems.append("labelled %s but differs from the true value" % item["label"])
    if label in ("wrong", "carried") and not far:
        problems.append("labelled %s but equals the true value" % label)
    if label == "carried" and not all(close(r, t, RIGHT_TOL) for _, r, t, _, _ in per_point):
        problems.append("labelled carried but is wrong even with true definitions")
    if label == "right" and not all(close(s, t, RIGHT_TOL)
                                    for _, _, t, steps, _ in per_point for s in steps):
        problems.append("labelled %s but a step differs from the true value" % item["label"])
    if not all(p is None or close(p, v, RIGHT_TOL) for v, _, _, _, p in per_point):
        problems.append("its plain form differs from what the file writes")


def open_factors(text, lines, seen=frozenset()):
    """The chain-rule factors dA/dB left in `text`, through the names of the file's lines it
    uses (`lines`: name -> text); a name some line defines is not a factor."""
    found = {m.group(0) for m in FACTOR.finditer(text)}
    out = found - set(lines)
    for name in sorted((found | set(NAME.findall(text))) & set(lines) - seen):
        out |= open_factors(lines[name], lines, seen | {name})
    return out


def check_evaluated(entry, evaluated):
    """The problems with the incomplete labels: incomplete exactly where the exercise asks for
    evaluated answers and a part's value is right but its last step still has a factor."""
    lines = {d["name"]: d["canonical"] for d in entry.get("definitions", [])}
    for p in entry["parts"]:
        lines.update({n: p["canonical"] for n in (p["key"], p.get("written_key")) if n})
    problems = []
    for p in entry["parts"]:
        last = p["steps"][-1] if "steps" in p else p["canonical"]
        left = sorted(open_factors(last, lines))
        if p["label"] == "right" and evaluated and left:
            problems.append("%s: labelled right, but the exercise asks for evaluated answers and "
                            "the last step still has %s: incomplete" % (p["key"], ", ".join(left)))
        if p["label"] == "incomplete" and not (evaluated and left):
            problems.append("%s: labelled incomplete, but %s" % (p["key"], "the last step has no "
                            "chain-rule factor" if evaluated else "the exercise does not set "
                            "require_evaluated"))
    return problems


def confirm_file(entry, library, examples):
    """The problems with one file's labels, as 'KEY: problem' lines."""
    exercise = entry["exercise"]
    text = open(os.path.join(library, exercise + ".yaml"), encoding="utf-8").read()
    defined = defined_names(entry)
    wrong = {k for k, it in items(entry) if it["label"] == "wrong" and k in defined}
    evaluated = re.search(r"^require_evaluated:[ \t]*true[ \t]*(#.*)?$", text, re.M)
    problems = check_evaluated(entry, evaluated is not None)
    if exercise in examples:
        return problems + confirm_numeric(entry, text, examples[exercise])
    model = Network(text) if "\nnetwork:" in text else Symbolic(exercise, text)
    rng = random.Random("confirm/" + entry["file"])
    points = [model.random_point(rng) for _ in range(POINTS)]
    for key, item in items(entry):
        per_point = []
        for p in points:
            own, true = Answers(model, p, defined, None), Answers(model, p, defined, None, wrong)
            steps = [own.value(s) for s in item.get("steps", [])]
            plain = own.value(item["plain"]) if "plain" in item else None
            per_point.append((own.value(item["canonical"]), true.value(item["canonical"]),
                              model.truth(p, key), steps, plain))
        found = []
        check_item(key, item, per_point, found)
        problems += ["%s: %s" % (key, f) for f in found]
    return problems


def main(argv):
    """Confirms every label of the corpus; exit 1 when one does not hold."""
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    corpus, library = argv[1], argv[2]
    doc = json.load(open(os.path.join(corpus, "labels.json"), encoding="utf-8"))
    counts, bad = {}, 0
    for entry in doc["files"]:
        for _, item in items(entry):
            counts[item["label"]] = counts.get(item["label"], 0) + 1
        for problem in confirm_file(entry, library, doc["examples"]):
            bad += 1
            print("%s: %s" % (entry["file"], problem))
    summary = ", ".join("%d %s" % (counts[k], k) for k in sorted(counts))
    print("%d files, labels confirmed: %s; %d wrong labels" % (len(doc["files"]), summary, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
