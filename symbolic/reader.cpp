// A recursive-descent reader for the answer syntax that builds GiNaC expressions and refuses, with
// a reason, what it cannot read.
#include "symbolic/reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/decimal.h"
#include "core/error.h"
#include "core/text.h"
#include "symbolic/function_table.h"
#include "symbolic/functions.h"
#include "symbolic/notation.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

// How tightly a piece of echo binds, to decide where the echo needs parentheses.
enum Precedence { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

struct Node {
  ex value;
  std::string echo;
  int precedence = kAtom;
  bool division = false;   // a product whose last operation is '/'
  bool indicator = false;  // a comparison read as the step, [z > 0]
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
    return "write a function's derivative with a prime, e.g. sigmoid'(z), or written out, "
           "sigmoid(z)*(1 - sigmoid(z))";
  for (const auto& [n, f] : spellings()) {
    if (l == "d" + n || l == n + "_prime" || l == n + "prime" || l == n + "_deriv" ||
        l == "d" + n + "_dz")
      return "write the derivative as " + n + "'(z), or written out, " + derivative_text(*f, n);
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

// Names read as the activation of a layer in f(z3_1) and f'(z3_1).
bool is_activation_placeholder(const std::string& name) {
  return name == "f" || name == "g" || name == "phi";
}

// True when the number token's text is digits only (the integer part of 0,45).
bool is_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool is_zero_number(const ex& e) { return is_numeric_value(e) && ex_to<numeric>(e).is_zero(); }

class Reader {
 public:
  Reader(const std::string& text, const NameResolver& names, const ReadOptions& options)
      : names_(names), options_(options), tokens_(tokenize(text)) {}

  Node read() {
    Node n = sum();
    const Token& t = peek();
    if (t.kind == TokenKind::close)
      throw ExpressionError(t.offset, "unbalanced brackets: this '" + t.text +
                                          "' has no matching '" + (t.text == ")" ? "(" : "[") +
                                          "'");
    if (t.kind == TokenKind::comma) comma_error(t);
    if (t.kind != TokenKind::end) unexpected(t);
    return n;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& peek(std::size_t ahead) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() { return tokens_[pos_++]; }
  const Token& previous() const { return tokens_[pos_ - 1]; }
  bool at_open_parenthesis() const { return peek().kind == TokenKind::open && peek().text == "("; }

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

  // A token that cannot follow what was read before it.
  [[noreturn]] void unexpected(const Token& t) const {
    const Token& before = previous();
    switch (t.kind) {
      case TokenKind::prime:
        throw ExpressionError(t.offset,
                              "a prime marks a function's derivative: write sigmoid'(z), "
                              "tanh'(z) or relu'(z)");
      case TokenKind::greater:
      case TokenKind::less:
        throw ExpressionError(t.offset,
                              "a comparison is read only in brackets, as the step: write "
                              "[z > 0] or step(z)");
      case TokenKind::number: {
        const std::string factor = before.kind == TokenKind::close ? "(...)" : before.text;
        throw ExpressionError(t.offset, "a number after '" + before.text + "': write " + factor +
                                            "*" + t.text + " to multiply");
      }
      case TokenKind::comma:
        comma_error(t);
      case TokenKind::bar:
        throw ExpressionError(t.offset, "unbalanced '|': write abs(...) for |...|");
      default:
        throw ExpressionError(t.offset, "unexpected " + describe(t));
    }
  }

  [[noreturn]] void comma_error(const Token& t) const {
    const Token& after = peek(1);
    const bool decimal = pos_ > 0 && previous().kind == TokenKind::number &&
                         after.kind == TokenKind::number && after.offset == t.offset + 1;
    if (decimal)
      throw ExpressionError(t.offset,
                            "write decimals with a point: " + previous().text + "." + after.text);
    throw ExpressionError(t.offset, "unexpected ',': only max(0, z) takes two arguments");
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
    n.indicator = false;
    return n;
  }

  // A token that starts a factor written right after another (2a, (a)(b), x |w|).
  bool starts_factor(const Token& t) const {
    return t.kind == TokenKind::name || t.kind == TokenKind::open ||
           (t.kind == TokenKind::bar && abs_depth_ == 0);
  }

  // Factors joined by '*', '/' or juxtaposition, which binds like '*' (1/2a is (1/2)*a).
  Node product() {
    Node n = unary();
    exvector factors{n.value};
    for (;;) {
      const Token& t = peek();
      const bool one_bracket = t.kind == TokenKind::number && t.text == "1" &&
                               peek(1).kind == TokenKind::open &&
                               (peek(1).text == "[" || peek(1).text == "{");
      if (one_bracket) next();  // (...) 1[z > 0]: the 1 of the indicator
      if (!one_bracket && (t.kind == TokenKind::number || t.kind == TokenKind::prime))
        unexpected(t);
      const bool juxtaposed = one_bracket || starts_factor(t);
      if (!juxtaposed && t.kind != TokenKind::times && t.kind != TokenKind::divide) break;
      const Token& op = juxtaposed ? t : next();
      const Node rhs = juxtaposed ? power() : unary();
      if (juxtaposed && factors.size() == 1 && n.echo == "1" && rhs.indicator) {
        n = rhs;  // 1[z > 0], 1{z > 0}: the indicator itself
        factors = {n.value};
        continue;
      }
      const bool times = op.kind != TokenKind::divide;
      if (!times && is_zero_number(rhs.value)) throw ExpressionError(op.offset, "division by zero");
      factors.push_back(times ? rhs.value : build(op.offset, [&] { return pow(rhs.value, -1); }));
      // Show the grouping a reader may get wrong: (1/2)*a, (a/b)/c, a/(b*c).
      n.echo = wrap(n, n.division || n.precedence < kProduct) + (times ? "*" : "/") +
               wrap(rhs, rhs.precedence <= (times ? kUnary : kProduct));
      n.precedence = kProduct;
      n.division = !times;
      n.indicator = false;
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
      case TokenKind::open:
        return group(t);
      case TokenKind::bar:
        return absolute(t);
      case TokenKind::close:
        throw ExpressionError(
            t.offset, "unbalanced brackets: this '" + t.text + "' has no matching opening bracket");
      case TokenKind::prime:
        throw ExpressionError(t.offset, "a prime follows a function's name: write sigmoid'(z)");
      case TokenKind::comma:
        comma_error(t);
      case TokenKind::end:
        throw ExpressionError(t.offset,
                              "the expression ends too early: expected a number, a name or '('");
      default:
        throw ExpressionError(t.offset, "expected a number, a name or '(' before " + describe(t));
    }
  }

  // The close bracket matching `open`, consumed; refuses a missing or mismatched one.
  void close_bracket(const Token& open) {
    const Token& close = peek();
    if (close.kind == TokenKind::end)
      throw ExpressionError(open.offset,
                            "unbalanced brackets: this '" + open.text + "' is never closed");
    if (close.kind != TokenKind::close) unexpected(close);
    const std::string want = open.text == "(" ? ")" : "]";
    if (close.text != want)
      throw ExpressionError(
          close.offset, "this '" + close.text + "' closes a '" + open.text + "': write " + want);
    next();
  }

  // ( ... ) or [ ... ], where a comparison reads as the step: [z > 0] is step(z).
  Node group(const Token& open) {
    const Depth depth(*this, open.offset);
    const int abs_depth = abs_depth_;
    abs_depth_ = 0;
    Node inner = sum();
    if (peek().kind == TokenKind::greater || peek().kind == TokenKind::less)
      inner = comparison(inner);
    close_bracket(open);
    abs_depth_ = abs_depth;
    return inner;
  }

  // lhs > rhs as step(lhs - rhs), lhs < rhs as step(rhs - lhs): 1 where it holds, else 0.
  Node comparison(const Node& lhs) {
    const Token& op = next();
    const Node rhs = sum();
    const bool greater = op.kind == TokenKind::greater;
    const Node& big = greater ? lhs : rhs;
    const Node& small = greater ? rhs : lhs;
    const MathFunction& step = function_entry(FunctionId::step);
    Node n;
    n.value = build(op.offset, [&] { return step.make(big.value - small.value); });
    if (is_zero_number(small.value))
      n.echo = text_call(step, big.echo);
    else if (is_zero_number(big.value))
      n.echo = text_call(step, "-" + wrap(small, small.precedence < kAtom));
    else
      n.echo =
          text_call(step, big.echo + " - " +
                              wrap(small, small.precedence <= kUnary || small.precedence == kSum));
    n.indicator = true;
    return n;
  }

  // |x| as abs(x).
  Node absolute(const Token& bar) {
    const Depth depth(*this, bar.offset);
    ++abs_depth_;
    const Node inner = sum();
    if (peek().kind != TokenKind::bar) {
      if (peek().kind == TokenKind::end)
        throw ExpressionError(bar.offset, "unbalanced '|': this '|' is never closed");
      unexpected(peek());
    }
    next();
    --abs_depth_;
    const MathFunction& f = function_entry(FunctionId::abs);
    Node n;
    n.value = f.make(inner.value);
    n.echo = text_call(f, inner.echo);
    return n;
  }

  // A number; with decimal commas 0,45 (written together) is 0.45.
  Node number(const Token& t) {
    std::string text = t.text;
    const Token& comma = peek();
    const Token& fraction = peek(1);
    if (options_.decimal_comma && max_depth_ == 0 && is_digits(text) &&
        comma.kind == TokenKind::comma && comma.offset == t.offset + text.size() &&
        fraction.kind == TokenKind::number && fraction.offset == comma.offset + 1 &&
        fraction.text.find('.') == std::string::npos) {
      text += "." + fraction.text;
      pos_ += 2;
    }
    const auto d = Decimal::parse(text);
    if (!d) throw ExpressionError(t.offset, "malformed number '" + text + "'");
    const Rational r = d->rational();
    Node n;
    n.value = numeric(numerator(r).str().c_str()) / numeric(denominator(r).str().c_str());
    n.echo = text;
    return n;
  }

  // What `name` means to the resolver, or nothing when it refuses it (asked once per read).
  std::optional<NameMeaning> known(const std::string& name, std::size_t offset) {
    const auto it = known_.find(name);
    if (it != known_.end()) return it->second;
    std::optional<NameMeaning> m;
    try {
      m = names_(name, offset);
    } catch (const ExpressionError&) {
    }
    known_.emplace(name, m);
    return m;
  }

  Node name(const Token& t);
  std::optional<Node> chain_factor(const Token& t);
  Node named_value(const Token& t, bool before_call);
  void find_splits(const Token& t, std::size_t start, std::vector<NameMeaning>& current,
                   std::vector<std::vector<NameMeaning>>& found, std::vector<bool>& dead);
  Node primed(const Token& t, const MathFunction* f);
  Node argument(const Token& t);
  Node call(const Token& t, const MathFunction& f);
  Node max_call(const Token& t);
  Node activation_call(const Token& t, bool derivative);
  Node euler_power(const Token& t);
  Node powered_call(const Token& t, const MathFunction& f);

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

  const NameResolver& names_;
  const ReadOptions& options_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int abs_depth_ = 0;  // open |...| around the position: a '|' there closes one
  int max_depth_ = 0;  // open max(...) around the position: no decimal commas there
  std::map<std::string, std::optional<NameMeaning>> known_;
  int split_lookups_ = 0;  // resolver lookups made for parts of names
};

Node Reader::name(const Token& t) {
  if (const auto factor = chain_factor(t)) return *factor;
  const MathFunction* f = function_named(t.text);
  // ReLU(z), Sigmoid'(z), TANH(z): a function in other case, where no name is written so.
  if (!f && (peek().kind == TokenKind::open || peek().kind == TokenKind::prime) &&
      !known(t.text, t.offset))
    f = function_named(lower(t.text));
  if (peek().kind == TokenKind::prime) return primed(t, f);
  if (f && peek().kind == TokenKind::power) return powered_call(t, *f);
  if (t.text == "d" && peek().kind == TokenKind::divide && !known(t.text, t.offset))
    throw ExpressionError(t.offset,
                          "d/dz is not read: write the derivative's value, e.g. sigmoid'(z) for "
                          "d/dz sigmoid(z)");
  if (at_open_parenthesis()) {
    if (f) return call(t, *f);
    if (t.text == "max") return max_call(t);
    if (is_activation_placeholder(t.text) && options_.activation && !known(t.text, t.offset))
      return activation_call(t, false);
    return named_value(t, true);  // a name before '(' multiplies it: a2_1(1 - a2_1)
  }
  if (f)
    throw ExpressionError(t.offset, "'" + t.text + "' is a function: write " + t.text + "(...)");
  if (t.text == "e" && peek().kind == TokenKind::power && !known("e", t.offset))
    return euler_power(t);
  return named_value(t, false);
}

// dA/dB as one name when the resolver knows it (dL/da3_1); nothing when it is a division of
// names; the resolver's reason for dA/dB when dA is no name.
std::optional<Node> Reader::chain_factor(const Token& t) {
  const Token& slash = peek();
  const Token& below = peek(1);
  if (t.text.size() < 2 || t.text[0] != 'd' || slash.kind != TokenKind::divide ||
      below.kind != TokenKind::name || below.text.size() < 2 || below.text[0] != 'd')
    return std::nullopt;
  const std::string factor = t.text + "/" + below.text;
  const auto m = known(factor, t.offset);
  if (!m) {
    if (known(t.text, t.offset)) return std::nullopt;  // a division of names: da/dz
    try {
      return named_value(t, false);
    } catch (const ExpressionError&) {
      names_(factor, t.offset);  // the resolver's reason for the factor, not for its dA
      throw;
    }
  }
  pos_ += 2;
  Node n;
  n.value = m->value;
  n.echo = m->canonical;
  return n;
}

// A name, or its one reading as a product of known names; refuses a name with two readings.
Node Reader::named_value(const Token& t, bool before_call) {
  std::vector<std::vector<NameMeaning>> found;
  if (const auto whole = known(t.text, t.offset)) found.push_back({*whole});
  if (t.text.size() <= kMaxSplitName) {
    std::vector<NameMeaning> current;
    std::vector<bool> dead(t.text.size() + 1, false);
    find_splits(t, 0, current, found, dead);
  }
  const auto reading = [](const std::vector<NameMeaning>& r) {
    return join(r, "*", [](const NameMeaning& m) { return m.canonical; });
  };
  if (found.size() > 1)
    throw ExpressionError(t.offset, "'" + t.text + "' reads two ways, as " + reading(found[0]) +
                                        " or as " + reading(found[1]) +
                                        ": write the product with '*', and give a name of your "
                                        "own a spelling that is no product of others");
  if (found.empty()) {
    if (before_call) {
      if (is_activation_placeholder(t.text))
        throw ExpressionError(t.offset, t.text +
                                            "(...) needs the layer's activation: write it by "
                                            "name, e.g. sigmoid(...), tanh(...) or relu(...)");
      throw ExpressionError(t.offset, unknown_function(t.text));
    }
    names_(t.text, t.offset);  // throws the resolver's reason
  }
  Node n;
  exvector factors;
  for (const NameMeaning& m : found.front()) factors.push_back(m.value);
  n.value = factors.size() == 1 ? factors.front() : ex(mul(factors));
  n.echo = reading(found.front());
  n.precedence = factors.size() == 1 ? kAtom : kProduct;
  return n;
}

// Readings of t.text from `start` as two or more known names, each starting with a letter;
// stops at two readings. `dead` marks starts with no reading, so each start is tried once.
void Reader::find_splits(const Token& t, std::size_t start, std::vector<NameMeaning>& current,
                         std::vector<std::vector<NameMeaning>>& found, std::vector<bool>& dead) {
  const std::string& s = t.text;
  if (start == s.size()) {
    if (current.size() >= 2) found.push_back(current);
    return;
  }
  if (dead[start] || split_lookups_ >= kMaxSplitLookups) return;
  const std::size_t before = found.size();
  for (std::size_t end = start + 1; end <= s.size() && found.size() < 2; ++end) {
    // Parts start with a letter and do not end in '_' (w_prev is no w_ and prev).
    if (end < s.size() && (!std::isalpha(static_cast<unsigned char>(s[end])) || s[end - 1] == '_'))
      continue;
    if (start == 0 && end == s.size()) continue;  // the whole name is asked apart
    const std::string part = s.substr(start, end - start);
    if (known_.count(part) == 0 && ++split_lookups_ > kMaxSplitLookups) return;
    const auto m = known(part, t.offset + start);
    if (!m) continue;
    current.push_back(*m);
    find_splits(t, end, current, found, dead);
    current.pop_back();
  }
  if (found.size() == before) dead[start] = true;
}

// sigmoid'(z): the derivative's value; f'(z3_1): the derivative of z3_1's activation.
Node Reader::primed(const Token& t, const MathFunction* f) {
  const Token& prime = next();
  if (peek().kind == TokenKind::prime)
    throw ExpressionError(peek().offset,
                          "a second derivative is not read: write it out, e.g. for sigmoid''(z) "
                          "sigmoid(z)*(1 - sigmoid(z))*(1 - 2*sigmoid(z))");
  if (f == nullptr) {
    if (is_activation_placeholder(t.text) && options_.activation && !known(t.text, t.offset) &&
        at_open_parenthesis())
      return activation_call(t, true);
    throw ExpressionError(prime.offset, "'" + t.text +
                                            "'' is not read: a prime marks a function's "
                                            "derivative, as in sigmoid'(z), tanh'(z), relu'(z)");
  }
  if (!at_open_parenthesis())
    throw ExpressionError(prime.offset, t.text + "' needs its argument: write " + t.text + "'(z)");
  const Node arg = argument(t);
  check_domain(*f, arg.value, t.offset);
  Node n;
  n.value = build(t.offset, [&] { return f->derive(arg.value); });
  n.echo = std::string(f->name) + "'(" + arg.echo + ")";
  return n;
}

// The one argument of the function named by t, its '(' next: ( sum ).
Node Reader::argument(const Token& t) {
  const Token& open = next();
  const Depth depth(*this, open.offset);
  const int abs_depth = abs_depth_;
  abs_depth_ = 0;
  if (peek().kind == TokenKind::close)
    throw ExpressionError(peek().offset, t.text + "() needs an argument");
  Node arg = sum();
  if (peek().kind == TokenKind::comma)
    throw ExpressionError(peek().offset, t.text + " takes one argument");
  close_bracket(open);
  abs_depth_ = abs_depth;
  return arg;
}

Node Reader::call(const Token& t, const MathFunction& f) {
  const Node arg = argument(t);
  check_domain(f, arg.value, t.offset);
  Node n;
  n.value = build(t.offset, [&] { return f.make(arg.value); });
  n.echo = text_call(f, arg.echo);
  return n;
}

// max(0, z) and max(z, 0): relu(z), the only maximum of the syntax.
Node Reader::max_call(const Token& t) {
  const Token& open = next();
  const Depth depth(*this, open.offset);
  ++max_depth_;
  const Node a = sum();
  if (peek().kind != TokenKind::comma)
    throw ExpressionError(t.offset, "max reads as max(0, z), which is relu(z): write relu(...)");
  next();
  const Node b = sum();
  close_bracket(open);
  --max_depth_;
  if (!is_zero_number(a.value) && !is_zero_number(b.value))
    throw ExpressionError(t.offset,
                          "max is read only as max(0, z) or max(z, 0), which is relu(z): "
                          "write relu(...) for those; other maxima are not part of the syntax");
  const Node& z = is_zero_number(a.value) ? b : a;
  const MathFunction& relu = function_entry(FunctionId::relu);
  Node n;
  n.value = relu.make(z.value);
  n.echo = text_call(relu, z.echo);
  return n;
}

// f(z3_1) and f'(z3_1): the activation of z3_1's layer, or its derivative.
Node Reader::activation_call(const Token& t, bool derivative) {
  const Node arg = argument(t);
  const std::string mark = derivative ? "'" : "";
  const auto activation = options_.activation ? options_.activation(arg.value) : std::nullopt;
  if (!activation)
    throw ExpressionError(t.offset, t.text + mark +
                                        "(...) is read for a pre-activation, as in f(z2_1): "
                                        "write the function by name, e.g. sigmoid" +
                                        mark + "(" + arg.echo + ")");
  Node n;
  if (*activation == Activation::linear) {
    if (!derivative) return arg;  // f(z) = z, f'(z) = 1
    n.value = 1;
    n.echo = "1";
    return n;
  }
  if (*activation == Activation::softmax)
    throw ExpressionError(t.offset, "this layer's activation is softmax: write it out with exp");
  const FunctionId id = *activation == Activation::relu      ? FunctionId::relu
                        : *activation == Activation::sigmoid ? FunctionId::sigmoid
                                                             : FunctionId::tanh;
  const MathFunction& f = function_entry(id);
  n.value = derivative ? f.derive(arg.value) : f.make(arg.value);
  n.echo = std::string(f.name) + mark + "(" + arg.echo + ")";
  return n;
}

// tanh^2(z) as tanh(z)^2: a positive whole power written after the function's name.
Node Reader::powered_call(const Token& t, const MathFunction& f) {
  const Token& op = next();
  const Node exponent = unary();
  const bool whole =
      is_numeric_value(exponent.value) && ex_to<numeric>(exponent.value).is_pos_integer();
  if (!whole || !at_open_parenthesis())
    throw ExpressionError(op.offset, "write the power after the argument, e.g. " + t.text +
                                         "(z)^2; " + t.text + "^-1 is no inverse here");
  const Node value = call(t, f);
  Node n;
  n.value = make_power(value.value, exponent.value, op.offset);
  n.echo = value.echo + "^" + exponent.echo;
  n.precedence = kPower;
  return n;
}

// e^x as exp(x), when e is no name of the resolver's.
Node Reader::euler_power(const Token& t) {
  const Token& op = next();
  const Depth depth(*this, op.offset);
  const Node exponent = unary();
  const MathFunction& f = function_entry(FunctionId::exp);
  Node n;
  n.value = build(t.offset, [&] { return f.make(exponent.value); });
  n.echo = text_call(f, exponent.echo);
  return n;
}

}  // namespace

ReadExpression read_expression(const std::string& text, const NameResolver& names,
                               const ReadOptions& options) {
  ensure_functions_registered();
  if (text.size() > kMaxExpressionLength)
    throw ExpressionError(kMaxExpressionLength, "the expression is " + std::to_string(text.size()) +
                                                    " characters long; at most " +
                                                    std::to_string(kMaxExpressionLength) +
                                                    " are read");
  const NotationText plain = canonical_notation(text);
  try {
    Reader reader(plain.text, names, options);
    Node n = reader.read();
    return {n.value, n.echo};
  } catch (const ExpressionError& e) {
    // The offset in the rewritten text, back in the text as written.
    throw ExpressionError(source_offset(plain, e.offset()), e.what());
  }
}

ReadExpression read_expression(const std::string& text, const NameResolver& names) {
  return read_expression(text, names, ReadOptions{});
}

ActivationOf network_activations(SymbolTable& symbols) {
  return [&symbols](const ex& argument) -> std::optional<Activation> {
    const auto q = symbols.quantity_of(argument);
    if (!q || q->kind != QuantityKind::preactivation) return std::nullopt;
    return symbols.network().activation(q->layer);
  };
}

NameResolver network_names(SymbolTable& symbols) {
  return [&symbols](const std::string& name, std::size_t offset) -> NameMeaning {
    const Network& net = symbols.network();
    auto r = resolve_name(name, net);
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
