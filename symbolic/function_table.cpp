// The table of the course's maths functions and the lookups the reader, printer, evaluator and
// prover use.
#include "symbolic/function_table.h"

#include <stdexcept>

#include "core/text.h"
#include "symbolic/functions.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

// Each text pattern with every '#' replaced by `value`.
std::string fill(const char* pattern, const std::string& value) {
  std::string out;
  for (const char* p = pattern; *p != '\0'; ++p) {
    if (*p == '#')
      out += value;
    else
      out += *p;
  }
  return out;
}

std::vector<MathFunction> make_table() {
  // clang-format off
  return {
    {FunctionId::sigmoid, "sigmoid", {"sigma"}, [](const ex& x) -> ex { return sigmoid(x); }, &sigmoid_SERIAL::serial,
     "\\sigma\\left(#\\right)", false, "#(z)*(1 - #(z))", Domain::all,
     {"sig", "logistic", "logit"}, "write sigmoid(...)",
     [](const ex& x) -> ex { return 1 / (1 + exp(-x)); },                      // sigma(x) = 1/(1+e^-x)
     [](const ex& x) -> ex { return sigmoid(x) * (1 - sigmoid(x)); }},         // sigma' = sigma (1 - sigma)
    {FunctionId::relu, "relu", {}, [](const ex& x) -> ex { return relu(x); }, &relu_SERIAL::serial,
     "\\operatorname{ReLU}\\left(#\\right)", false, "step(z)", Domain::all,
     {"max"}, "write relu(z) for max(0, z)", nullptr,
     [](const ex& x) -> ex { return unit_step(x); }},                          // relu' = step
    {FunctionId::step, "step", {"heaviside", "H"}, [](const ex& x) -> ex { return unit_step(x); }, &unit_step_SERIAL::serial,
     "\\operatorname{step}\\left(#\\right)", false, "0 (away from z = 0)", Domain::all,
     {"h", "u", "theta"}, "write step(z) for the unit step (1 for z > 0, 0 for z < 0)", nullptr,
     [](const ex&) -> ex { return 0; }},                                       // step' = 0 away from 0
    {FunctionId::tanh, "tanh", {}, [](const ex& x) -> ex { return tanh(x); }, &tanh_SERIAL::serial,
     "\\tanh\\left(#\\right)", false, "1 - #(z)^2", Domain::all, {}, "",
     [](const ex& x) -> ex { return (exp(2 * x) - 1) / (exp(2 * x) + 1); },  // tanh x = (e^2x - 1)/(e^2x + 1)
     [](const ex& x) -> ex { return 1 - pow(tanh(x), 2); }},                   // tanh' = 1 - tanh^2
    {FunctionId::exp, "exp", {}, [](const ex& x) -> ex { return exp(x); }, &exp_SERIAL::serial,
     "e^{#}", true, "#(z)", Domain::all, {"e"}, "write exp(x) for e^x", nullptr,
     [](const ex& x) -> ex { return exp(x); }},                                // exp' = exp
    {FunctionId::log, "log", {"ln"}, [](const ex& x) -> ex { return log(x); }, &log_SERIAL::serial,
     "\\log\\left(#\\right)", false, "1/z", Domain::positive,
     {"log10", "lg", "log2"}, "log is the natural logarithm: write log(x)/log(10) or log(x)/log(2)", nullptr,
     [](const ex& x) -> ex { return 1 / x; }},                                 // log' = 1/x
    {FunctionId::sqrt, "sqrt", {}, [](const ex& x) -> ex { return sqrt(x); }, nullptr,
     "\\sqrt{#}", false, "1/(2*sqrt(z))", Domain::nonnegative, {}, "", nullptr,
     [](const ex& x) -> ex { return 1 / (2 * sqrt(x)); }},                     // sqrt' = 1/(2 sqrt)
    {FunctionId::cosh, "cosh", {}, [](const ex& x) -> ex { return cosh(x); }, &cosh_SERIAL::serial,
     "\\cosh\\left(#\\right)", false, "sinh(z)", Domain::all, {}, "",
     [](const ex& x) -> ex { return (exp(x) + exp(-x)) / 2; },                 // cosh x = (e^x + e^-x)/2
     [](const ex& x) -> ex { return sinh(x); }},                               // cosh' = sinh
    {FunctionId::sinh, "sinh", {}, [](const ex& x) -> ex { return sinh(x); }, &sinh_SERIAL::serial,
     "\\sinh\\left(#\\right)", false, "cosh(z)", Domain::all, {}, "",
     [](const ex& x) -> ex { return (exp(x) - exp(-x)) / 2; },                 // sinh x = (e^x - e^-x)/2
     [](const ex& x) -> ex { return cosh(x); }},                               // sinh' = cosh
    {FunctionId::abs, "abs", {}, [](const ex& x) -> ex { return abs(x); }, &abs_SERIAL::serial,
     "\\left|#\\right|", false, "sign(z)", Domain::all, {}, "", nullptr,
     [](const ex& x) -> ex { return signum(x); }},                             // |x|' = sign(x)
    {FunctionId::sign, "sign", {"sgn"}, [](const ex& x) -> ex { return signum(x); }, &signum_SERIAL::serial,
     "\\operatorname{sign}\\left(#\\right)", false, "0 (away from z = 0)", Domain::all, {}, "",
     [](const ex& x) -> ex { return x / abs(x); },  // sign x = x/|x| away from 0, as truths write it
     [](const ex&) -> ex { return 0; }},                                       // sign' = 0 away from 0
    {FunctionId::sech, "sech", {}, [](const ex& x) -> ex { return sech(x); }, &sech_SERIAL::serial,
     "\\operatorname{sech}\\left(#\\right)", false, "-#(z)*tanh(z)", Domain::all, {}, "",
     [](const ex& x) -> ex { return 2 / (exp(x) + exp(-x)); },                 // sech x = 2/(e^x + e^-x)
     [](const ex& x) -> ex { return -sech(x) * tanh(x); }},                    // sech' = -sech tanh
  };
  // clang-format on
}

}  // namespace

const std::vector<MathFunction>& math_functions() {
  static const std::vector<MathFunction> table = make_table();
  return table;
}

const MathFunction* function_named(const std::string& spelling) {
  for (const MathFunction& f : math_functions()) {
    if (spelling == f.name) return &f;
    for (const std::string& alias : f.aliases)
      if (spelling == alias) return &f;
  }
  return nullptr;
}

const MathFunction* function_of(const function& g) {
  const unsigned serial = g.get_serial();
  for (const MathFunction& f : math_functions())
    if (f.serial != nullptr && *f.serial == serial) return &f;
  return nullptr;
}

const MathFunction& function_entry(FunctionId id) {
  for (const MathFunction& f : math_functions())
    if (f.id == id) return f;
  throw std::logic_error("a FunctionId without an entry in the function table");
}

std::string text_call(const MathFunction& f, const std::string& arg) {
  return std::string(f.name) + "(" + arg + ")";
}

std::string latex_call(const MathFunction& f, const std::string& arg) { return fill(f.latex, arg); }

std::string derivative_text(const MathFunction& f, const std::string& as_written) {
  return fill(f.derivative, as_written);
}

std::string function_list() {
  return join(math_functions(), ", ", [](const MathFunction& f) {
    const std::string name = f.name;
    return f.aliases.empty() ? name : name + " (or " + join(f.aliases, " or ") + ")";
  });
}

}  // namespace deltacheck
