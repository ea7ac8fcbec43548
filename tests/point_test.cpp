// Tests of POINT.json reading: exact values, and a named error for each problem.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/point.h"

using namespace deltacheck;

namespace {
const Network kNet = parse_network("1 sigmoid:1", "squared");
const char* kGood = R"({"x1": "0.1", "w1_1_1": "-0.3", "b1_1": "1e-2", "y": "1"})";

std::string error_of(const std::string& text, const Network& net = kNet) {
  try {
    parse_point_json(text, "p.json", net);
  } catch (const UserError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a point is read exactly, names in any spelling", "[point]") {
  const Point p = parse_point_json(kGood, "p.json", kNet);
  CHECK(p.at({QuantityKind::input, 0, 1, 0}).rational() == Rational(1, 10));
  CHECK(p.at({QuantityKind::bias, 1, 1, 0}).rational() == Rational(1, 100));
  const Point q = parse_point_json(R"({"x_1": "0.1", "w1_11": "-0.3", "b1_1": "0", "y1": "1"})",
                                   "p.json", kNet);
  CHECK(q.at({QuantityKind::weight, 1, 1, 1}).rational() == Rational(-3, 10));
}

TEST_CASE("a bad point names the file, the entry and what is wrong", "[point]") {
  CHECK_THAT(error_of(R"({"x1": "0.1", "w1_1_1": "-0.3", "y": "1"})"),
             Catch::Contains("missing 'b1_1'"));
  CHECK_THAT(error_of(R"({"x1": "0.1", "w1_1_1": "-0.3", "b1_1": "0", "y": "1", "w2_1_1": "1"})"),
             Catch::Contains("p.json:1:57: unknown name 'w2_1_1'"));
  CHECK_THAT(error_of(R"({"x1": 0.1, "w1_1_1": "-0.3", "b1_1": "0", "y": "1"})"),
             Catch::Contains("must be a decimal string"));
  CHECK_THAT(error_of(R"({"x1": "zero", "w1_1_1": "-0.3", "b1_1": "0", "y": "1"})"),
             Catch::Contains("'x1' is not a decimal number"));
  CHECK_THAT(error_of("{\n  \"x1\": \"0.1\",\n  \"w1_1_1\" \"-0.3\"\n}"),
             Catch::Contains("p.json:3:"));
  CHECK_THAT(error_of("[1, 2]"), Catch::Contains("a point is a JSON object"));
  CHECK_THAT(error_of(R"({"x1": "0.1", "x_1": "0.2", "w1_1_1": "-0.3", "b1_1": "0", "y": "1"})"),
             Catch::Contains("'x_1' is given twice"));
  const Network softmax = parse_network("1 softmax:2", "crossentropy");
  CHECK_THAT(
      error_of(
          R"({"x1": "1", "w1_1_1": "1", "w1_2_1": "1", "b1_1": "0", "b1_2": "0", "y1": "0.5", "y2": "0.4"})",
          softmax),
      Catch::Contains("must sum to 1"));
  CHECK(
      error_of(
          R"({"x1": "1", "w1_1_1": "1", "w1_2_1": "1", "b1_1": "0", "b1_2": "0", "y1": "0.6", "y2": "0.4"})",
          softmax) == "no error");
}
