// Numeric evaluation of GiNaC expressions in any scalar type (double, 50-digit, N-digit), exact
// numbers kept exact until the end.
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <utility>

#include <ginac/ginac.h>

#include "core/error.h"
#include "core/point.h"
#include "core/scalar_text.h"
#include "core/text.h"
#include "symbolic/dag_memo.h"
#include "symbolic/derivation.h"
#include "symbolic/expression_memo.h"
#include "symbolic/function_table.h"

namespace deltacheck {

/// Evaluates expressions with symbols bound to values of type T. Each shared subexpression of
/// GiNaC's DAG is evaluated once per `evaluate` call, so forms that are large as trees (the
/// local and expanded gradients) cost no more than their DAG.
template <class T>
class Evaluator {
 public:
  /// Binds symbol s to value v (replacing any earlier value); forgets what was remembered.
  void bind(const GiNaC::symbol& s, const T& v) {
    values_[s] = v;
    walk_.clear();
    kept_.clear();
  }
  /// True when s has a value.
  bool bound(const GiNaC::symbol& s) const { return values_.count(s) != 0; }

  /// The value of e. Throws UserError for a symbol without a value or a function that
  /// has no numeric meaning here.
  T evaluate(const GiNaC::ex& e) {
    walk_.clear();
    keep_ = false;
    return eval(e);
  }
  /// The value of e, remembering the value of every subexpression met until the next bind(),
  /// by structure (expression_memo.h, bounded): what one answer file substitutes into many
  /// answers, and what many students write alike, is evaluated once. Worth it where a value
  /// costs more than a lookup (50 digits; in double, evaluate() is cheaper). The same values as
  /// evaluate(). Throws as it.
  T evaluate_remembered(const GiNaC::ex& e) {
    keep_ = true;
    return eval(e);
  }

 private:
  T eval(const GiNaC::ex& e) {
    using namespace GiNaC;
    if (is_exactly_a<numeric>(e) && small_integer(ex_to<numeric>(e)))
      return T(ex_to<numeric>(e).to_int());
    if (is_a<symbol>(e)) {
      const auto it = values_.find(e);
      if (it == values_.end())
        throw UserError("no value for '" + ex_to<symbol>(e).get_name() + "'");
      return it->second;
    }
    if (const T* known = keep_ ? kept_.find(e) : walk_.find(e)) return *known;
    return keep_ ? kept_.remember(e, compute(e)) : walk_.remember(e, compute(e));
  }

  T compute(const GiNaC::ex& e) {
    using namespace GiNaC;
    using std::pow;
    if (is_exactly_a<numeric>(e)) return number(ex_to<numeric>(e));  // a fraction: one division
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
      if (const MathFunction* f = function_of(ex_to<function>(e))) return function_value(f->id, a);
      throw UserError("cannot evaluate function '" + ex_to<function>(e).get_name() + "'");
    }
    std::ostringstream out;
    out << e;
    throw UserError("cannot evaluate '" + out.str() + "'");
  }

  // True for an integer of at most 30 bits (GiNaC's is_cinteger admits more than to_int takes).
  static bool small_integer(const GiNaC::numeric& n) {
    static const GiNaC::numeric kBound(1 << 30);
    return n.is_integer() && abs(n) < kBound;
  }

  // f(x), remembered: the same arguments come back in every answer file (a forward pass of
  // the right values), and a 50-digit exp is the dearest step of an evaluation. A pure function
  // of (f, x), so the table only saves time; it is emptied when full.
  T function_value(FunctionId f, const T& x) {
    if (!(x == x)) return apply_function(f, x);  // NaN has no place in an ordered table
    const auto key = std::make_pair(static_cast<int>(f), x);
    if (const auto it = functions_.find(key); it != functions_.end()) return it->second;
    if (functions_.size() >= kMaxFunctionValues) functions_.clear();
    return functions_.emplace(key, apply_function(f, x)).first->second;
  }

  // Exact rationals become T by one rounded division of exact integers (those of a C int are
  // exact in every T, so they need no text).
  static T number(const GiNaC::numeric& n) {
    if (small_integer(n)) return T(n.to_int());
    if (n.is_rational() && small_integer(n.numer()) && small_integer(n.denom()))
      return T(n.numer().to_int()) / T(n.denom().to_int());
    if (n.is_integer()) return from_text<T>(number_text(n));
    if (n.is_rational())
      return from_text<T>(number_text(n.numer())) / from_text<T>(number_text(n.denom()));
    return from_text<T>(number_text(n));
  }

  static constexpr std::size_t kMaxFunctionValues = 4096;
  std::map<GiNaC::ex, T, GiNaC::ex_is_less> values_;
  bool keep_ = false;                         // the walk in progress is evaluate_remembered's
  DagMemo<T> walk_;                           // evaluate's, by node, for one walk
  ExpressionMemo<T> kept_;                    // evaluate_remembered's, by structure
  std::map<std::pair<int, T>, T> functions_;  // see function_value
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
