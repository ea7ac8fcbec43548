// The canonical printer: GiNaC expression -> answer syntax or LaTeX, with a fixed order of terms
// and factors.
#include "symbolic/printer.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "symbolic/dag_memo.h"
#include "symbolic/function_table.h"
#include "symbolic/written_form.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

// Binding strength of a printed piece: what needs parentheses where.
enum Precedence { kSum = 1, kProduct = 2, kPower = 3, kAtom = 4 };

struct Piece {
  std::string s;
  int precedence;
};

// a < b comparing digit runs by value, so w1_2 sorts before w1_10.
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t i2 = i, j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
      const std::string da = a.substr(i, i2 - i), db = b.substr(j, j2 - j);
      if (da.size() != db.size()) return da.size() < db.size();
      if (da != db) return da < db;
      i = i2, j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

class Printer {
 public:
  Printer(const Network& net, PrintStyle style) : net_(net), style_(style) {}

  // Compound nodes are rendered once each: GiNaC shares subexpressions, and orienting a sum
  // factor renders both s and -s, whose terms share their factors with s.
  Piece render(const ex& e) {
    if (is_exactly_a<numeric>(e)) return number(ex_to<numeric>(e));
    if (is_a<symbol>(e)) return {symbol_name(ex_to<symbol>(e)), kAtom};
    if (const Piece* known = memo_.find(e)) return *known;
    return memo_.remember(e, render_compound(e));
  }

 private:
  Piece render_compound(const ex& e) {
    if (is_exactly_a<add>(e)) return sum(e);
    if (is_exactly_a<mul>(e)) return with_sign(product(e));
    if (is_exactly_a<power>(e)) {
      const ex& exponent = e.op(1);
      if (is_exactly_a<numeric>(exponent) && ex_to<numeric>(exponent).is_negative())
        return with_sign(product(e));
      return power_of(e.op(0), exponent);
    }
    if (is_a<function>(e)) return call(ex_to<function>(e));
    std::ostringstream out;
    out << e;
    return {out.str(), kAtom};
  }

  bool latex() const { return style_.syntax == Syntax::latex; }

  // The sign between two factors: '*' in text; in LaTeX a space, or \cdot when asked.
  const char* times() const {
    if (!latex()) return "*";
    return style_.explicit_products ? " \\cdot " : " ";
  }

  std::string parens(const Piece& p, int needed) const {
    if (p.precedence >= needed) return p.s;
    return latex() ? "\\left(" + p.s + "\\right)" : "(" + p.s + ")";
  }

  std::string symbol_name(const symbol& s) const {
    const std::string& name = s.get_name();
    if (style_.raw_names) return latex() ? symbol_latex(name) : name;
    const auto q = parse_quantity(name);
    const auto r = q ? resolve(*q, net_) : std::nullopt;
    if (!r) return name;
    return latex() ? quantity_latex(*r, net_) : quantity_name(*r, net_, style_.names);
  }

  Piece number(const numeric& n) const {
    if (n.is_integer()) return {number_text(n), n.is_negative() ? kProduct : kAtom};
    if (n.is_rational()) {
      const numeric p = n.numer(), q = n.denom();
      if (latex()) {
        const std::string f = "\\frac{" + number_text(abs(p)) + "}{" + number_text(q) + "}";
        return {p.is_negative() ? "-" + f : f, p.is_negative() ? kProduct : kAtom};
      }
      return {number_text(p) + "/" + number_text(q), kProduct};
    }
    return {number_text(n), n.is_negative() ? kProduct : kAtom};
  }

  // Layer rank of the quantities in a factor (targets highest, inputs lowest): factors of
  // later layers print first, which is the order of the chain rule.
  int rank(const ex& e) const {
    if (is_a<symbol>(e)) {
      const auto q = parse_quantity(ex_to<symbol>(e).get_name());
      if (!q) return -1;
      switch (q->kind) {
        case QuantityKind::target:
        case QuantityKind::output:
          return 1000000;
        case QuantityKind::loss:
          return 1000001;
        case QuantityKind::input:
          return 0;
        default:
          return q->layer;
      }
    }
    int r = -2;
    for (size_t i = 0; i < e.nops(); ++i) r = std::max(r, rank(e.op(i)));
    return r;
  }

  // Within one layer: deltas, then activations, then compound factors, then weights.
  static int kind_rank(const ex& e) {
    if (!is_a<symbol>(e)) return 2;
    const auto q = parse_quantity(ex_to<symbol>(e).get_name());
    if (!q) return 1;
    switch (q->kind) {
      case QuantityKind::delta:
        return 0;
      case QuantityKind::weight:
      case QuantityKind::bias:
        return 3;
      default:
        return 1;
    }
  }

  struct Factor {
    int rank, kind;
    Piece piece;
  };

  std::string join_factors(std::vector<Factor>& fs) {
    std::sort(fs.begin(), fs.end(), [](const Factor& a, const Factor& b) {
      if (a.rank != b.rank) return a.rank > b.rank;
      if (a.kind != b.kind) return a.kind < b.kind;
      return natural_less(a.piece.s, b.piece.s);
    });
    std::string out;
    for (const Factor& f : fs) {
      if (!out.empty()) out += times();
      out += parens(f.piece, kPower);
    }
    return out;
  }

  // A signed magnitude: products choose the orientation of their sum factors themselves.
  struct Signed {
    bool negative;
    Piece magnitude;
  };

  // GiNaC picks the sign of a sum factor by its internal term order, which follows memory
  // addresses. Write s or -s, whichever prints without a leading minus and, between two
  // such, first in natural order: (a - y) rather than (y - a), (1 - a) rather than (-1 + a).
  bool prefer_negated(const ex& s) {
    const std::string as_is = render(s).s, negated = render_negated(s).s;
    const bool lead = starts_with(as_is, "-"), lead_negated = starts_with(negated, "-");
    if (lead != lead_negated) return lead;
    return natural_less(negated, as_is);
  }

  // render(-s), memoised by s itself: -s is a new object every time it is built.
  Piece render_negated(const ex& s) {
    if (const Piece* known = negated_memo_.find(s)) return *known;
    return negated_memo_.remember(s, render(-s));
  }

  // A product split into its coefficient, its numerator factors and its denominator factors.
  struct ProductParts {
    numeric coefficient = 1;
    std::vector<Factor> top, bottom;
  };

  // A product (or a lone negative power): sign, and magnitude as a fraction.
  Signed product(const ex& e) {
    ProductParts parts = split_product(e);
    const numeric c = abs(parts.coefficient);
    return {parts.coefficient.is_negative(),
            latex() ? latex_product(parts, c) : text_product(parts, c)};
  }

  ProductParts split_product(const ex& e) {
    ProductParts parts;
    std::vector<ex> factors;
    if (is_exactly_a<mul>(e)) {
      for (size_t i = 0; i < e.nops(); ++i) factors.push_back(e.op(i));
    } else {
      factors.push_back(e);
    }
    for (ex f : factors) {
      if (is_exactly_a<numeric>(f)) {
        parts.coefficient *= ex_to<numeric>(f);
        continue;
      }
      // Orient sum factors, and sums raised to an integer power: (-s)^n = (-1)^n s^n.
      const bool is_power = is_exactly_a<power>(f);
      const ex base = is_power ? f.op(0) : f;
      ex exponent = is_power ? f.op(1) : ex(1);
      bool negate_base = false;
      if (is_exactly_a<add>(base) && is_exactly_a<numeric>(exponent) &&
          ex_to<numeric>(exponent).is_integer() && prefer_negated(base)) {
        if (ex_to<numeric>(exponent).is_odd()) parts.coefficient = -parts.coefficient;
        negate_base = true;
      }
      const bool below = is_exactly_a<numeric>(exponent) && ex_to<numeric>(exponent).is_negative();
      if (below) exponent = -exponent;
      const Piece b = negate_base ? render_negated(base) : render(base);
      const Piece piece = exponent.is_equal(1) ? b : power_piece(b, exponent);
      (below ? parts.bottom : parts.top)
          .push_back({rank(base), kind_rank(exponent.is_equal(1) ? base : f), piece});
    }
    return parts;
  }

  // c * top / bottom in LaTeX (c > 0).
  Piece latex_product(ProductParts& parts, const numeric& c) {
    const numeric p = c.numer(), q = c.denom();
    const std::string numerator = join_factors(parts.top);
    std::string denominator = join_factors(parts.bottom);
    if (parts.bottom.size() == 1 && q.is_equal(1))
      denominator = parts.bottom[0].piece.s;  // \frac needs no parentheses
    std::string num =
        p.is_equal(1) && !numerator.empty()
            ? numerator
            : (numerator.empty() ? number_text(p) : number_text(p) + times() + numerator);
    std::string den =
        q.is_equal(1)
            ? denominator
            : (denominator.empty() ? number_text(q) : number_text(q) + times() + denominator);
    if (den.empty())
      return {num,
              parts.top.size() == 1 && p.is_equal(1) ? parts.top[0].piece.precedence : kProduct};
    if (!q.is_equal(1) && denominator.empty() &&
        !numerator.empty())  // \frac{1}{2} x rather than \frac{x}{2}
      return {"\\frac{" + number_text(p) + "}{" + number_text(q) + "}" + times() + numerator,
              kProduct};
    return {"\\frac{" + num + "}{" + den + "}", kAtom};
  }

  // c * top / bottom in the answer syntax (c > 0).
  Piece text_product(ProductParts& parts, const numeric& c) {
    const numeric p = c.numer(), q = c.denom();
    const std::string numerator = join_factors(parts.top), denominator = join_factors(parts.bottom);
    if (parts.bottom.empty()) {
      std::string out;
      if (!c.is_equal(1) || numerator.empty())
        out = c.is_integer() ? number_text(p) : number_text(p) + "/" + number_text(q);
      if (!numerator.empty()) out += (out.empty() ? "" : "*") + numerator;
      return {out,
              parts.top.size() == 1 && c.is_equal(1) ? parts.top[0].piece.precedence : kProduct};
    }
    // Denominator present: p * numerator / (q * denominator).
    const std::string out = numerator.empty()
                                ? number_text(p)
                                : (p.is_equal(1) ? numerator : number_text(p) + "*" + numerator);
    const size_t bottom_count = parts.bottom.size() + (q.is_equal(1) ? 0 : 1);
    std::string den = q.is_equal(1) ? denominator : number_text(q) + "*" + denominator;
    if (bottom_count > 1) den = "(" + den + ")";  // a single sum factor is already in parentheses
    return {out + "/" + den, kProduct};
  }

  // Sign and magnitude of any term of a sum.
  Signed signed_term(const ex& t) {
    if (is_exactly_a<mul>(t) || (is_exactly_a<power>(t) && is_exactly_a<numeric>(t.op(1)) &&
                                 ex_to<numeric>(t.op(1)).is_negative()))
      return product(t);
    if (is_exactly_a<numeric>(t) && ex_to<numeric>(t).is_negative()) return {true, render(-t)};
    return {false, render(t)};
  }

  Piece with_sign(const Signed& s) {
    if (!s.negative) return s.magnitude;
    return {"-" + parens(s.magnitude, kProduct), kProduct};
  }

  Piece power_of(const ex& base, const ex& exponent) {
    const bool even = is_exactly_a<numeric>(exponent) && ex_to<numeric>(exponent).is_even();
    return power_piece(even && is_exactly_a<add>(base) && prefer_negated(base)
                           ? render_negated(base)
                           : render(base),
                       exponent);
  }

  // base^exponent with the base already rendered.
  Piece power_piece(const Piece& b, const ex& exponent) {
    if (exponent.is_equal(numeric(1, 2)))
      return {spell(function_entry(FunctionId::sqrt), b.s), kAtom};
    const Piece x = render(exponent);
    if (latex()) return {"{" + parens(b, kAtom) + "}^{" + x.s + "}", kPower};
    // a^b^c reads as a^(b^c): a power as base or a non-atomic exponent gets parentheses.
    return {parens(b, kAtom) + "^" + parens(x, kAtom), kPower};
  }

  // f(arg) as the function table spells it; a function not in the table by GiNaC's name.
  Piece call(const function& f) {
    const Piece a = render(f.op(0));
    if (const MathFunction* m = function_of(f))
      return {spell(*m, a.s), latex() && m->latex_is_power ? kPower : kAtom};
    if (latex()) return {"\\operatorname{" + f.get_name() + "}\\left(" + a.s + "\\right)", kAtom};
    return {f.get_name() + "(" + a.s + ")", kAtom};
  }

  std::string spell(const MathFunction& f, const std::string& arg) const {
    return latex() ? latex_call(f, arg) : text_call(f, arg);
  }

  struct Term {
    bool negative;
    int factor_count;
    bool number;
    Piece piece;
  };

  Piece sum(const ex& e) {
    std::vector<Term> terms;
    for (size_t i = 0; i < e.nops(); ++i) {
      const ex t = e.op(i);
      const Signed st = signed_term(t);
      int count = 1;
      if (is_exactly_a<mul>(t)) {
        count = 0;
        for (size_t k = 0; k < t.nops(); ++k) count += is_exactly_a<numeric>(t.op(k)) ? 0 : 1;
      }
      terms.push_back({st.negative, count, is_exactly_a<numeric>(t), st.magnitude});
    }
    std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
      if (a.number != b.number) return a.number;
      if (a.factor_count != b.factor_count) return a.factor_count > b.factor_count;
      if (a.negative != b.negative) return b.negative;
      return natural_less(a.piece.s, b.piece.s);
    });
    std::string out;
    for (const Term& t : terms) {
      const std::string body = parens(t.piece, kProduct);
      if (out.empty())
        out = t.negative ? "-" + body : body;
      else
        out += (t.negative ? " - " : " + ") + body;
    }
    return {out, kSum};
  }

  const Network& net_;
  PrintStyle style_;
  DagMemo<Piece> memo_, negated_memo_;
};

}  // namespace

std::string print_expression(const ex& e, const Network& net, PrintStyle style) {
  Printer p(net, style);
  return p.render(e).s;
}

}  // namespace deltacheck
