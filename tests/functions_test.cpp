// Tests of the GiNaC functions sigmoid, relu, step, sign and sech: eval, evalf, derivative.
#include <catch2/catch.hpp>

#include "symbolic/functions.h"

using namespace deltacheck;
using namespace GiNaC;

TEST_CASE("sigmoid: exact at 0, numeric on floats, derivative sigma(1-sigma)", "[functions]") {
  const symbol x("x");
  CHECK(ex(sigmoid(0)).is_equal(numeric(1, 2)));
  CHECK(is_a<function>(sigmoid(numeric(1))));  // exact argument stays symbolic
  const numeric v = ex_to<numeric>(sigmoid(numeric(1)).evalf());
  CHECK(abs(v - numeric(0.7310585786300049)).to_double() < 1e-15);
  CHECK((sigmoid(x).diff(x) - sigmoid(x) * (1 - sigmoid(x))).expand().is_zero());
}

TEST_CASE("relu and step: the PyTorch convention step(0) = 0", "[functions]") {
  const symbol x("x");
  CHECK(ex(relu(numeric(-2))).is_zero());
  CHECK(ex(relu(numeric(3, 2))).is_equal(numeric(3, 2)));
  CHECK(relu(x).diff(x).is_equal(unit_step(x)));
  CHECK(ex(unit_step(0)).is_zero());
  CHECK(ex(unit_step(numeric(1, 1000))).is_equal(1));
  CHECK(ex(unit_step(numeric(-1))).is_zero());
  CHECK(unit_step(x).diff(x).is_zero());
  CHECK(ex(relu(numeric(-0.5))).is_zero());
}

TEST_CASE("rewriting into exp lets normal() prove activation identities", "[functions]") {
  const symbol z("z");
  CHECK(normal(rewrite_to_exp(sigmoid(z) - 1 / (1 + exp(-z)))).is_zero());
  CHECK(normal(rewrite_to_exp(tanh(z) - (2 * sigmoid(2 * z) - 1))).is_zero());
  CHECK(normal(rewrite_to_exp(pow(cosh(z), 2) - pow(sinh(z), 2) - 1)).is_zero());
  CHECK_FALSE(normal(rewrite_to_exp(sigmoid(z) - tanh(z))).is_zero());
}

TEST_CASE("sign: -1, 0, 1, exact on numbers, derivative 0", "[functions]") {
  const symbol x("x");
  CHECK(ex(signum(numeric(-3, 2))).is_equal(-1));
  CHECK(ex(signum(0)).is_zero());
  CHECK(ex(signum(numeric(1, 1000))).is_equal(1));
  CHECK(ex(signum(numeric(-0.25))).is_equal(-1));
  CHECK(is_a<function>(signum(x)));
  CHECK(signum(x).diff(x).is_zero());
}

TEST_CASE("sech: 1 at 0, numeric on floats, derivative -sech tanh, 1 - tanh^2 = sech^2",
          "[functions]") {
  const symbol z("z");
  CHECK(ex(sech(0)).is_equal(1));
  CHECK(is_a<function>(sech(numeric(1))));  // exact argument stays symbolic
  const numeric v = ex_to<numeric>(sech(numeric(1)).evalf());
  CHECK(abs(v - numeric(0.6480542736638855)).to_double() < 1e-15);
  CHECK((sech(z).diff(z) + sech(z) * tanh(z)).is_zero());
  CHECK(normal(rewrite_to_exp(pow(sech(z), 2) - (1 - pow(tanh(z), 2)))).is_zero());
}
