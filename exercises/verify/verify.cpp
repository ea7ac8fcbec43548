// Running the three computations of every gradient at sample points and measuring their agreement.
#include "exercises/verify/verify.h"

#include <algorithm>

#include "core/scalar_text.h"
#include "core/text.h"
#include "solver/agreement.h"
#include "solver/backprop.h"
#include "solver/finite_difference.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"
#include "symbolic/evaluate.h"

namespace deltacheck {

namespace {

// Symbolic and backprop values at one point, in T.
template <class T>
void compute_at(Derivation& d, const std::vector<Equation>& gradients, const Point& p,
                unsigned digits, VerifyResult& result, std::vector<VerifyRow>& rows) {
  const Network& net = d.network();
  Evaluator<T> ev;
  bind_derivation(ev, d, p);
  const Gradient<T> bp = gradient_at<T>(net, p);
  const std::vector<RealN> fd = finite_difference_gradient(net, p, digits);
  result.losses.push_back(scientific_text(bp.loss, static_cast<int>(digits)));
  const double cap = digits;
  for (const Equation& g : gradients) {
    const int i = parameter_index(g.key.quantity, net);
    const T sym = ev.evaluate(g.rhs);
    const T& back = bp.d_params[i];
    VerifyRow row;
    row.parameter = g.key.quantity;
    row.symbolic = scientific_text(sym, static_cast<int>(digits));
    row.backprop = scientific_text(back, static_cast<int>(digits));
    row.finite_difference = scientific_text(fd[i], static_cast<int>(digits));
    row.symbolic_backprop = agreement_digits(sym, back, cap);
    {
      const PrecisionScope precision(finite_difference_plan(digits).working_digits);
      const RealN s = from_text<RealN>(scientific_text(sym, static_cast<int>(digits) + 5));
      const RealN b = from_text<RealN>(scientific_text(back, static_cast<int>(digits) + 5));
      row.symbolic_fd = agreement_digits(fd[i], s, cap);
      row.backprop_fd = agreement_digits(fd[i], b, cap);
    }
    rows.push_back(row);
  }
}

}  // namespace

double required_agreement(unsigned digits) { return digits > 10 ? digits - 5.0 : digits / 2.0; }

VerifyResult verify_network(const Network& net, int count, unsigned digits, std::uint64_t seed) {
  VerifyResult result;
  result.net = net;
  result.digits = digits;
  result.required = required_agreement(digits);
  Derivation d(net);
  result.form = d.largest_gradient(Form::local, Derivation::kDefaultMaxSize + 1) <=
                        Derivation::kDefaultMaxSize
                    ? Form::local
                    : Form::delta;
  const std::vector<Equation> gradients = d.gradients(result.form);
  result.points = sample_points(net, count, seed);
  for (const Point& p : result.points) {
    std::vector<VerifyRow> rows;
    with_digits(digits, [&](auto tag) {
      compute_at<decltype(tag)>(d, gradients, p, digits, result, rows);
    });
    std::sort(rows.begin(), rows.end(), [&](const VerifyRow& a, const VerifyRow& b) {
      return parameter_index(a.parameter, net) < parameter_index(b.parameter, net);
    });
    result.rows.push_back(rows);
  }
  result.worst = digits;
  for (const auto& rows : result.rows)
    for (const VerifyRow& r : rows)
      result.worst = std::min({result.worst, r.symbolic_backprop, r.symbolic_fd, r.backprop_fd});
  return result;
}

}  // namespace deltacheck
