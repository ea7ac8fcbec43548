// GiNaC functions of the course: sigmoid, relu, step (with step(0) = 0), sign and sech, each with
// eval, evalf, derivative and LaTeX.
#pragma once

#include <ginac/ginac.h>

namespace deltacheck {

/// sigma(x) = 1/(1+exp(-x)); d/dx sigma = sigma (1 - sigma).
DECLARE_FUNCTION_1P(sigmoid)
/// relu(x) = max(x, 0); d/dx relu = step(x).
DECLARE_FUNCTION_1P(relu)
/// step(x) = 1 for x > 0, 0 for x <= 0 (PyTorch's ReLU'(0) = 0, unlike GiNaC's step(0) = 1/2); d/dx
/// step = 0. Registered as "unit_step" in GiNaC; printed and read as `step`.
DECLARE_FUNCTION_1P(unit_step)
/// sign(x) = 1 for x > 0, -1 for x < 0, 0 at 0; d/dx sign = 0. Registered as "signum" in GiNaC;
/// printed and read as `sign` (and `sgn`).
DECLARE_FUNCTION_1P(signum)
/// sech(x) = 1/cosh(x); d/dx sech = -sech tanh.
DECLARE_FUNCTION_1P(sech)

/// Forces the registration of the functions above to be linked in; call before making a parser.
void ensure_functions_registered();

/// Rewrites every function that has an exp form in the function table (sigmoid, tanh, cosh,
/// sinh) into exp, so that normal() can prove identities.
GiNaC::ex rewrite_to_exp(const GiNaC::ex& e);

}  // namespace deltacheck
