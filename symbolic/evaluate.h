// Numeric evaluation of GiNaC expressions in any scalar type (double, 50-digit, N-digit), exact
// numbers kept exact until the end.
#pragma once

#include <map>
#include <sstream>
#include <string>

#include <ginac/ginac.h>

#include "core/error.h"
#include "core/point.h"
#include "core/scalar_text.h"
#include "core/text.h"
#include "symbolic/dag_memo.h"
#include "symbolic/derivation.h"
#include "symbolic/function_table.h"

namespace deltacheck {

/// Evaluates expressions with symbols bound to values of type T. Each shared
/// subexpression of GiNaC's DAG is evaluated once per `evaluate` call, so forms that
/// are large as trees (the local and expanded gradients) cost no more than their DAG.
template <class T>
class Evaluator {
 public:
  /// Binds symbol s to value v (replacing any earlier value).
  void bind(const GiNaC::symbol& s, const T& v) { values_[s] = v; }
  /// True when s has a value.
  bool bound(const GiNaC::symbol& s) const { return values_.count(s) != 0; }

  /// The value of e. Throws UserError for a symbol without a value or a function that
  /// has no numeric meaning here.
  T evaluate(const GiNaC::ex& e) {
    memo_.clear();
    return eval(e);
  }

 private:
  T eval(const GiNaC::ex& e) {
    using namespace GiNaC;
    if (is_exactly_a<numeric>(e)) return number(ex_to<numeric>(e));
    if (is_a<symbol>(e)) {
      const auto it = values_.find(e);
      if (it == values_.end())
        throw UserError("no value for '" + ex_to<symbol>(e).get_name() + "'");
      return it->second;
    }
    if (const T* known = memo_.find(e)) return *known;
    return memo_.remember(e, compute(e));
  }

  T compute(const GiNaC::ex& e) {
    using namespace GiNaC;
    using std::pow;
    if (is_exactly_a<add>(e)) {
      T s = 0;
      for (size_t i = 0; i < e.nops(); ++i) s += eval(e.op(i));
      return s;
    }
    if (is_exactly_a<mul>(e)) {
      T p = 1;
      for (size_t i = 0; i < e.nops(); ++i) p *= eval(e.op(i));
      return p;
    }
    if (is_exactly_a<power>(e)) {
      const ex& x = e.op(1);
      const T base = eval(e.op(0));
      if (is_exactly_a<numeric>(x) && ex_to<numeric>(x).is_integer() &&
          abs(ex_to<numeric>(x)) <= 64) {
        const int n = ex_to<numeric>(x).to_int();
        T r = 1;
        for (int i = 0; i < (n < 0 ? -n : n); ++i) r *= base;
        return n < 0 ? T(1) / r : r;
      }
      if (x.is_equal(numeric(1, 2))) return apply_function(FunctionId::sqrt, base);
      return pow(base, eval(x));
    }
    if (is_a<function>(e)) {
      const T a = eval(e.op(0));
      if (const MathFunction* f = function_of(ex_to<function>(e))) return apply_function(f->id, a);
      throw UserError("cannot evaluate function '" + ex_to<function>(e).get_name() + "'");
    }
    std::ostringstream out;
    out << e;
    throw UserError("cannot evaluate '" + out.str() + "'");
  }

  // Exact rationals become T by one rounded division of exact integers.
  static T number(const GiNaC::numeric& n) {
    if (n.is_integer()) return from_text<T>(number_text(n));
    if (n.is_rational())
      return from_text<T>(number_text(n.numer())) / from_text<T>(number_text(n.denom()));
    return from_text<T>(number_text(n));
  }

  std::map<GiNaC::ex, T, GiNaC::ex_is_less> values_;
  DagMemo<T> memo_;
};

/// Binds the inputs, parameters and targets of p, then every forward quantity (z, a) and
/// every delta of d, each computed from its own equation in d: numbers that come from the
/// symbolic derivation alone, independent of the numeric backprop.
template <class T>
void bind_derivation(Evaluator<T>& ev, Derivation& d, const Point& p) {
  SymbolTable& s = d.symbols();
  for (const auto& [q, value] : p.values()) ev.bind(s(q), from_text<T>(value.text()));
  for (const Equation& e : d.forward()) ev.bind(s(e.key.quantity), ev.evaluate(e.rhs));
  for (const Equation& e : d.deltas()) ev.bind(s(e.key.quantity), ev.evaluate(e.rhs));
}

}  // namespace deltacheck
