// Tests of exercises/proof: identities proved, non-identities never, and a proof that runs long
// abandoned.
#include <catch2/catch.hpp>

#include <chrono>

#include "exercises/judge/proof.h"
#include "symbolic/functions.h"

using namespace deltacheck;
using namespace GiNaC;

TEST_CASE("sigmoid and tanh identities are proved through exp, wrong ones are not", "[proof]") {
  ensure_functions_registered();
  const symbol z("z"), a("a");
  CHECK(proves_zero(sigmoid(z) * (1 - sigmoid(z)) - exp(-z) / pow(1 + exp(-z), 2)));
  CHECK(proves_zero(1 - pow(tanh(z), 2) - 1 / pow(cosh(z), 2)));
  CHECK(proves_zero(2 * sigmoid(2 * z) - 1 - tanh(z)));
  CHECK(proves_zero((a - 1) * (a + 1) - (a * a - 1)));
  CHECK(!proves_zero(sigmoid(z) * (1 - sigmoid(z)) - sigmoid(z)));
  CHECK(!proves_zero(1 - tanh(z) - 1 / pow(cosh(z), 2)));
}

TEST_CASE("prove_all reports each candidate list, and abandons a proof past its budget",
          "[proof]") {
  ensure_functions_registered();
  const symbol x("x"), y("y");
  const ex slow = expand(pow(x + y + 1, 60)) - pow(x + y + 1, 60) + pow(x + 2 * y + 3, 400) -
                  expand(pow(x + 2 * y + 3, 400));
  const auto start = std::chrono::steady_clock::now();
  const std::vector<bool> proved = prove_all({{x - x + 0 * y},
                                              {x - y},
                                              {pow(x + 1, 2) - x * x - 2 * x - 1},
                                              {slow},
                                              {sigmoid(x) - 1 / (1 + exp(-x))}},
                                             0.2, 5);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(proved.size() == 5);
  CHECK(proved[0]);
  CHECK(!proved[1]);
  CHECK(proved[2]);
  CHECK(proved[4]);  // proved in a fresh child after the slow one was abandoned (or the slow one
                     // finished: both fine)
  CHECK(seconds < 3);
}
