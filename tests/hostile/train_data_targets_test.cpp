// Regression tests: cross-entropy targets outside [0, 1], or not summing to 1 for a softmax, are
// refused with their row.
#include <catch2/catch.hpp>

#include "core/network.h"
#include "core/targets.h"
#include "tests/run_command.h"

using namespace deltacheck;
using testing::run;

TEST_CASE(
    "train refuses a cross-entropy target of 5, naming the CSV line, the target and its value",
    "[hostile][cross_entropy_targets]") {
  const std::string csv =
      testing::write_file("targets5.csv", "x1,x2,y\n0,0,0\n0,1,1\n\n1,0,5\n1,1,0\n");
  const testing::Run r =
      run("train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data " + csv + " --epochs 2");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             Catch::StartsWith("deltacheck: " + csv + ":5:5: target y = 5 is not between 0 and 1"));
  CHECK_THAT(r.err, Catch::Contains("    1,0,5\n        ^"));
}

TEST_CASE("train refuses softmax targets that do not sum to 1, naming the line",
          "[hostile][cross_entropy_targets]") {
  const std::string csv = testing::write_file("softmax.csv", "0,0,1,0\n0,1,0.5,0.5\n1,0,0.5,1\n");
  const testing::Run r =
      run("train --net '2 tanh:4 softmax:2' --loss crossentropy --data " + csv + " --epochs 2");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(
      r.err,
      Catch::StartsWith(
          "deltacheck: " + csv +
          ":3:5: the targets of a softmax output are class probabilities and sum to 1; these sum to 1.5"));
}

TEST_CASE(
    "train takes the same targets with the squared loss, and probabilities with cross-entropy",
    "[hostile][cross_entropy_targets]") {
  const std::string big = testing::write_file("squared5.csv", "0,0,0\n0,1,1\n1,0,5\n1,1,0\n");
  CHECK(
      run("train --net '2 tanh:4 linear:1' --loss squared --data " + big + " --epochs 2").status ==
      0);
  const std::string soft = testing::write_file("soft.csv", "0,0,0.25\n0,1,1\n1,0,0.75\n1,1,0\n");
  CHECK(run("train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data " + soft + " --epochs 2")
            .status == 0);
}

TEST_CASE("train refuses a Playground regression set with cross-entropy, naming the example",
          "[hostile][cross_entropy_targets]") {
  const testing::Run r =
      run("train --net '1 tanh:4 sigmoid:1' --loss crossentropy --data line --noise 5 --epochs 2");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: the data set 'line', example ") &&
                        Catch::Contains(" is not between 0 and 1"));
}

TEST_CASE(
    "target_problem: [0, 1] for cross-entropy, a sum of 1 for softmax within 1e-6, anything for squared",
    "[hostile][cross_entropy_targets]") {
  const Network sigmoid_net = parse_network("2 sigmoid:2", "crossentropy");
  CHECK(!target_problem(sigmoid_net, {0, 1}));
  CHECK(!target_problem(sigmoid_net, {1, 1}));
  const auto negative = target_problem(sigmoid_net, {0.5, -0.25});
  REQUIRE(negative);
  CHECK(negative->index == 1);
  CHECK(
      negative->message ==
      "target y2 = -0.25 is not between 0 and 1: the cross-entropy loss compares probabilities (use the squared loss for other values)");
  const Network softmax_net = parse_network("2 softmax:3", "crossentropy");
  CHECK(!target_problem(softmax_net, {0.333333, 0.333333, 0.333334}));
  CHECK(!target_problem(softmax_net, {0.3333333, 0.3333333, 0.3333333}));
  CHECK(target_problem(softmax_net, {0.5, 0.5, 0.5}));
  CHECK(!target_problem(parse_network("2 linear:1", "squared"), {7}));
  CHECK_THROWS_AS(check_targets(sigmoid_net, {7, 0}, SourceLocation{"p.json", 0, 0, ""}),
                  UserError);
}
