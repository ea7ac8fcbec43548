# The canonical answers of the student corpus: right answers derived by hand from each exercise's
# statement, and the classic wrong ones with the mistake tag deltacheck names for them.
"""Canonical answers are plain ASCII expressions, Python-evaluable after ^ -> **, in the
exercise's names (x1, w2_11, b2_1, z2_1, a2_1, y or y1, delta2_1) and the functions sigmoid,
dsigmoid (sigmoid'), tanh, dtanh, relu, drelu, step, exp, log, abs. A chain-rule factor
between two network quantities is written dA/dB (dL/da3_1, da3_1/dz3_1, dz3_1/dw3_11).
Numbers here are derived by this module's own backward pass (the analytic delta rules);
confirm_labels.py checks every label with finite differences instead.
"""

import math
import re

# The network exercises: network string, loss, targets, parts, whether answers use deltas.
NETWORKS = {
    "assign-q1-squared": ("3 relu:2 sigmoid:2 sigmoid:1", "squared", False),
    "assign-q1-crossentropy": ("3 relu:2 sigmoid:2 sigmoid:1", "crossentropy", False),
    "assign-q2-crossentropy": ("2 tanh:1 sigmoid:2", "crossentropy", False),
    "mlp-sigmoid-squared": ("2 sigmoid:2 sigmoid:2", "squared", True),
    "delta-rules": ("2 sigmoid:2 sigmoid:2 sigmoid:1", "squared", True),
    "chain-rule-paths": ("2 sigmoid:2 sigmoid:2", "squared", False),
    "numeric-mlp-step": ("2 sigmoid:2 sigmoid:1", "squared", False),
    "numeric-q2-step": ("2 tanh:1 sigmoid:2", "crossentropy", False),
    "numeric-relu-regression": ("2 relu:2 linear:1", "squared", False),
}

# The example numbers of the numeric exercises, as `deltacheck show EXERCISE` prints them.
EXAMPLES = {
    "numeric-mlp-step": ({"x1": -0.6, "x2": -0.7, "y": -0.6, "w1_11": 0.8, "w1_12": 0.7,
                          "w1_21": 0.1, "w1_22": -0.2, "w2_11": -1.0, "w2_12": 0.9,
                          "b1_1": 0.4, "b1_2": 0.8, "b2_1": 0.4}, 0.1),
    "numeric-q2-step": ({"x1": 0.9, "x2": 0.5, "y1": 1, "y2": 1, "w1_11": 0.8, "w1_12": 0.1,
                         "w2_11": -0.1, "w2_21": 1.0, "b1_1": 0.6, "b2_1": 0.5,
                         "b2_2": 0.5}, 0.5),
    "numeric-relu-regression": ({"x1": 0.5, "x2": -0.1, "y": -0.7, "w1_11": -0.6,
                                 "w1_12": -0.1, "w1_21": 0.5, "w1_22": 0.4, "w2_11": 0.4,
                                 "w2_12": 0.2, "b1_1": -0.2, "b1_2": -1.0, "b2_1": -0.3},
                                0.1),
}

# The parts of the exercises whose parts are not the whole network (from their YAML).
EXPLICIT_PARTS = {
    "delta-rules": ["delta3_1", "delta2_1", "delta2_2", "delta1_1", "delta1_2", "dL/dw3_11",
                    "dL/db3_1", "dL/dw2_12", "dL/db2_2", "dL/dw1_21", "dL/db1_1"],
    "chain-rule-paths": ["dL/dw1_11", "dL/dw1_21"],
}


class Net:
    """A fully connected network: sizes[0] inputs, then (activation, units) per layer."""

    def __init__(self, exercise):
        spec, self.loss, self.delta_form = NETWORKS[exercise]
        words = spec.split()
        self.sizes = [int(words[0])]
        self.acts = [None]
        for w in words[1:]:
            act, n = w.split(":")
            self.acts.append(act)
            self.sizes.append(int(n))
        self.L = len(self.sizes) - 1
        self.exercise = exercise

    def a(self, l, k):
        """The name of unit k's activation in layer l (inputs are x_k)."""
        return "x%d" % k if l == 0 else "a%d_%d" % (l, k)

    def y(self, j):
        """The target of output unit j: y alone for one output."""
        return "y" if self.sizes[self.L] == 1 else "y%d" % j

    def units(self, l):
        """The unit numbers 1 .. n of layer l."""
        return range(1, self.sizes[l] + 1)

    def parts(self):
        """The exercise's part keys in the order `deltacheck template` lists them."""
        if self.exercise in EXPLICIT_PARTS:
            return list(EXPLICIT_PARTS[self.exercise])
        keys = []
        if self.exercise != "chain-rule-paths":
            for l in range(1, self.L + 1):
                keys += ["z%d_%d" % (l, j) for j in self.units(l)]
                keys += ["a%d_%d" % (l, j) for j in self.units(l)]
        if self.delta_form or self.exercise.startswith("numeric"):
            for l in range(self.L, 0, -1):
                keys += ["delta%d_%d" % (l, j) for j in self.units(l)]
        for l in range(self.L, 0, -1):
            for j in self.units(l):
                keys += ["dL/dw%d_%d%d" % (l, j, k) for k in self.units(l - 1)]
            keys += ["dL/db%d_%d" % (l, j) for j in self.units(l)]
        if self.exercise.startswith("numeric"):
            for l in range(self.L, 0, -1):
                for j in self.units(l):
                    keys += ["new_w%d_%d%d" % (l, j, k) for k in self.units(l - 1)]
                keys += ["new_b%d_%d" % (l, j) for j in self.units(l)]
        return keys


def dact(net, l, j, form="a"):
    """The activation derivative of unit j of layer l: in a (a(1 - a)), in z, or primed."""
    act, a, z = net.acts[l], net.a(l, j), "z%d_%d" % (l, j)
    if form == "prime":
        return {"sigmoid": "dsigmoid(%s)", "tanh": "dtanh(%s)", "relu": "drelu(%s)",
                "linear": "1"}[act].replace("%s", z)
    if act == "sigmoid":
        return "%s*(1 - %s)" % (a, a) if form == "a" else \
            "sigmoid(%s)*(1 - sigmoid(%s))" % (z, z)
    if act == "tanh":
        return "(1 - %s^2)" % a if form == "a" else "(1 - tanh(%s)^2)" % z
    if act == "relu":
        return "step(%s)" % z
    return "1"


def output_delta(net, j, mut=None, form="a"):
    """dL/dz of output unit j; `mut` makes the classic output mistakes."""
    a, y = net.a(net.L, j), net.y(j)
    err = "(%s - %s)" % (y, a) if mut == "sign" else "(%s - %s)" % (a, y)
    if mut == "factor2":
        err = "2*" + err
    cancels = net.loss == "crossentropy" and net.acts[net.L] == "sigmoid"
    if cancels:
        return err + "*" + dact(net, net.L, j, form) if mut == "extra-derivative" else err
    if mut == "drop" or net.acts[net.L] == "linear":
        return err
    return err + "*" + dact(net, net.L, j, form)


def delta(net, l, j, mut=None, at=None, form="a", use_deltas=False):
    """dL/dz{l}_j expanded (or in the next layer's deltas); `mut` applies at layer `at`."""
    here = mut if at in (None, l) else None
    if l == net.L:
        return output_delta(net, j, here, form)
    terms = []
    for k in net.units(l + 1):
        w = "w%d_%d%d" % (l + 1, j, k) if here == "transpose" else "w%d_%d%d" % (l + 1, k, j)
        d = "delta%d_%d" % (l + 1, k) if use_deltas else delta(net, l + 1, k, mut, at, form)
        terms.append("%s*%s" % (w, d) if use_deltas else "%s*%s" % (d, w))
    if here == "missing-path":
        terms = terms[:1]
    total = terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")"
    if here == "drop":
        return total
    return total + "*" + dact(net, l, j, form)


def gradient(net, key, mut=None, at=None, form="a", use_deltas=False):
    """dL/dw{l}_jk or dL/db{l}_j; mutations of the input factor: wrong-unit, z-for-a."""
    kind, rest = key[4], key[5:]
    l, idx = int(rest.split("_")[0]), rest.split("_")[1]
    j = int(idx[0])
    d = "delta%d_%d" % (l, j) if use_deltas else delta(net, l, j, mut, at, form)
    if kind == "b":
        return d
    k = int(idx[1])
    if mut == "wrong-unit":
        k = k % net.sizes[l - 1] + 1
    inp = net.a(l - 1, k)
    if mut == "z-for-a" and l > 1:
        inp = "z%d_%d" % (l - 1, k)
    return "%s*%s" % (d, inp)


def forward(net, key, mut=None):
    """z{l}_j or a{l}_j; mutations: missing-bias, z-for-a, transposed, missing-activation."""
    l, j = int(key[1:].split("_")[0]), int(key.split("_")[1])
    if key[0] == "a":
        if mut == "missing-activation":
            return "z%d_%d" % (l, j)
        act = net.acts[l]
        if mut == "wrong-activation":
            act = "sigmoid" if act != "sigmoid" else "tanh"
        return "z%d_%d" % (l, j) if act == "linear" else "%s(z%d_%d)" % (act, l, j)
    terms = []
    for k in net.units(l - 1):
        w = "w%d_%d%d" % (l, k, j) if mut == "transpose" else "w%d_%d%d" % (l, j, k)
        inp = "z%d_%d" % (l - 1, k) if mut == "z-for-a" and l > 1 else net.a(l - 1, k)
        terms.append("%s*%s" % (w, inp))
    if mut != "missing-bias":
        terms.append("b%d_%d" % (l, j))
    return " + ".join(terms)


def network_answer(net, key, mut=None, at=None, form="a"):
    """The answer to `key` (right when mut is None) in the exercise's own form."""
    if key[0] in "za" and not key.startswith("dL"):
        return forward(net, key, mut)
    use = net.delta_form
    if key.startswith("delta"):
        l, j = int(key[5:].split("_")[0]), int(key.split("_")[1])
        return delta(net, l, j, mut, at, form, use_deltas=use and l < net.L)
    return gradient(net, key, mut, at, form, use_deltas=use and mut in (None, "wrong-unit",
                                                                         "z-for-a"))


def network_mistakes(net, key):
    """The wrong answers to `key` this corpus uses: (mutation, layer, tag deltacheck names)."""
    out = []
    if key[0] in "za" and not key.startswith("dL"):
        l = int(key[1:].split("_")[0])
        if key[0] == "z":
            out.append(("missing-bias", None, "missing-bias"))
            if l > 1:
                out.append(("z-for-a", None, "z-for-a"))
        elif net.acts[l] != "linear":
            out.append(("missing-activation", None, "missing-activation"))
        return out
    l = int(key.split("_")[0][-1])
    if net.loss == "squared" and net.acts[net.L] == "sigmoid":
        out.append(("drop", net.L, "loss-delta-mixup"))
        out.append(("factor2", net.L, "constant-factor"))
    if net.loss == "crossentropy":
        out.append(("extra-derivative", net.L, "loss-delta-mixup"))
    out.append(("sign", net.L, "wrong-sign"))
    if l < net.L:
        if net.acts[l] != "linear":
            out.append(("drop", l, "dropped-activation-derivative"))
        if net.sizes[l + 1] > 1:
            out.append(("missing-path", l, "missing-path"))
        if net.sizes[l + 1] > 1 and net.sizes[l] > 1:
            out.append(("transpose", l, "transposed-weight"))
    if "/dw" in key and net.sizes[l - 1] > 1:
        out.append(("wrong-unit", None, "wrong-unit-or-layer"))
    if "/dw" in key and l > 1:
        out.append(("z-for-a", None, "z-for-a"))
    if net.delta_form and key.startswith("delta"):
        out = [m for m in out if m[1] == l]
    elif net.delta_form:
        out = [m for m in out if m[0] in ("wrong-unit", "z-for-a")]
    return out


# --- the numeric exercises: the forward pass and the delta rules, by hand --------------------

def act_value(act, z):
    """The activation `act` at z."""
    return {"sigmoid": lambda v: 1 / (1 + math.exp(-v)), "tanh": math.tanh,
            "relu": lambda v: max(0.0, v), "linear": lambda v: v}[act](z)


def dact_value(act, z, a):
    """The activation's derivative at z, where it gives a."""
    return {"sigmoid": a * (1 - a), "tanh": 1 - a * a, "relu": 1.0 if z > 0 else 0.0,
            "linear": 1.0}[act]


def numeric_values(exercise, mut=None, at=None):
    """Every part's value at the example numbers; `mut` as in `delta` (drop, sign, ...)."""
    net = Net(exercise)
    v, eta = dict(EXAMPLES[exercise][0]), EXAMPLES[exercise][1]
    for l in range(1, net.L + 1):
        for j in net.units(l):
            z = sum(v["w%d_%d%d" % (l, j, k)] * v[net.a(l - 1, k)] for k in net.units(l - 1))
            v["z%d_%d" % (l, j)] = z + v["b%d_%d" % (l, j)]
            v["a%d_%d" % (l, j)] = act_value(net.acts[l], v["z%d_%d" % (l, j)])
    for l in range(net.L, 0, -1):
        for j in net.units(l):
            here = mut if at in (None, l) else None
            z, a = v["z%d_%d" % (l, j)], v["a%d_%d" % (l, j)]
            d = dact_value(net.acts[l], z, a)
            if l == net.L:
                e = a - v[net.y(j)]
                if net.loss == "crossentropy":
                    d = 1.0
            else:
                e = sum(v["delta%d_%d" % (l + 1, k)] * v["w%d_%d%d" % (l + 1, k, j)]
                        for k in net.units(l + 1))
            if here == "drop":
                d = 1.0
            v["delta%d_%d" % (l, j)] = (-e if here == "sign" else e) * d
    for l in range(1, net.L + 1):
        for j in net.units(l):
            dj = v["delta%d_%d" % (l, j)]
            for k in net.units(l - 1):
                g = dj * v[net.a(l - 1, k)]
                v["dL/dw%d_%d%d" % (l, j, k)] = g
                step = g if mut == "ascent" else -g
                v["new_w%d_%d%d" % (l, j, k)] = v["w%d_%d%d" % (l, j, k)] + eta * step
            v["dL/db%d_%d" % (l, j)] = dj
            step = dj if mut == "ascent" else -dj
            v["new_b%d_%d" % (l, j)] = v["b%d_%d" % (l, j)] + eta * step
    return v


def numeric_step(net, key, v, eta):
    """`key` computed by one step of backprop from the values `v` of the quantities it uses:
    z from the previous a, a = f(z), the output delta from a, a hidden delta from the next
    layer's deltas, dL/dw = delta*input, new = old - eta*gradient."""
    kind, l, j = re.match(r"^(z|a|delta|dL/d[wb]|new_[wb])([0-9]+)_([0-9])", key).groups()
    l, j = int(l), int(j)
    z, a = v.get("z%d_%d" % (l, j)), v.get("a%d_%d" % (l, j))
    if kind == "z":
        return v["b%d_%d" % (l, j)] + sum(v["w%d_%d%d" % (l, j, k)] * v[net.a(l - 1, k)]
                                          for k in net.units(l - 1))
    if kind == "a":
        return act_value(net.acts[l], z)
    d = dact_value(net.acts[l], z, a)
    if kind == "delta" and l == net.L:
        return (a - v[net.y(j)]) * (1.0 if net.loss == "crossentropy" else d)
    if kind == "delta":
        return d * sum(v["delta%d_%d" % (l + 1, k)] * v["w%d_%d%d" % (l + 1, k, j)]
                       for k in net.units(l + 1))
    if kind == "dL/db":
        return v["delta%d_%d" % (l, j)]
    if kind == "dL/dw":
        return v["delta%d_%d" % (l, j)] * v[net.a(l - 1, int(key[-1]))]
    return v[key[4:]] - eta * v["dL/d" + key[4:]]


def numeric_carried(exercise, given, decimals=4):
    """key -> the earliest wrong number each answer in `given` (key -> the student's number)
    follows from: a wrong answer that one step of backprop gives from the student's own numbers
    (the true ones where not given), one of them wrong and not 0, within half a unit in the
    last place plus the inputs' rounding carried through."""
    net, eta = Net(exercise), EXAMPLES[exercise][1]
    truth, half = numeric_values(exercise), 0.5 * 10 ** -decimals
    order = [k for k in net.parts() if k in given]
    origin = {}
    for key in order:
        if abs(given[key] - truth[key]) <= half:
            continue
        v = dict(truth)
        v.update({k: x for k, x in given.items() if k != key})
        value, tol, bad = numeric_step(net, key, v, eta), half, []
        for k in (k for k in given if k != key):
            up, down = dict(v), dict(v)
            up[k] += 1e-7
            down[k] -= 1e-7
            slope = abs(numeric_step(net, key, up, eta) - numeric_step(net, key, down, eta))
            tol += half * slope / 2e-7
            if slope and k in origin and given[k] != 0:
                bad.append(k)
        origin[key] = key
        if bad and abs(given[key] - value) <= tol:
            origin[key] = min((origin[k] for k in bad), key=order.index)
    return {k: o for k, o in origin.items() if o != k}


def numeric_mistakes(exercise, key):
    """Wrong numbers for `key` that differ from the right one by more than 2e-3 (a ReLU unit
    that is off gives the same zero either way): (mutation, layer, tag deltacheck names)."""
    net = Net(exercise)
    if key[0] in "za":
        return []
    if key.startswith("new_"):
        out = [("ascent", None, "wrong-sign")]
    else:
        out = [("sign", net.L, "wrong-sign")]
        if net.loss == "squared" and net.acts[net.L] == "sigmoid":
            out.append(("drop", net.L, "loss-delta-mixup"))
        layer = int(key.split("_")[0][-1])
        if layer < net.L and net.acts[layer] == "tanh":
            out.append(("drop", layer, "dropped-activation-derivative"))
    right = numeric_values(exercise)[key]
    return [m for m in out if abs(numeric_values(exercise, m[0], m[1])[key] - right) > 2e-3]


# --- the symbolic exercises: right answers and wrong ones with their tags ----------------------

NAMED = "named-by-exercise"

SYMBOLIC = {
    "bce-derivative": {
        "dl/dyhat": ("-y/yhat + (1 - y)/(1 - yhat)",
                     [("-y/yhat - (1 - y)/(1 - yhat)", NAMED), ("-y/yhat", NAMED),
                      ("y/yhat - (1 - y)/(1 - yhat)", "wrong-sign")]),
        "dl/dz": ("a - y", [("(a - y)*a*(1 - a)", NAMED), ("(a - y)/(a*(1 - a))", NAMED),
                            ("y - a", "wrong-sign")]),
    },
    "softmax-jacobian": {
        "ds1/dz1": ("s1*(1 - s1)", [("s1", NAMED), ("s1*(1 - s2)", NAMED)]),
        "ds1/dz2": ("-s1*s2", [("s1*(1 - s1)", NAMED), ("s1*s2", "wrong-sign")]),
        "ds2/dz1": ("-s2*s1", [("s2*s1", "wrong-sign")]),
        "ds3/dz3": ("s3*(1 - s3)", [("-s3*s3", "")]),
        "ds3/dz4": ("-s3*s4", [("s3*s4", "wrong-sign")]),
        "ds4/dz2": ("-s4*s2", [("s4*s2", "wrong-sign")]),
        "dL/dz2": ("s2 - y2", [("(s2 - y2)*s2*(1 - s2)", NAMED), ("-y2/s2", NAMED),
                               ("y2 - s2", "wrong-sign")]),
    },
    "momentum-update": {
        "dw": ("-eta*g + alpha*(w - w_prev)",
               [("-eta*g", NAMED), ("-eta*g + alpha*(w_prev - w)", NAMED),
                ("eta*g + alpha*(w - w_prev)", NAMED), ("-eta*g + alpha*w", NAMED)]),
        "w_next": ("w - eta*g + alpha*(w - w_prev)",
                   [("w - eta*g", NAMED), ("-eta*g + alpha*(w - w_prev)", NAMED),
                    ("w + eta*g + alpha*(w - w_prev)", NAMED)]),
    },
    "regularized-update": {
        "dE1/dw1": ("x1*(o - t)*o*(1 - o) + lambda*w1/abs(w1)",
                    [("x1*(o - t)*o*(1 - o) + lambda*w1", NAMED),
                     ("x1*(o - t)*o*(1 - o)", NAMED),
                     ("x1*(o - t) + lambda*w1/abs(w1)", NAMED)]),
        "new_w1_L1": ("w1 - eta*(x1*(o - t)*o*(1 - o) + lambda*w1/abs(w1))",
                      [("w1 + eta*(x1*(o - t)*o*(1 - o) + lambda*w1/abs(w1))", NAMED),
                       ("w1 - eta*x1*(o - t)*o*(1 - o)", NAMED)]),
        "dE2/dw1": ("x1*(o - t)*o*(1 - o) + lambda*w1",
                    [("x1*(o - t)*o*(1 - o) + 2*lambda*w1", NAMED),
                     ("x1*(o - t)*o*(1 - o)", NAMED),
                     ("x1*(o - t)*o*(1 - o) + lambda*w1/abs(w1)", NAMED)]),
        "new_w1_L2": ("w1 - eta*(x1*(o - t)*o*(1 - o) + lambda*w1)",
                      [("w1 + eta*(x1*(o - t)*o*(1 - o) + lambda*w1)", NAMED),
                       ("w1 - eta*x1*(o - t)*o*(1 - o)", NAMED)]),
    },
    "linreg-gd": {
        "dLoss/dw0": ("-2*(y - h)", [("2*(y - h)", "wrong-sign")]),
        "dLoss/dw1": ("-2*(y - h)*x", [("-2*(y - h)", NAMED), ("2*(y - h)*x", "wrong-sign")]),
        "w0_new": ("w0 + alpha*(y - h)",
                   [("w0 - alpha*(y - h)", NAMED), ("w0 + alpha*(y - h)*x", NAMED),
                    ("w0 + 2*alpha*(y - h)", NAMED)]),
        "w1_new": ("w1 + alpha*(y - h)*x",
                   [("w1 + alpha*(y - h)", NAMED), ("w1 - alpha*(y - h)*x", NAMED)]),
        "w0_batch": ("w0 + alpha*((y1 - (w1*x1 + w0)) + (y2 - (w1*x2 + w0)) + "
                     "(y3 - (w1*x3 + w0)))", [("w0 + alpha*(y1 - (w1*x1 + w0))", NAMED)]),
        "w1_batch": ("w1 + alpha*((y1 - (w1*x1 + w0))*x1 + (y2 - (w1*x2 + w0))*x2 + "
                     "(y3 - (w1*x3 + w0))*x3)",
                     [("w1 + alpha*((y1 - (w1*x1 + w0)) + (y2 - (w1*x2 + w0)) + "
                       "(y3 - (w1*x3 + w0)))", NAMED)]),
    },
}
