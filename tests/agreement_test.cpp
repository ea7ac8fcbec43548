// Tests of the digits-of-agreement measure.
#include <catch2/catch.hpp>

#include "solver/agreement.h"
#include "solver/scalar.h"

using namespace deltacheck;

TEST_CASE("agreement counts shared significant digits, capped at the precision", "[agreement]") {
  const Real50 one = 1;
  CHECK(agreement_digits(one, one, 50.0) == 50.0);
  CHECK(agreement_digits(one, Real50(1) + Real50("1e-20"), 50.0) == Approx(20.0).margin(0.01));
  CHECK(agreement_digits(Real50("-2.5"), Real50("-2.5000000025"), 50.0) ==
        Approx(9.0).margin(0.01));
  CHECK(agreement_digits(one, Real50(-1), 50.0) == 0.0);
  // Relative to the values' own magnitude: 0 and a tiny value agree on no digit.
  CHECK(agreement_digits(Real50(0), Real50("1e-70"), 50.0) == 0.0);
  CHECK(agreement_digits(Real50(0), Real50("1e-120"), 50.0) == 0.0);
  CHECK(agreement_digits(Real50("1e-120"), Real50("1.000001e-120"), 50.0) ==
        Approx(6.0).margin(0.01));
  CHECK(agreement_digits(Real50(0), Real50("1e-30"), 50.0) == 0.0);
  CHECK(agreement_digits(1.0, 1.0 + 1e-12, 16.0) == Approx(12.0).margin(0.05));
}
