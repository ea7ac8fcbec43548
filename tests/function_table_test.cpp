// Tests of symbolic/function_table: every entry is read, printed, evaluated and rewritten
// consistently, so adding one is enough.
#include <catch2/catch.hpp>

#include <set>

#include "solver/scalar.h"
#include "symbolic/evaluate.h"
#include "symbolic/function_table.h"
#include "symbolic/functions.h"
#include "symbolic/printer.h"
#include "symbolic/reader.h"

using namespace deltacheck;
using namespace GiNaC;

namespace {

const Network kNet = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");

// GiNaC's value of f(x) at `digits` digits, as text.
std::string ginac_value(const MathFunction& f, const numeric& x, int digits) {
  const long saved = Digits;
  Digits = digits;
  std::ostringstream out;
  out << f.make(x).evalf();
  Digits = saved;
  return out.str();
}

// |ours - reference| <= tolerance * |reference| (0 = 0 included).
template <class T>
bool close(const T& ours, const T& reference, const T& tolerance) {
  using std::abs;
  return abs(ours - reference) <= tolerance * abs(reference);
}

// The points where f is evaluated: one of each sign where f is real, and 0 where defined.
std::vector<numeric> points(const MathFunction& f) {
  if (f.domain == Domain::positive) return {numeric(7, 10), numeric(23, 10)};
  if (f.domain == Domain::nonnegative) return {numeric(7, 10), numeric(23, 10), numeric(0)};
  return {numeric(7, 10), numeric(-13, 10), numeric(0)};
}

}  // namespace

TEST_CASE("every function of the table reads back from its printed text, by name and by alias",
          "[function_table]") {
  SymbolTable symbols(kNet);
  const ex z = read_expression("z2_1", symbols);
  for (const MathFunction& f : math_functions()) {
    std::vector<std::string> spellings{f.name};
    spellings.insert(spellings.end(), f.aliases.begin(), f.aliases.end());
    for (const std::string& spelling : spellings) {
      CAPTURE(spelling);
      const ReadExpression read = read_expression(spelling + "(z2_1)", network_names(symbols));
      CHECK(read.value.is_equal(f.make(z)));
      CHECK(read.echo == text_call(f, "z2_1"));
      const std::string printed = print_expression(read.value, kNet);
      CHECK(printed == text_call(f, "z2_1"));
      CHECK(read_expression(printed, symbols).is_equal(read.value));
      const std::string latex = print_expression(read.value, kNet, {Syntax::latex});
      CHECK(latex == latex_call(f, print_expression(z, kNet, {Syntax::latex})));
    }
  }
}

TEST_CASE(
    "every function of the table evaluates as GiNaC's evalf: 1e-40 in 50 digits, 1e-14 in double",
    "[function_table]") {
  const symbol x("x");
  for (const MathFunction& f : math_functions()) {
    for (const numeric& p : points(f)) {
      CAPTURE(f.name, p);
      Evaluator<Real50> ev50;
      ev50.bind(x, Real50(p.numer().to_long()) / p.denom().to_long());
      CHECK(close(ev50.evaluate(f.make(x)), Real50(ginac_value(f, p, 60)), Real50("1e-40")));
      Evaluator<double> ev;
      ev.bind(x, p.to_double());
      CHECK(close(ev.evaluate(f.make(x)), std::stod(ginac_value(f, p, 20)), 1e-14));
      const PrecisionScope precision(80);
      CHECK(close(apply_function(f.id, RealN(p.numer().to_long()) / p.denom().to_long()),
                  RealN(ginac_value(f, p, 90)), RealN("1e-70")));
    }
  }
}

TEST_CASE("every exp form of the table agrees with its function, and rewrite_to_exp uses it",
          "[function_table]") {
  const symbol x("x");
  int rewritten = 0;
  for (const MathFunction& f : math_functions()) {
    CAPTURE(f.name);
    const ex call = f.make(x);
    if (f.to_exp == nullptr) {
      CHECK(rewrite_to_exp(call).is_equal(call));
      continue;
    }
    ++rewritten;
    CHECK(rewrite_to_exp(call).is_equal(f.to_exp(x)));
    CHECK(normal(rewrite_to_exp(call - f.to_exp(x))).is_zero());
    for (const numeric& p : points(f)) {
      CAPTURE(p);
      if (f.id == FunctionId::sign && p.is_zero()) continue;  // x/|x|: sign away from 0 only
      Evaluator<Real50> ev;
      ev.bind(x, Real50(p.numer().to_long()) / p.denom().to_long());
      CHECK(close(ev.evaluate(f.to_exp(x)), ev.evaluate(call), Real50("1e-40")));
    }
  }
  CHECK(rewritten == 6);  // sigmoid, tanh, cosh, sinh, sign, sech
}

TEST_CASE("the table is well formed: distinct spellings and ids, a GiNaC function for every serial",
          "[function_table]") {
  std::set<std::string> spellings;
  std::set<FunctionId> ids;
  const symbol x("x");
  for (const MathFunction& f : math_functions()) {
    CAPTURE(f.name);
    CHECK(spellings.insert(f.name).second);
    for (const std::string& alias : f.aliases) CHECK(spellings.insert(alias).second);
    CHECK(ids.insert(f.id).second);
    CHECK(&function_entry(f.id) == &f);
    CHECK(function_named(f.name) == &f);
    if (f.serial != nullptr) {
      REQUIRE(is_a<function>(f.make(x)));
      CHECK(function_of(ex_to<function>(f.make(x))) == &f);
    }
    for (const std::string& misname : f.misnames) CHECK(function_named(misname) == nullptr);
  }
  CHECK(function_list() ==
        "sigmoid (or sigma), relu, step (or heaviside or H), tanh, exp, log (or ln), sqrt, cosh, "
        "sinh, abs, sign (or sgn), sech");
  CHECK(derivative_text(*function_named("sigma"), "sigma") == "sigma(z)*(1 - sigma(z))");
}

TEST_CASE("GiNaC's own LaTeX printing of sigmoid, relu and step spells them as the table does",
          "[function_table]") {
  const symbol x("x");
  for (FunctionId id : {FunctionId::sigmoid, FunctionId::relu, FunctionId::step}) {
    const MathFunction& f = function_entry(id);
    std::ostringstream out;
    f.make(x).print(print_latex(out));
    CHECK(out.str() == latex_call(f, "x"));
  }
  CHECK(latex_call(function_entry(FunctionId::sigmoid), "x") == "\\sigma\\left(x\\right)");
}

TEST_CASE("every function's derivative, the value a prime reads as, is GiNaC's derivative",
          "[function_table]") {
  const symbol x("x");
  for (const MathFunction& f : math_functions()) {
    if (f.id == FunctionId::abs) continue;  // GiNaC differentiates |x| for complex x
    for (const numeric& p : points(f)) {
      if (p.is_zero() && (f.id == FunctionId::relu || f.id == FunctionId::sqrt)) continue;
      CAPTURE(f.name, p);
      Evaluator<Real50> ev;
      ev.bind(x, Real50(p.numer().to_long()) / p.denom().to_long());
      CHECK(close(ev.evaluate(f.derive(x)), ev.evaluate(f.make(x).diff(x)), Real50("1e-45")));
    }
  }
  Evaluator<Real50> ev;
  ev.bind(x, Real50("-1.3"));
  CHECK(ev.evaluate(function_entry(FunctionId::abs).derive(x)) == -1);  // |x|' = sign(x)
  CHECK(function_entry(FunctionId::sign).make(numeric(0)).is_zero());
  CHECK(function_entry(FunctionId::sign).make(numeric(-3, 2)).is_equal(-1));
  CHECK(function_entry(FunctionId::sech).make(numeric(0)).is_equal(1));
}
