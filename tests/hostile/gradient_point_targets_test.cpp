// Cross-entropy targets: gradient --at refuses a target outside [0, 1], naming its key.
#include <catch2/catch.hpp>

#include "../run_command.h"
#include "core/error.h"
#include "core/point.h"

using namespace deltacheck;

namespace {
std::string point_with_target(const std::string& y) {
  return R"({"x1": "1", "x2": "0.5", "w1_1_1": "0.2", "w1_1_2": "-0.1", "b1_1": "0", "w2_1_1": "0.3", "w2_2_1": "-0.4",
 "b2_1": "0.1", "b2_2": "0", "y1": ")" +
         y + R"(", "y2": "1"})";
}
const Network kNet = parse_network("2 tanh:1 sigmoid:2", "crossentropy");
}  // namespace

TEST_CASE("cross-entropy targets: gradient --at refuses a target outside [0, 1] at its key",
          "[hostile][point]") {
  CHECK_THROWS_WITH(
      parse_point_json(point_with_target("7"), "p.json", kNet),
      "p.json:2:31: target y1 = 7 is not between 0 and 1: the cross-entropy loss compares probabilities (use the squared loss for other values)");
  CHECK_THROWS_WITH(parse_point_json(point_with_target("-0.01"), "p.json", kNet),
                    Catch::Contains("target y1 = -0.01 is not between 0 and 1"));
  for (const char* y : {"0", "1", "0.25"})
    CHECK_NOTHROW(parse_point_json(point_with_target(y), "p.json", kNet));
  const Network squared = parse_network("2 tanh:1 sigmoid:2", "squared");
  CHECK_NOTHROW(parse_point_json(point_with_target("7"), "p.json",
                                 squared));  // any real target for squared error
  const std::string path = testing::write_file("y7.json", point_with_target("7"));
  const testing::Run r =
      testing::run("gradient --net '2 tanh:1 sigmoid:2' --loss crossentropy --at " + path);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: " + path + ":2:31: target y1 = 7 is not between 0 and 1"));
}
