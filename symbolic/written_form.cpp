// The written form: a recursive descent over the answer syntax that keeps what the author wrote,
// printing each piece in text and LaTeX side by side.
#include "symbolic/written_form.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/text_escape.h"
#include "symbolic/function_table.h"
#include "symbolic/reader.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

namespace {

// How tightly a printed piece binds (as the reader's echo decides parentheses).
enum Precedence { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

// One piece of the expression in both syntaxes.
struct Piece {
  std::string text, latex;
  int precedence = kAtom;
  std::string group_latex;  // a written (...): its inside in LaTeX, for \frac and ^{}
  std::string name;         // a lone name: as written (for derivative ratios)
  std::string last_name;    // a product ending in a lone name: that name (a*dL/dz)
  std::string before_last;  // and the product before it, in LaTeX
  bool negated = false;     // -x: `operand` is x
  std::vector<Piece> operand;
};

const char* const kGreek[] = {"alpha", "beta",  "gamma", "delta",  "epsilon", "zeta", "eta",
                              "theta", "iota",  "kappa", "lambda", "mu",      "nu",   "xi",
                              "pi",    "rho",   "sigma", "tau",    "phi",     "chi",  "psi",
                              "omega", "Gamma", "Delta", "Theta",  "Lambda",  "Xi",   "Pi",
                              "Sigma", "Phi",   "Psi",   "Omega"};

bool all_letters(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); });
}

// A name without subscript: a Greek letter, a hat, one letter, or an upright word.
std::string base_latex(const std::string& base) {
  for (const char* g : kGreek)
    if (base == g) return std::string("\\") + g;
  if (base.size() > 3 && base.compare(base.size() - 3, 3, "hat") == 0)
    return "\\hat{" + base_latex(base.substr(0, base.size() - 3)) + "}";
  if (base.size() <= 1) return base;
  return "\\mathrm{" + base + "}";
}

Piece piece(std::string text, std::string latex, int precedence = kAtom) {
  Piece p;
  p.text = std::move(text), p.latex = std::move(latex), p.precedence = precedence;
  return p;
}

// -x, keeping x for a product to put its minus in front.
Piece negation(const Piece& x, int precedence) {
  Piece p = piece("-" + x.text, "-" + x.latex, precedence);
  p.negated = true;
  p.operand = {x};
  return p;
}

// Inside of a piece where braces already group it (\frac{...}, ^{...}).
std::string braced(const Piece& p) { return p.group_latex.empty() ? p.latex : p.group_latex; }

// Reads as the reader does, within its limits: kMaxExpressionLength bytes, kMaxNesting levels.
class WrittenReader {
 public:
  WrittenReader(const std::string& text, bool ratios) : tokens_(checked(text)), ratios_(ratios) {}

  Piece read() {
    Piece p = sum();
    if (peek().kind != TokenKind::end) fail(peek(), "an operator");
    return p;
  }

 private:
  static std::vector<Token> checked(const std::string& text) {
    if (text.size() > kMaxExpressionLength)
      throw ExpressionError(kMaxExpressionLength,
                            "longer than " + std::to_string(kMaxExpressionLength) + " bytes");
    return tokenize(text);
  }

  // One level deeper for as long as it lives: parentheses, signs and powers.
  struct Depth {
    Depth(WrittenReader& r, const Token& t) : r_(r) {
      if (++r_.depth_ > kMaxNesting)
        throw ExpressionError(
            t.offset, "nested too deeply: at most " + std::to_string(kMaxNesting) + " levels");
    }
    ~Depth() { --r_.depth_; }
    WrittenReader& r_;
  };

  const Token& peek() const { return tokens_[at_]; }
  const Token& next() { return tokens_[at_ == tokens_.size() - 1 ? at_ : at_++]; }
  [[noreturn]] void fail(const Token& t, const std::string& wanted) const {
    const std::string at = t.kind == TokenKind::end ? "the end" : "'" + t.text + "'";
    throw ExpressionError(t.offset, "expected " + wanted + " at " + at);
  }

  Piece sum() {
    Piece n = product();
    while (peek().kind == TokenKind::plus || peek().kind == TokenKind::minus) {
      const std::string op = next().kind == TokenKind::plus ? " + " : " - ";
      const Piece rhs = product();
      n = piece(n.text + op + rhs.text, n.latex + op + rhs.latex, kSum);
    }
    return n;
  }

  bool starts_factor(const Token& t) const {
    return t.kind == TokenKind::name || t.kind == TokenKind::open ||
           (t.kind == TokenKind::bar && bars_ == 0);
  }

  // Factors joined by '*', '/' or written side by side; a leading minus stays in front.
  Piece product() {
    Piece first = unary();
    const bool negative = first.negated;
    Piece n = negative ? first.operand[0] : first;
    for (;;) {
      const Token& t = peek();
      const bool side_by_side = starts_factor(t);
      if (!side_by_side && t.kind != TokenKind::times && t.kind != TokenKind::divide) break;
      if (!side_by_side) next();
      const Piece rhs = side_by_side ? power() : unary();
      n = t.kind == TokenKind::divide ? quotient(n, rhs) : times(n, rhs);
    }
    if (!negative) return n;
    return negation(n, n.precedence == kAtom ? kUnary : n.precedence);
  }

  static Piece times(const Piece& a, const Piece& b) {
    const bool digits =
        std::isdigit(static_cast<unsigned char>(b.latex.empty() ? 'x' : b.latex[0]));
    Piece p =
        piece(a.text + "*" + b.text, a.latex + (digits ? " \\cdot " : " ") + b.latex, kProduct);
    p.last_name = b.name, p.before_last = a.latex;
    return p;
  }

  // a/b; with derivative ratios, dA/dB (also ending a product: eta*dE/dw) as a partial
  // derivative. The product before it keeps its factors: (eta*dE)/dw reads as eta*(dE/dw).
  Piece quotient(const Piece& a, const Piece& b) const {
    const std::string text = a.text + "/" + b.text;
    if (ratios_ && is_differential(b.name)) {
      if (is_differential(a.name))
        return piece(text,
                     "\\frac{\\partial " + symbol_latex(a.name.substr(1)) + "}{\\partial " +
                         symbol_latex(b.name.substr(1)) + "}",
                     kProduct);
      if (is_differential(a.last_name))
        return piece(text,
                     a.before_last + " \\frac{\\partial " + symbol_latex(a.last_name.substr(1)) +
                         "}{\\partial " + symbol_latex(b.name.substr(1)) + "}",
                     kProduct);
    }
    return piece(text, "\\frac{" + braced(a) + "}{" + braced(b) + "}", kProduct);
  }

  // dL, dz2: 'd' and a name (delta is a Greek letter, not a differential).
  static bool is_differential(const std::string& name) {
    return name.size() > 1 && name[0] == 'd' && name.compare(0, 5, "delta") != 0;
  }

  Piece unary() {
    const Token& t = peek();
    if (t.kind != TokenKind::minus && t.kind != TokenKind::plus) return power();
    next();
    const Depth depth(*this, t);
    const Piece operand = unary();
    if (t.kind == TokenKind::plus) return operand;
    return negation(operand, kUnary);
  }

  Piece power() {
    const Piece base = primary();
    if (peek().kind != TokenKind::power) return base;
    const Depth depth(*this, next());
    const Piece exponent = unary();
    return piece(base.text + "^" + exponent.text, "{" + base.latex + "}^{" + braced(exponent) + "}",
                 kPower);
  }

  // What stands between brackets: a group printed as written.
  Piece group(TokenKind close, const char* closing) {
    const Piece inside = sum();
    if (peek().kind != close) fail(peek(), std::string("'") + closing + "'");
    next();
    const bool plain = inside.precedence == kAtom;
    Piece p = piece("(" + inside.text + ")",
                    plain ? inside.latex : "\\left(" + inside.latex + "\\right)");
    p.group_latex = inside.latex;
    return p;
  }

  Piece primary() {
    const Token& t = next();
    const Depth depth(*this, t);
    if (t.kind == TokenKind::number) return piece(t.text, t.text);
    if (t.kind == TokenKind::open) return group(TokenKind::close, t.text == "[" ? "]" : ")");
    if (t.kind == TokenKind::bar) {
      ++bars_;
      const Piece inside = sum();
      if (peek().kind != TokenKind::bar) fail(peek(), "'|'");
      next(), --bars_;
      return call(function_entry(FunctionId::abs), inside, false);
    }
    if (t.kind != TokenKind::name) fail(t, "a number, a name or '('");
    const MathFunction* f = function_named(t.text);
    const bool primed = f && peek().kind == TokenKind::prime;
    if (primed) next();
    if (f && peek().kind == TokenKind::open && peek().text == "(") {
      next();
      const Piece inside = sum();
      if (peek().kind != TokenKind::close) fail(peek(), "')'");
      next();
      return call(*f, inside, primed);
    }
    if (primed) fail(peek(), "'(' after the prime");
    Piece name = piece(t.text, symbol_latex(t.text));
    name.name = t.text;
    return name;
  }

  // f(x) or f'(x) as the function table spells f.
  static Piece call(const MathFunction& f, const Piece& x, bool primed) {
    std::string latex = latex_call(f, x.latex);
    if (primed) {
      const std::size_t open = latex.find("\\left(");
      latex = open == std::string::npos || open == 0
                  ? "\\operatorname{" + std::string(f.name) + "}'\\left(" + x.latex + "\\right)"
                  : latex.insert(open, "'");
    }
    const std::string text =
        primed ? std::string(f.name) + "'(" + x.text + ")" : text_call(f, x.text);
    return piece(text, latex, f.latex_is_power ? kPower : kAtom);
  }

  std::vector<Token> tokens_;
  std::size_t at_ = 0;
  int bars_ = 0, depth_ = 0;
  bool ratios_;
};

// Each '$...$' of `step` with its inside replaced by `typeset(inside, offset)`.
template <class F>
std::string each_formula(const std::string& step, F typeset) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t open = step.find('$', start);
    if (open == std::string::npos) return out + step.substr(start);
    const std::size_t close = step.find('$', open + 1);
    if (close == std::string::npos)
      throw ExpressionError(open, "a '$' without its closing '$': write formulas as $...$");
    out += step.substr(start, open - start) +
           typeset(step.substr(open + 1, close - open - 1), open + 1);
    start = close + 1;
  }
}

// A formula of a step: each side of its '=' printed alone, errors at their offset in the step.
std::string formula_latex(const std::string& formula, std::size_t offset) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t equals = formula.find('=', start);
    const std::string side = formula.substr(start, equals - start);
    try {
      if (side.find_first_not_of(" \t") != std::string::npos)
        out += print_written(side, Syntax::latex, true);
    } catch (const ExpressionError& e) {
      throw ExpressionError(offset + start + e.offset(), e.what());
    }
    if (equals == std::string::npos) return "$" + out + "$";
    out += " = ";
    start = equals + 1;
  }
}

}  // namespace

std::string symbol_latex(const std::string& name) {
  if (name.find_first_of("\\{") != std::string::npos) return name;  // already LaTeX
  const std::size_t underscore = name.find('_');
  const bool subscripted =
      underscore != std::string::npos && underscore > 0 && underscore + 1 < name.size();
  const std::string base = subscripted ? name.substr(0, underscore) : name;
  std::string sub = subscripted ? name.substr(underscore + 1) : "";
  sub = sub.size() > 2 && all_letters(sub) ? "\\mathrm{" + sub + "}" : latex_escape(sub);
  std::size_t digits = base.size();  // a trailing number joins the subscript: w1_11 -> w_{1,11}
  while (digits > 1 && std::isdigit(static_cast<unsigned char>(base[digits - 1]))) --digits;
  if (!all_letters(base.substr(0, digits))) return "\\mathrm{" + latex_escape(name) + "}";
  if (digits < base.size()) sub = base.substr(digits) + (sub.empty() ? "" : "," + sub);
  const std::string head = base_latex(base.substr(0, digits));
  return sub.empty() ? head : head + "_{" + sub + "}";
}

std::string key_latex(const std::string& key) {
  const std::size_t slash = key.find('/');
  if (key.size() > 4 && key[0] == 'd' && slash != std::string::npos && slash + 2 < key.size() &&
      key[slash + 1] == 'd' && key.find('/', slash + 1) == std::string::npos)
    return "\\frac{\\partial " + symbol_latex(key.substr(1, slash - 1)) + "}{\\partial " +
           symbol_latex(key.substr(slash + 2)) + "}";
  const bool name = !key.empty() && std::isalpha(static_cast<unsigned char>(key[0])) &&
                    std::all_of(key.begin(), key.end(),
                                [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  // A quantity's own name (one letter, its index, one word of subscript) reads as mathematics;
  // a name built of words (new_w0, dw) stays a label.
  const bool quantity = key.size() == 1 || std::isdigit(static_cast<unsigned char>(key[1])) ||
                        key[1] == '_';
  if (name && quantity && std::count(key.begin(), key.end(), '_') <= 1) return symbol_latex(key);
  return "\\text{" + latex_escape(key) + "}";
}

std::string print_written(const std::string& text, Syntax syntax, bool derivative_ratios) {
  const Piece p = WrittenReader(text, derivative_ratios).read();
  return syntax == Syntax::latex ? p.latex : p.text;
}

std::string step_text(const std::string& step) {
  std::string out = step;
  out.erase(std::remove(out.begin(), out.end(), '$'), out.end());
  return out;
}

std::string step_latex(const std::string& step) { return each_formula(step, formula_latex); }

}  // namespace deltacheck
