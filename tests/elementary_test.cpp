// Tests of core/elementary: the fast double tanh agrees with libm's to 1e-14 relative everywhere.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/elementary.h"

using namespace deltacheck;

TEST_CASE(
    "the double tanh agrees with libm's tanh to 1e-14 relative, near 0, in between and saturated",
    "[elementary]") {
  for (double z = -30; z <= 30; z += 0.0137) {
    for (double scale : {1.0, 1e-3, 1e-9}) {
      const double x = z * scale;
      CAPTURE(x);
      const double ours = elementary::tanh(x), libm = std::tanh(x);
      CHECK(std::fabs(ours - libm) <= 1e-14 * std::fabs(libm) + 1e-300);
    }
  }
  CHECK(elementary::tanh(0.0) == 0.0);
  CHECK(elementary::tanh(1000.0) == 1.0);
  CHECK(elementary::tanh(-1000.0) == -1.0);
  CHECK(elementary::tanh(0.01) == Approx(std::tanh(0.01)).epsilon(1e-14));
}

TEST_CASE("sigmoid and softplus are stable for large |z|", "[elementary]") {
  CHECK(elementary::sigmoid(800.0) == 1.0);
  CHECK(elementary::sigmoid(-800.0) == 0.0);
  CHECK(elementary::softplus(800.0) == 800.0);
  CHECK(elementary::softplus(-800.0) == 0.0);
  CHECK(elementary::sigmoid(0.0) == 0.5);
}
