// High-precision finite differences of the loss: an independent check on the backprop and the
// symbolic gradients.
#pragma once

#include <vector>

#include "core/network.h"
#include "core/point.h"
#include "solver/scalar.h"

namespace deltacheck {

/// How a finite difference is taken for a target precision of `digits`.
struct FiniteDifferencePlan {
  /// Working precision, in decimal digits.
  unsigned working_digits;
  /// The step is 10^-step_exponent.
  unsigned step_exponent;
};

/// The plan for `digits`: central differences D(h) = (L(p+h) - L(p-h)) / 2h have error
/// c2 h^2 + c4 h^4 + ...; Richardson's (4 D(h/2) - D(h)) / 3 removes the h^2 term, so with
/// h = 10^-(ceil(digits/4) + 10) the truncation error is about 10^-(digits + 40). The rounding
/// error is about 10^-working / h, so working = digits + ceil(digits/4) + 40 digits puts it near
/// 10^-(digits + 30): both far below what is compared.
FiniteDifferencePlan finite_difference_plan(unsigned digits);

/// dL/dp of every parameter (parameter order) at p, by the plan above, in RealN at the plan's
/// working precision. Throws KinkError when p is at a ReLU kink.
std::vector<RealN> finite_difference_gradient(const Network& net, const Point& p, unsigned digits);

}  // namespace deltacheck
