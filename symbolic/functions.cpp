// Registration of sigmoid, relu, step, sign and sech with GiNaC: eval, evalf and derivative side by
// side; LaTeX as the function table spells it.
#include "symbolic/functions.h"

#include <sstream>

#include "symbolic/function_table.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

bool is_real_number(const ex& x) { return is_exactly_a<numeric>(x) && ex_to<numeric>(x).is_real(); }
bool is_float_number(const ex& x) { return is_real_number(x) && !ex_to<numeric>(x).is_rational(); }

// f(x) in LaTeX as the function table spells it.
void print_latex_call(FunctionId f, const ex& x, const print_context& c) {
  std::ostringstream arg;
  x.print(print_latex(arg));
  c.s << latex_call(function_entry(f), arg.str());
}

// sigma(x) = 1/(1+exp(-x)); sigma(0) = 1/2; sigma' = sigma (1 - sigma)
ex sigmoid_evalf(const ex& x) {
  if (is_real_number(x)) return (numeric(1) / (numeric(1) + exp(-ex_to<numeric>(x)))).evalf();
  return sigmoid(x).hold();
}
ex sigmoid_eval(const ex& x) {
  if (x.is_zero()) return numeric(1, 2);
  if (is_float_number(x)) return sigmoid_evalf(x);
  return sigmoid(x).hold();
}
ex sigmoid_deriv(const ex& x, unsigned) { return sigmoid(x) * (1 - sigmoid(x)); }
void sigmoid_latex(const ex& x, const print_context& c) {
  print_latex_call(FunctionId::sigmoid, x, c);
}

// relu(x) = max(x, 0); relu' = step
ex relu_eval(const ex& x) {
  if (is_real_number(x)) return ex_to<numeric>(x).is_positive() ? x : ex(0);
  return relu(x).hold();
}
ex relu_evalf(const ex& x) { return relu_eval(x.evalf()); }
ex relu_deriv(const ex& x, unsigned) { return unit_step(x); }
void relu_latex(const ex& x, const print_context& c) { print_latex_call(FunctionId::relu, x, c); }

// step(x) = [x > 0]; step' = 0 (away from the kink)
ex unit_step_eval(const ex& x) {
  if (is_real_number(x)) return ex_to<numeric>(x).is_positive() ? ex(1) : ex(0);
  return unit_step(x).hold();
}
ex unit_step_evalf(const ex& x) { return unit_step_eval(x.evalf()); }
ex unit_step_deriv(const ex&, unsigned) { return 0; }
void unit_step_latex(const ex& x, const print_context& c) {
  print_latex_call(FunctionId::step, x, c);
}

// sign(x) = [x > 0] - [x < 0]; sign' = 0 (away from the jump)
ex signum_eval(const ex& x) {
  if (is_real_number(x)) {
    const numeric& n = ex_to<numeric>(x);
    return n.is_positive() ? ex(1) : n.is_negative() ? ex(-1) : ex(0);
  }
  return signum(x).hold();
}
ex signum_evalf(const ex& x) { return signum_eval(x.evalf()); }
ex signum_deriv(const ex&, unsigned) { return 0; }
void signum_latex(const ex& x, const print_context& c) { print_latex_call(FunctionId::sign, x, c); }

// sech(x) = 1/cosh(x); sech(0) = 1; sech' = -sech tanh
ex sech_evalf(const ex& x) {
  if (is_real_number(x)) return (numeric(1) / cosh(ex_to<numeric>(x))).evalf();
  return sech(x).hold();
}
ex sech_eval(const ex& x) {
  if (x.is_zero()) return 1;
  if (is_float_number(x)) return sech_evalf(x);
  return sech(x).hold();
}
ex sech_deriv(const ex& x, unsigned) { return -sech(x) * tanh(x); }
void sech_latex(const ex& x, const print_context& c) { print_latex_call(FunctionId::sech, x, c); }

}  // namespace

REGISTER_FUNCTION(sigmoid, eval_func(sigmoid_eval)
                               .evalf_func(sigmoid_evalf)
                               .derivative_func(sigmoid_deriv)
                               .print_func<print_latex>(sigmoid_latex))
REGISTER_FUNCTION(relu, eval_func(relu_eval)
                            .evalf_func(relu_evalf)
                            .derivative_func(relu_deriv)
                            .print_func<print_latex>(relu_latex))
REGISTER_FUNCTION(unit_step, eval_func(unit_step_eval)
                                 .evalf_func(unit_step_evalf)
                                 .derivative_func(unit_step_deriv)
                                 .print_func<print_latex>(unit_step_latex))
REGISTER_FUNCTION(signum, eval_func(signum_eval)
                              .evalf_func(signum_evalf)
                              .derivative_func(signum_deriv)
                              .print_func<print_latex>(signum_latex))
REGISTER_FUNCTION(sech, eval_func(sech_eval)
                            .evalf_func(sech_evalf)
                            .derivative_func(sech_deriv)
                            .print_func<print_latex>(sech_latex))

void ensure_functions_registered() {
  // Reading the serials forces this translation unit, and so its registrations, to be linked.
  static volatile unsigned sink = sigmoid_SERIAL::serial + relu_SERIAL::serial +
                                  unit_step_SERIAL::serial + signum_SERIAL::serial +
                                  sech_SERIAL::serial;
  (void)sink;
}

ex rewrite_to_exp(const ex& e) {
  struct Rewriter : map_function {
    ex operator()(const ex& x) override {
      if (is_a<function>(x)) {
        const MathFunction* f = function_of(ex_to<function>(x));
        if (f != nullptr && f->to_exp != nullptr) return f->to_exp(x.op(0).map(*this));
      }
      return x.map(*this);
    }
  } rewriter;
  return rewriter(e);
}

}  // namespace deltacheck
