// A recursive-descent reader for the answer syntax that builds GiNaC expressions and refuses, with
// a reason, what it cannot read.
#include "symbolic/reader.h"

#include <optional>

#include <algorithm>
#include <cctype>

#include "core/decimal.h"
#include "core/error.h"
#include "symbolic/function_table.h"
#include "symbolic/functions.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

// How tightly a piece of echo binds, to decide where the echo needs parentheses.
enum Precedence { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

struct Node {
  ex value;
  std::string echo;
  int precedence = kAtom;
  bool division = false;  // a product whose last operation is '/'
};

// Every spelling of every function, with its entry, in the table's order (for suggestions).
std::vector<std::pair<std::string, const MathFunction*>> spellings() {
  std::vector<std::pair<std::string, const MathFunction*>> out;
  for (const MathFunction& f : math_functions()) {
    out.emplace_back(f.name, &f);
    for (const std::string& alias : f.aliases) out.emplace_back(alias, &f);
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Edit distance, for "did you mean" (names are short).
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// What to write for `l`, the lower-case form of an unknown function name, when it is a
// known slip: another name for a function, or a derivative written as a name.
std::optional<std::string> known_slip(const std::string& l) {
  for (const MathFunction& f : math_functions())
    for (const std::string& misname : f.misnames)
      if (l == misname) return f.misname_advice;
  if (l == "d" || l == "diff" || l == "derivative" || l == "grad" || l == "partial")
    return "derivatives are written out, e.g. sigmoid(z)*(1 - sigmoid(z)) for sigmoid'(z)";
  for (const auto& [n, f] : spellings()) {
    if (l == "d" + n || l == n + "_prime" || l == n + "prime" || l == n + "_deriv" ||
        l == "d" + n + "_dz")
      return "derivatives are written out: " + n + "'(z) is " + derivative_text(*f, n);
  }
  return std::nullopt;
}

// What to write instead of an unknown function name.
std::string unknown_function(const std::string& name) {
  const std::string prefix = "unknown function '" + name + "': ";
  const std::string l = lower(name);
  if (function_named(l)) return prefix + "names are case-sensitive: write " + l + "(...)";
  if (const auto slip = known_slip(l)) return prefix + *slip;
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& [n, f] : spellings()) {
    const std::size_t d = distance(l, n);
    if (d < best_distance) best_distance = d, best = n;
  }
  if (!best.empty()) return prefix + "did you mean " + best + "(...)?";
  return prefix + "the functions are " + function_list();
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case TokenKind::end:
      return "the end of the expression";
    case TokenKind::number:
      return "the number '" + t.text + "'";
    case TokenKind::name:
      return "the name '" + t.text + "'";
    default:
      return "'" + t.text + "'";
  }
}

std::string wrap(const Node& n, bool parenthesize) {
  return parenthesize ? "(" + n.echo + ")" : n.echo;
}

bool is_numeric_value(const ex& e) { return is_exactly_a<numeric>(e); }

class Reader {
 public:
  Reader(const std::string& text, const NameResolver& names)
      : text_(text), names_(names), tokens_(tokenize(text)) {}

  Node read() {
    Node n = sum();
    const Token& t = peek();
    if (t.kind == TokenKind::close)
      throw ExpressionError(t.offset, "unbalanced parentheses: this ')' has no matching '('");
    if (t.kind == TokenKind::comma)
      throw ExpressionError(t.offset, "unexpected ',': every function takes one argument");
    if (t.kind != TokenKind::end) missing_operator(t);
    return n;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_++]; }
  const Token& previous() const { return tokens_[pos_ - 1]; }

  // Guards the recursion of nested parentheses, signs and powers.
  struct Depth {
    Depth(Reader& r, std::size_t offset) : r_(r) {
      if (++r_.depth_ > kMaxNesting)
        throw ExpressionError(offset, "nested too deeply: at most " + std::to_string(kMaxNesting) +
                                          " levels of parentheses, signs and powers");
    }
    ~Depth() { --r_.depth_; }
    Reader& r_;
  };

  [[noreturn]] void missing_operator(const Token& t) const {
    const Token& before = previous();
    if (t.kind == TokenKind::prime)
      throw ExpressionError(
          t.offset,
          "'" + before.text +
              "'' is not a name: derivatives are written out in the names of the network");
    throw ExpressionError(t.offset, "missing '*' between '" + before.text + "' and '" + t.text +
                                        "': write " + before.text + "*" + t.text +
                                        (t.kind == TokenKind::open ? "...)" : "") +
                                        " (no implicit multiplication)");
  }

  // Builds a value with GiNaC, turning its exceptions (division by zero, log(0), 0^0) into a
  // message at `offset`.
  template <class F>
  ex build(std::size_t offset, F&& f) {
    try {
      return f();
    } catch (const std::exception& e) {
      const std::string what = e.what();
      if (what.find("division by zero") != std::string::npos)
        throw ExpressionError(offset, "division by zero");
      if (what.find("log(0)") != std::string::npos)
        throw ExpressionError(offset, "log(0) is undefined");
      throw ExpressionError(offset, "cannot compute this: " + what);
    }
  }

  // Terms and factors are collected and handed to GiNaC once: adding them one by one
  // would rebuild the sum each time, quadratic in its length.
  Node sum() {
    Node n = product();
    if (peek().kind != TokenKind::plus && peek().kind != TokenKind::minus) return n;
    exvector terms{n.value};
    while (peek().kind == TokenKind::plus || peek().kind == TokenKind::minus) {
      const Token& op = next();
      const Node rhs = product();
      const bool plus = op.kind == TokenKind::plus;
      terms.push_back(plus ? rhs.value : -rhs.value);
      n.echo +=
          (plus ? " + " : " - ") + wrap(rhs, rhs.precedence == kUnary || rhs.precedence == kSum);
    }
    n.value = build(0, [&] { return ex(add(terms)); });
    n.precedence = kSum;
    n.division = false;
    return n;
  }

  Node product() {
    Node n = unary();
    exvector factors{n.value};
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::number || t.kind == TokenKind::name || t.kind == TokenKind::open ||
          t.kind == TokenKind::prime)
        missing_operator(t);
      if (t.kind != TokenKind::times && t.kind != TokenKind::divide) break;
      const Token& op = next();
      const Node rhs = unary();
      const bool times = op.kind == TokenKind::times;
      if (!times && is_numeric_value(rhs.value) && ex_to<numeric>(rhs.value).is_zero())
        throw ExpressionError(op.offset, "division by zero");
      factors.push_back(times ? rhs.value : build(op.offset, [&] { return pow(rhs.value, -1); }));
      // Show the grouping a reader may get wrong: (1/2)*a, (a/b)/c, a/(b*c).
      n.echo = wrap(n, n.division || n.precedence < kProduct) + (times ? "*" : "/") +
               wrap(rhs, rhs.precedence <= (times ? kUnary : kProduct));
      n.precedence = kProduct;
      n.division = !times;
    }
    if (factors.size() > 1) n.value = build(0, [&] { return ex(mul(factors)); });
    return n;
  }

  Node unary() {
    const Token& t = peek();
    if (t.kind != TokenKind::minus && t.kind != TokenKind::plus) return power();
    next();
    const Depth depth(*this, t.offset);
    Node operand = unary();
    Node n;
    n.value = t.kind == TokenKind::minus ? -operand.value : operand.value;
    n.echo = (t.kind == TokenKind::minus ? "-" : "") +
             wrap(operand, operand.precedence < kAtom && t.kind == TokenKind::minus);
    n.precedence = t.kind == TokenKind::minus ? kUnary : operand.precedence;
    return n;
  }

  Node power() {
    Node base = primary();
    if (peek().kind != TokenKind::power) return base;
    const Token& op = next();
    const Depth depth(*this, op.offset);
    const Node exponent = unary();  // right-associative: a^b^c = a^(b^c); a^-2 allowed
    Node n;
    n.value = make_power(base.value, exponent.value, op.offset);
    n.echo =
        wrap(base, base.precedence < kAtom) + "^" + wrap(exponent, exponent.precedence < kAtom);
    n.precedence = kPower;
    return n;
  }

  // base^exponent, refusing numbers too large to hold (2^(10^10)) and values that are not real.
  ex make_power(const ex& base, const ex& exponent, std::size_t offset) {
    if (is_numeric_value(exponent)) {
      const numeric& e = ex_to<numeric>(exponent);
      if (is_numeric_value(base)) {
        const numeric& b = ex_to<numeric>(base);
        if (b.is_zero() && !e.is_positive())
          throw ExpressionError(offset, e.is_zero() ? "0^0 is undefined" : "division by zero");
        if (b.is_negative() && !e.is_integer())
          throw ExpressionError(offset,
                                "a negative number to a fractional power is not a real number");
        // Bits of the result, bounded above; a decimal digit is log2(10) = 3.32 bits, taken as
        // 10/3.
        const numeric bits = abs(e.numer()) * (b.numer().int_length() + b.denom().int_length() + 1);
        if (!b.is_zero() && !abs(b).is_equal(numeric(1)) &&
            (bits > kMaxPowerDigits * 10 / 3 || e.denom() > 1000))
          throw ExpressionError(offset, "this number is too large to work with (more than " +
                                            std::to_string(kMaxPowerDigits) + " digits)");
      }
    }
    return build(offset, [&] { return pow(base, exponent); });
  }

  Node primary() {
    const Token& t = next();
    switch (t.kind) {
      case TokenKind::number:
        return number(t);
      case TokenKind::name:
        return name(t);
      case TokenKind::open: {
        const Depth depth(*this, t.offset);
        Node inner = sum();
        const Token& close = peek();
        if (close.kind != TokenKind::close) {
          if (close.kind == TokenKind::end)
            throw ExpressionError(t.offset, "unbalanced parentheses: this '(' is never closed");
          missing_operator(close);
        }
        next();
        return inner;
      }
      case TokenKind::close:
        throw ExpressionError(t.offset, "unbalanced parentheses: this ')' has no matching '('");
      case TokenKind::prime:
        throw ExpressionError(
            t.offset,
            "derivatives are written out, e.g. sigmoid'(z) as sigmoid(z)*(1 - sigmoid(z))");
      case TokenKind::comma:
        throw ExpressionError(t.offset, "unexpected ',': every function takes one argument");
      case TokenKind::end:
        throw ExpressionError(t.offset,
                              "the expression ends too early: expected a number, a name or '('");
      default:
        throw ExpressionError(t.offset, "expected a number, a name or '(' before " + describe(t));
    }
  }

  Node number(const Token& t) {
    const auto d = Decimal::parse(t.text);
    if (!d) throw ExpressionError(t.offset, "malformed number '" + t.text + "'");
    const Rational r = d->rational();
    Node n;
    n.value = numeric(numerator(r).str().c_str()) / numeric(denominator(r).str().c_str());
    n.echo = t.text;
    return n;
  }

  Node name(const Token& t) {
    const MathFunction* f = function_named(t.text);
    if (peek().kind == TokenKind::prime) {
      if (f)
        throw ExpressionError(peek().offset,
                              t.text + "' is not part of the syntax: write the derivative out, " +
                                  t.text + "'(z) = " + derivative_text(*f, t.text));
      throw ExpressionError(
          peek().offset,
          t.text + "' is not a name: derivatives are written out in the names of the network");
    }
    if (peek().kind == TokenKind::open) return call(t, f);
    if (f)
      throw ExpressionError(t.offset, "'" + t.text + "' is a function: write " + t.text + "(...)");
    const NameMeaning m = names_(t.text, t.offset);
    Node n;
    n.value = m.value;
    n.echo = m.canonical;
    return n;
  }

  Node call(const Token& t, const MathFunction* f) {
    if (!f) {
      bool is_name = false;
      try {
        names_(t.text, t.offset);
        is_name = true;
      } catch (const ExpressionError&) {
      }
      if (is_name)
        throw ExpressionError(
            peek().offset,
            "'" + t.text + "' is not a function: to multiply, write " + t.text + "*(...)");
      throw ExpressionError(t.offset, unknown_function(t.text));
    }
    const Token& open = next();
    const Depth depth(*this, open.offset);
    if (peek().kind == TokenKind::close)
      throw ExpressionError(peek().offset, t.text + "() needs an argument");
    const Node arg = sum();
    if (peek().kind == TokenKind::comma)
      throw ExpressionError(peek().offset, t.text + " takes one argument");
    if (peek().kind != TokenKind::close) {
      if (peek().kind == TokenKind::end)
        throw ExpressionError(open.offset, "unbalanced parentheses: this '(' is never closed");
      missing_operator(peek());
    }
    next();
    check_domain(*f, arg.value, t.offset);
    Node n;
    n.value = build(t.offset, [&] { return f->make(arg.value); });
    n.echo = text_call(*f, arg.echo);
    return n;
  }

  // Refuses a number argument where f has no real value: log(0), sqrt(-1).
  static void check_domain(const MathFunction& f, const ex& arg, std::size_t offset) {
    if (!is_numeric_value(arg)) return;
    const numeric& x = ex_to<numeric>(arg);
    const std::string name = f.name;
    if (f.domain == Domain::positive && !x.is_positive())
      throw ExpressionError(
          offset, name + " of " + (x.is_zero() ? "0" : "a negative number") + " is undefined");
    if (f.domain == Domain::nonnegative && x.is_negative())
      throw ExpressionError(offset, name + " of a negative number is not a real number");
  }

  const std::string& text_;
  const NameResolver& names_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

ReadExpression read_expression(const std::string& text, const NameResolver& names) {
  ensure_functions_registered();
  if (text.size() > kMaxExpressionLength)
    throw ExpressionError(kMaxExpressionLength, "the expression is " + std::to_string(text.size()) +
                                                    " characters long; at most " +
                                                    std::to_string(kMaxExpressionLength) +
                                                    " are read");
  Reader reader(text, names);
  Node n = reader.read();
  return {n.value, n.echo};
}

NameResolver network_names(SymbolTable& symbols) {
  return [&symbols](const std::string& name, std::size_t offset) -> NameMeaning {
    const Network& net = symbols.network();
    const auto q = parse_quantity(name);
    auto r = q ? resolve(*q, net) : std::nullopt;
    if (r && r->kind == QuantityKind::loss)
      throw ExpressionError(offset,
                            "the loss L cannot be used in an answer: write it out in a and y");
    if (!r) throw ExpressionError(offset, explain_unknown_name(name, net));
    const std::string canonical = quantity_name(*r, net);
    if (r->kind == QuantityKind::output)
      r = Quantity{QuantityKind::activation, net.depth(), r->j, 0};
    return {symbols(*r), canonical};
  };
}

ex read_expression(const std::string& text, SymbolTable& symbols) {
  try {
    return read_expression(text, network_names(symbols)).value;
  } catch (const ExpressionError& e) {
    throw UserError(
        SourceLocation{"", 1, static_cast<int>(code_points_before(text, e.offset())) + 1, text},
        e.what());
  }
}

}  // namespace deltacheck
