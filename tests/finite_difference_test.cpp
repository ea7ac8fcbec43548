// Tests of the finite differences against an exactly known gradient.
#include <catch2/catch.hpp>

#include "solver/agreement.h"
#include "solver/finite_difference.h"

using namespace deltacheck;

TEST_CASE("the plan puts truncation and rounding error below the target", "[finite_difference]") {
  for (unsigned digits : {16u, 50u, 1000u}) {
    const FiniteDifferencePlan plan = finite_difference_plan(digits);
    CHECK(4 * plan.step_exponent >= digits + 40);                    // h^4 truncation
    CHECK(plan.working_digits - plan.step_exponent >= digits + 30);  // rounding / h
  }
}

TEST_CASE("finite differences of a linear unit match the exact gradient to the requested digits",
          "[finite_difference]") {
  // L = 1/2 (w x + b - y)^2: dL/dw = (w x + b - y) x and dL/db = w x + b - y, exactly rational.
  const Network net = parse_network("1 linear:1", "squared");
  Point p;
  p.set({QuantityKind::input, 0, 1, 0}, *Decimal::parse("0.3"));
  p.set({QuantityKind::weight, 1, 1, 1}, *Decimal::parse("-1.7"));
  p.set({QuantityKind::bias, 1, 1, 0}, *Decimal::parse("0.11"));
  p.set({QuantityKind::target, 0, 1, 0}, *Decimal::parse("0.25"));
  const Rational r = Rational(3, 10) * Rational(-17, 10) + Rational(11, 100) - Rational(1, 4);
  for (unsigned digits : {50u, 1000u}) {
    const auto fd = finite_difference_gradient(net, p, digits);
    const PrecisionScope precision(finite_difference_plan(digits).working_digits);
    const RealN exact_w =
        RealN(numerator(r * Rational(3, 10))) / RealN(denominator(r * Rational(3, 10)));
    const RealN exact_b = RealN(numerator(r)) / RealN(denominator(r));
    CHECK(agreement_digits(fd[0], exact_w, digits + 20.0) >= digits + 10.0);
    CHECK(agreement_digits(fd[1], exact_b, digits + 20.0) >= digits + 10.0);
  }
}
