// Central differences with one Richardson step at a working precision above the target.
#include "solver/finite_difference.h"

#include "solver/backprop.h"

namespace deltacheck {

FiniteDifferencePlan finite_difference_plan(unsigned digits) {
  const unsigned quarter = (digits + 3) / 4;  // rounded up
  return {digits + quarter + 40, quarter + 10};
}

std::vector<RealN> finite_difference_gradient(const Network& net, const Point& p, unsigned digits) {
  const FiniteDifferencePlan plan = finite_difference_plan(digits);
  const PrecisionScope precision(plan.working_digits);
  const ParameterLayout layout(net);
  NumericPoint<RealN> n = to_numeric<RealN>(p, net);
  NetworkState<RealN> s;
  forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, true);  // rejects kinks

  const RealN h = boost::multiprecision::pow(RealN(10), -static_cast<int>(plan.step_exponent));
  const auto loss_at = [&](int i, const RealN& offset) {
    const RealN saved = n.params[i];
    n.params[i] = saved + offset;
    const RealN value = forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, false);
    n.params[i] = saved;
    return value;
  };
  const auto central = [&](int i, const RealN& step) {
    return (loss_at(i, step) - loss_at(i, -step)) / (2 * step);
  };

  std::vector<RealN> out;
  out.reserve(layout.size);
  for (int i = 0; i < layout.size; ++i) {
    const RealN coarse = central(i, h), fine = central(i, h / 2);
    out.push_back((4 * fine - coarse) / 3);
  }
  return out;
}

}  // namespace deltacheck
