// Tests of exact decimals.
#include <catch2/catch.hpp>

#include "core/decimal.h"

using namespace deltacheck;

TEST_CASE("decimals are read exactly", "[decimal]") {
  CHECK(Decimal::parse("0.1")->rational() == Rational(1, 10));
  CHECK(Decimal::parse("-2.5e-3")->rational() == Rational(-1, 400));
  CHECK(Decimal::parse("1E2")->rational() == Rational(100));
  CHECK(Decimal::parse(".5")->rational() == Rational(1, 2));
  CHECK(Decimal::parse("-.5")->text() == "-0.5");
  CHECK(Decimal::parse("+3.")->rational() == Rational(3));
  for (const char* bad :
       {"", "-", ".", "1e", "1.2.3", "0x10", "abc", "1e5x", " 1", "1e999999", "nan", "inf"})
    CHECK_FALSE(Decimal::parse(bad));
}
