// Tests of the templated backprop: three-way agreement at 50 and 1000 digits, double against 50
// digits, kinks, stability.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/error.h"
#include "exercises/verify/verify.h"
#include "solver/backprop.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"
#include "test_networks.h"

using namespace deltacheck;

namespace {
// Every network's three computations, at `points` sample points and `digits` digits, agree to
// `minimum` digits.
void check_agreement(const std::vector<Network>& nets, int points, unsigned digits,
                     double minimum) {
  for (const Network& net : nets) {
    CAPTURE(net.spec(), loss_name(net.loss));
    const VerifyResult r = verify_network(net, points, digits, 5);
    CHECK(r.rows.size() == static_cast<size_t>(points));
    CHECK(r.worst >= minimum);
  }
}

std::vector<Network> assignment_networks() {
  return {testing::q1("squared"), testing::q1("crossentropy"), testing::q2()};
}
}  // namespace

TEST_CASE("Q1 and Q2: symbolic, backprop and finite differences agree to 45 digits at 50",
          "[backprop]") {
  check_agreement(assignment_networks(), 8, 50, 45.0);
}

TEST_CASE(
    "random networks (depth 1-5, width 1-12, every activation and loss) agree to 45 digits at 50",
    "[backprop]") {
  check_agreement(testing::random_networks(24, 5, 12, 99), 3, 50, 45.0);
}

TEST_CASE("at 1000 digits the three agree to 900 digits or more", "[backprop]") {
  std::vector<Network> nets = assignment_networks();
  for (const Network& net : testing::random_networks(4, 3, 4, 1000)) nets.push_back(net);
  for (const Network& net : testing::random_networks(2, 5, 12, 1001))
    nets.push_back(net);  // the full range
  check_agreement(nets, 2, 1000, 900.0);
}

TEST_CASE("the double backprop agrees with the 50-digit one to 1e-12 relative", "[backprop]") {
  std::vector<Network> nets = assignment_networks();
  for (const Network& net : testing::random_networks(24, 5, 12, 4242)) nets.push_back(net);
  for (const Network& net : nets) {
    CAPTURE(net.spec(), loss_name(net.loss));
    for (const Point& p : sample_points(net, 4, 11)) {
      const Gradient<double> d = gradient_at<double>(net, p);
      const Gradient<Real50> h = gradient_at<Real50>(net, p);
      CHECK(std::fabs(d.loss - h.loss.convert_to<double>()) <=
            1e-12 * std::fabs(h.loss.convert_to<double>()) + 1e-300);
      double largest = 0;
      for (const Real50& g : h.d_params)
        largest = std::max(largest, std::fabs(g.convert_to<double>()));
      // Relative to each gradient, with a floor of 1e-6 of the largest one for gradients
      // that are tiny only by cancellation.
      for (size_t i = 0; i < d.d_params.size(); ++i) {
        const double exact = h.d_params[i].convert_to<double>();
        CHECK(std::fabs(d.d_params[i] - exact) <=
              1e-12 * std::max(std::fabs(exact), 1e-6 * largest));
      }
    }
  }
}

TEST_CASE("a ReLU pre-activation at the kink is reported with its unit and value", "[backprop]") {
  const Network net = parse_network("1 relu:2 sigmoid:1", "squared");
  Point p = sample_points(net, 1, 3)[0];
  // z1_2 = w1_21 * x1 + b1_2 = 0 exactly
  p.set({QuantityKind::input, 0, 1, 0}, *Decimal::parse("0.5"));
  p.set({QuantityKind::weight, 1, 2, 1}, *Decimal::parse("0.2"));
  p.set({QuantityKind::bias, 1, 2, 0}, *Decimal::parse("-0.1"));
  CHECK_THROWS_AS(gradient_at<Real50>(net, p), KinkError);
  CHECK_THROWS_WITH(gradient_at<Real50>(net, p),
                    Catch::Contains("ReLU unit z1_2") && Catch::Contains("kink"));
  p.set({QuantityKind::bias, 1, 2, 0}, *Decimal::parse("-0.1000000001"));  // 1e-10 away: fine
  CHECK_NOTHROW(gradient_at<Real50>(net, p));
}

TEST_CASE("saturated outputs: no overflow, no log(0), the right limits", "[backprop]") {
  for (const char* spec : {"1 sigmoid:1", "1 softmax:2"}) {
    const Network net = parse_network(spec, "crossentropy");
    Point p = sample_points(net, 1, 1)[0];
    for (const Quantity& q : parameters(net))
      p.set(q, *Decimal::parse(q.kind == QuantityKind::weight ? (q.j == 1 ? "900" : "-900") : "0"));
    p.set({QuantityKind::input, 0, 1, 0}, *Decimal::parse("1"));
    const std::vector<Quantity> ys = targets(net);
    for (size_t i = 0; i < ys.size(); ++i)
      p.set(ys[i], *Decimal::parse(i == 0 ? "0" : "1"));  // confidently wrong
    const Gradient<double> g = gradient_at<double>(net, p);
    CAPTURE(spec);
    CHECK(std::isfinite(g.loss));
    CHECK(g.loss > 800);  // about |z|: the exact loss, not inf
    for (double v : g.d_params) CHECK(std::isfinite(v));
    const Gradient<Real50> h = gradient_at<Real50>(net, p);
    CHECK(std::fabs(g.loss - h.loss.convert_to<double>()) <= 1e-12 * g.loss);
  }
}
