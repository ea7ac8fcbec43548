// Tests of reports/verify_writer: the agreement table and its JSON on a hand-made verification.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/verify_writer.h"

using namespace deltacheck;

namespace {

// "1 linear:1" at two points: w1_11 agrees everywhere, b1_1 loses digits at the second point.
VerifyResult small_verification() {
  VerifyResult r;
  r.net = parse_network("1 linear:1", "squared");
  r.points.resize(2);
  r.losses = {"0.5", "2"};
  const Quantity w{QuantityKind::weight, 1, 1, 1}, b{QuantityKind::bias, 1, 1, 0};
  r.rows = {
      {{w, "1.5", "1.5", "1.5", 50, 48.26, 47.91}, {b, "-0.25", "-0.25", "-0.25", 50, 49, 49}},
      {{w, "2", "2", "2", 50, 50, 50}, {b, "3", "3", "3", 46.99, 45.5, 45.04}}};
  r.worst = 45.04;
  return r;
}

}  // namespace

TEST_CASE("verify_writer text gives each parameter's fewest digits per pair and the verdict",
          "[verify_writer]") {
  std::ostringstream out;
  write_verification(out, small_verification(), false);
  CHECK(
      out.str() ==
      "verify: network \"1 linear:1\", loss squared, 2 points, 50 digits, symbolic form local\n"
      "digits of agreement, fewest over all points: sym~bp = symbolic vs backprop, sym~fd and bp~fd against finite differences\n"
      "\n"
      "parameter   backprop at point 1       sym~bp  sym~fd  bp~fd\n"
      "dL/dw1_11   1.5                       50.0    48.2    47.9\n"
      "dL/db1_1    -0.25                     46.9    45.5    45.0\n"
      "\n"
      "fewest agreeing digits: 45.0 (required 45.0): verified\n");
}

TEST_CASE(
    "verify_writer text shortens a long backprop value and says FAILED below the required digits",
    "[verify_writer]") {
  VerifyResult r = small_verification();
  r.rows[0][0].backprop = "1.2345678901234567890123456789e-05";
  r.worst = 44.96;
  std::ostringstream out;
  write_verification(out, r, false);
  CHECK_THAT(out.str(), Catch::Contains("dL/dw1_11   1.2345678901234...e-05    50.0"));
  CHECK_THAT(out.str(), Catch::EndsWith("fewest agreeing digits: 44.9 (required 45.0): FAILED\n"));
}

TEST_CASE("verify_writer JSON holds every value at every point with separated names",
          "[verify_writer]") {
  std::ostringstream out;
  write_verification(out, small_verification(), true);
  const std::string json = out.str();
  CHECK_THAT(
      json,
      Catch::StartsWith(
          "{\n  \"net\": \"1 linear:1\",\n  \"loss\": \"squared\",\n  \"digits\": 50,\n  \"points\": 2,\n"
          "  \"symbolic_form\": \"local\",\n  \"required_digits\": 45.0,\n  \"worst_digits\": 45.0,\n  \"passed\": true,\n"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "\"name\": \"w1_1_1\",\n      \"symbolic_backprop_digits\": 50.0,\n      \"symbolic_fd_digits\": 48.2,"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "{\n          \"symbolic\": \"3\",\n          \"backprop\": \"3\",\n          \"finite_difference\": \"3\"\n        }"));
}
