// Tests of the three-way verification result.
#include <catch2/catch.hpp>

#include "exercises/verify/verify.h"
#include "test_networks.h"

using namespace deltacheck;

TEST_CASE("verify reports every parameter at every point, in parameter order", "[verify]") {
  const Network net = testing::q2();
  const VerifyResult r = verify_network(net, 5, 50, 9);
  REQUIRE(r.rows.size() == 5);
  REQUIRE(r.losses.size() == 5);
  const auto ps = parameters(net);
  for (const auto& rows : r.rows) {
    REQUIRE(rows.size() == ps.size());
    for (size_t i = 0; i < ps.size(); ++i) CHECK(rows[i].parameter == ps[i]);
  }
  CHECK(r.form == Form::local);
  CHECK(r.passed());
}

TEST_CASE("the local form is evaluated when it fits, the delta form otherwise", "[verify]") {
  const VerifyResult r = verify_network(
      parse_network("4 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:1",
                    "squared"),
      1, 50);
  CHECK(r.form == Form::delta);
  CHECK(r.passed());
}

TEST_CASE("a verification passes only when every pair reaches the required digits", "[verify]") {
  CHECK(required_agreement(50) == 45.0);
  CHECK(required_agreement(1000) == 995.0);
  VerifyResult r;
  r.required = 45;
  r.worst = 44.9;
  CHECK_FALSE(r.passed());
  r.worst = 45;
  CHECK(r.passed());
}
