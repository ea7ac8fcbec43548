// The course's maths functions, one entry each: the one place the reader, printer, evaluator and
// prover learn them from.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <ginac/ginac.h>

#include "core/elementary.h"

namespace deltacheck {

/// Which function an entry is; apply_function<T> computes each in any scalar type.
enum class FunctionId { sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs, sign, sech };

/// Where a function has a real value, checked by the reader on number arguments.
enum class Domain { all, positive, nonnegative };

/// One maths function of the answer syntax. Adding a function is adding one entry to
/// math_functions() (with its FunctionId and its case of apply_function<T>): the reader,
/// printer, evaluator and prover all learn it from there.
struct MathFunction {
  FunctionId id;
  const char* name;                  // canonical spelling: echoed and printed in text as name(x)
  std::vector<std::string> aliases;  // also read, echoed as `name`
  GiNaC::ex (*make)(const GiNaC::ex& x);  // f(x) in GiNaC
  const unsigned*
      serial;         // GiNaC's serial of f; nullptr when make builds no function (sqrt is a power)
  const char* latex;  // LaTeX spelling, '#' standing for the argument
  bool latex_is_power;                // the LaTeX spelling binds like a power (e^{x})
  const char* derivative;             // f'(z) as the notes write it, '#' standing for f as written
  Domain domain;                      // where f is real
  std::vector<std::string> misnames;  // names written by mistake for f (compared in lower case)
  const char* misname_advice;         // what to write instead of a misname
  GiNaC::ex (*to_exp)(const GiNaC::ex& x);  // f(x) written with exp, so normal() can prove
                                            // identities; nullptr when none
  GiNaC::ex (*derive)(const GiNaC::ex& x);  // f'(x), the value a prime reads as (sigmoid'(z))
};

/// Every function of the answer syntax, in the order the reader lists and suggests them.
const std::vector<MathFunction>& math_functions();

/// The entry read as `spelling` (a name or an alias, case-sensitive), or nullptr.
const MathFunction* function_named(const std::string& spelling);

/// The entry of GiNaC function f, or nullptr for a function not of the answer syntax.
const MathFunction* function_of(const GiNaC::function& f);

/// The entry of `id` (every FunctionId has one).
const MathFunction& function_entry(FunctionId id);

/// f(arg) in the answer syntax.
std::string text_call(const MathFunction& f, const std::string& arg);

/// f(arg) in LaTeX, arg already in LaTeX.
std::string latex_call(const MathFunction& f, const std::string& arg);

/// f'(z) as the notes write it, f spelled `as_written` (sigma'(z) = sigma(z)*(1 - sigma(z))).
std::string derivative_text(const MathFunction& f, const std::string& as_written);

/// "sigmoid (or sigma), relu, ...": every function with its aliases, for messages.
std::string function_list();

/// f(x) in the scalar type T: double (the C library's functions) or Boost.Multiprecision
/// (the type's own, found by ADL); sigmoid, relu and step as core/elementary.h computes them;
/// sign(0) = 0.
template <class T>
T apply_function(FunctionId f, const T& x) {
  using std::abs;
  using std::cosh;
  using std::exp;
  using std::log;
  using std::sinh;
  using std::sqrt;
  using std::tanh;
  switch (f) {
    case FunctionId::sigmoid:
      return elementary::sigmoid(x);
    case FunctionId::relu:
      return elementary::relu(x);
    case FunctionId::step:
      return elementary::step(x);
    case FunctionId::tanh:
      return tanh(x);
    case FunctionId::exp:
      return exp(x);
    case FunctionId::log:
      return log(x);
    case FunctionId::sqrt:
      return sqrt(x);
    case FunctionId::cosh:
      return cosh(x);
    case FunctionId::sinh:
      return sinh(x);
    case FunctionId::abs:
      return abs(x);
    case FunctionId::sign:
      return x > 0 ? T(1) : (x < 0 ? T(-1) : T(0));
    case FunctionId::sech:
      return T(1) / cosh(x);
  }
  return x;  // not reached: every FunctionId is a case above
}

}  // namespace deltacheck
