# Writes a canonical ASCII answer the way a student of one style types it (Unicode, LaTeX,
# implicit multiplication, Python, primes, decimal commas).
import ast
import re

# A chain-rule factor dA/dB between two network quantities, as canonical answers write it.
FACTOR = re.compile(r"\bd(L|[A-Za-z]+[0-9]*(?:_[0-9]+)?)/d([A-Za-z]+[0-9]*(?:_[0-9]+)?)\b")

PREC = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 4}


def parse(canonical):
    """The canonical text as a Python expression tree (factors become D__A__B names)."""
    text = FACTOR.sub(lambda m: "D__%s__%s" % (m.group(1), m.group(2)), canonical)
    text = text.replace("^", "**").replace("lambda", "lambda_")
    return ast.parse(text, mode="eval").body


class Style:
    """How one student writes: every choice is a field, so files of a style vary by seed."""

    def __init__(self, **kw):
        self.times = "*"          # "*", "×", "·", "⋅", "∗", " \\cdot ", "implicit"
        self.minus = "-"          # "-", "−", "–"
        self.power = "^"          # "^", "**", "super", "latex"
        self.space = True         # spaces around + and -
        self.name = lambda n: n   # how a name is written
        self.func = {}            # function name -> written name, or a callable on the argument
        self.frac = False         # a/b as \frac{a}{b}
        self.left_right = False   # \left( \right)
        self.factor = lambda a, b: "d%s/d%s" % (a, b)
        self.__dict__.update(kw)


SUPER = {"2": "\u00b2", "3": "\u00b3"}


def show(node, st):
    """`node` written in style `st` (its own precedence handled by `wrap`)."""
    if isinstance(node, ast.Constant):
        v = node.value
        return str(v) if isinstance(v, int) or v != int(v) else str(int(v))
    if isinstance(node, ast.Name):
        n = node.id.replace("lambda_", "lambda")
        if n.startswith("D__"):
            a, b = n[3:].split("__")
            return st.factor(a, b)
        return st.name(n)
    if isinstance(node, ast.UnaryOp):
        inner = wrap(node.operand, st, 2, False)
        return st.minus + inner
    if isinstance(node, ast.Call):
        return call(node, st)
    return binop(node, st)


def paren(text, st):
    """Parentheses around `text`, \\left( \\right) where the style writes them."""
    return ("\\left(%s\\right)" if st.left_right else "(%s)") % text


def wrap(node, st, prec, right):
    """`node` in parentheses when its operator binds looser than `prec` needs."""
    text = show(node, st)
    if isinstance(node, ast.BinOp):
        p = PREC[type(node.op)]
        if st.frac and isinstance(node.op, ast.Div):
            p = 3
        if p < prec or (right and p == prec and prec != 4):
            return paren(text, st)
    if isinstance(node, ast.UnaryOp) and (right or prec >= 4):
        return paren(text, st)
    return text


def call(node, st):
    """A function call; the style may write the function by name or as a whole expression."""
    fname = node.func.id
    args = [show(a, st) for a in node.args]
    spec = st.func.get(fname, fname)
    if callable(spec):
        return spec(*args)
    return "%s(%s)" % (spec, ", ".join(args))


def binop(node, st):
    """+ - * / ^ in the style, operands parenthesised only where precedence needs it."""
    op = type(node.op)
    if op in (ast.Add, ast.Sub):
        left = wrap(node.left, st, 1, False)
        right = wrap(node.right, st, 1, True)
        sign = "+" if op is ast.Add else st.minus
        return left + (" %s " % sign if st.space else sign) + right
    if op is ast.Pow:
        base = wrap(node.left, st, 4, False)
        exp = show(node.right, st)
        if st.power == "super" and exp in SUPER:
            return base + SUPER[exp]
        if st.power == "latex":
            return "%s^{%s}" % (paren(base, st) if "^" in base else base, exp)
        return base + ("**" if st.power == "**" else "^") + exp
    if op is ast.Div and st.frac:
        return "\\frac{%s}{%s}" % (show(node.left, st), show(node.right, st))
    left = wrap(node.left, st, 2, False)
    right = wrap(node.right, st, 2, True)
    if op is ast.Div:
        return left + "/" + right
    return left + times(node.left, node.right, left, right, st) + right


def times(ln, rn, left, right, st):
    """The sign written between two factors; implicit where juxtaposition has one reading:
    2a1_1, 2(a3_1 - y), a2_1(1 - a2_1), (a - y)(1 - a), w1_21 x1."""
    if st.times != "implicit":
        return st.times
    if isinstance(rn, ast.Constant) or right[0] in "-\u2212":
        return "*"
    if right.startswith("(") or (isinstance(ln, ast.Constant) and right[0] not in "eE"):
        return ""
    return " "


def expression(canonical, st):
    """The canonical answer written in style `st`."""
    return show(parse(canonical), st)


# --- names and keys of each style -------------------------------------------------------------

NETNAME = re.compile(r"^([wbza]|delta)([0-9])_([0-9]+)$")


def latex_name(n):
    """w3_11 -> w^{(3)}_{11}, x1 -> x_1, yhat -> \\hat{y}, s1 -> s_1."""
    m = NETNAME.match(n)
    if m:
        head = "\\delta" if m.group(1) == "delta" else m.group(1)
        sub = m.group(3) if len(m.group(3)) == 1 else "{%s}" % m.group(3)
        return "%s^{(%s)}_%s" % (head, m.group(2), sub)
    if n == "yhat":
        return "\\hat{y}"
    m = re.match(r"^([a-z])([0-9])$", n)
    if m:
        return "%s_%s" % m.groups()
    return n


def latex_key(key):
    """dL/dw3_11 -> \\frac{\\partial L}{\\partial w^{(3)}_{11}}; other keys by latex_name."""
    m = re.match(r"^d([A-Za-z]+[0-9]*)/d(.+)$", key)
    if m:
        return "\\frac{\\partial %s}{\\partial %s}" % (latex_name(m.group(1)),
                                                      latex_name(m.group(2)))
    return latex_name(key)


def unicode_name(n):
    """delta2_1 -> δ2_1; other names as they are."""
    return "\u03b4" + n[5:] if n.startswith("delta") else n


def unicode_key(key):
    """dL/dw3_11 -> ∂L/∂w3_11; delta3_1 -> δ3_1; dw -> Δw."""
    if key == "dw":
        return "\u0394w"
    m = re.match(r"^d([A-Za-z]+[0-9]*)/d(.+)$", key)
    if m:
        return "\u2202%s/\u2202%s" % m.groups()
    return unicode_name(key)


def comma_number(text):
    """-0.4500 -> -0,4500: the decimal comma of a continental calculator."""
    return text.replace(".", ",")
