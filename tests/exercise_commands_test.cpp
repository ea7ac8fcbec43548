// Tests of deltacheck list and show, and --student across show, template, derive and check.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::write_file;

TEST_CASE("list shows every built-in exercise; --json has id, kind, title, parts and points",
          "[exercise_commands]") {
  const testing::Run text = run("list");
  CHECK(text.status == 0);
  for (const char* id : {"assign-q1-squared", "assign-q1-crossentropy", "assign-q2-crossentropy",
                         "mlp-sigmoid-squared", "delta-rules", "chain-rule-paths", "bce-derivative",
                         "softmax-jacobian", "linreg-gd", "regularized-update", "momentum-update",
                         "numeric-q2-step"})
    CHECK_THAT(text.out, Catch::Contains(id));
  const auto doc = nlohmann::json::parse(run("list --json").out);
  REQUIRE(doc.size() >= 13);
  for (const auto& e : doc) {
    for (const char* field : {"id", "kind", "title", "parts", "points"}) CHECK(e.contains(field));
    CHECK(e["parts"].get<int>() > 0);
  }
}

TEST_CASE("show draws the network, gives the notation and lists the parts", "[exercise_commands]") {
  const testing::Run r = run("show assign-q1-squared");
  CHECK(r.status == 0);
  CHECK_THAT(
      r.out,
      Catch::Contains("layer 2") && Catch::Contains("relu") && Catch::Contains("a3_1 = yhat") &&
          Catch::Contains("w{l}_{jk} joins unit k of layer l-1 to unit j of layer l") &&
          Catch::Contains(
              "dL/dw1_13: the gradient of the loss for the weight from input x3 to unit 1 of layer 1"));
  const testing::Run s = run("show softmax-jacobian");
  CHECK_THAT(s.out, Catch::Contains("Given: s1 = exp(z1)/") &&
                        Catch::Contains("ds1/dz2: the off-diagonal entry ds1/dz2"));
  testing::check_user_error("show no-such-exercise", "unknown exercise 'no-such-exercise'");
}

TEST_CASE("with a student id, show, template, derive and check agree on that student's numbers",
          "[exercise_commands]") {
  const testing::Run alice = run("show numeric-q2-step --student alice");
  const testing::Run again = run("show numeric-q2-step --student alice");
  const testing::Run bob = run("show numeric-q2-step --student bob");
  REQUIRE(alice.status == 0);
  CHECK(alice.out == again.out);
  CHECK(alice.out != bob.out);
  CHECK_THAT(alice.out, Catch::Contains("The numbers of student alice") &&
                            Catch::Contains("learning rate eta = 0.5"));
  // The template carries the same numbers as show.
  const testing::Run t = run("template numeric-q2-step --student alice");
  const auto numbers = [](const std::string& text) {
    const auto start = text.find("x1 = ");
    return text.substr(start, text.find('\n', start) - start);
  };
  CHECK(numbers(t.out) == numbers(alice.out));
  // Alice's worked solution gets full marks as alice, not as bob.
  const std::string path =
      write_file("alice.txt", run("derive --exercise numeric-q2-step --student alice").out);
  const testing::Run as_alice = run("check numeric-q2-step " + path + " --student alice");
  CHECK(as_alice.status == 0);
  const testing::Run as_bob = run("check numeric-q2-step " + path + " --student bob --json");
  CHECK(as_bob.status == 1);
  CHECK(nlohmann::json::parse(as_bob.out)["score"].get<double>() < 23);
  testing::check_user_error("show numeric-q2-step --student ''",
                            "--student must be a non-empty id");
  testing::check_user_error("derive --net '2 sigmoid:1' --loss squared --student alice",
                            "--student goes with --exercise");
}

TEST_CASE("every built-in exercise: derive --exercise fed to check gets full marks",
          "[exercise_commands]") {
  const auto doc = nlohmann::json::parse(run("list --json").out);
  for (const auto& e : doc) {
    const std::string id = e["id"];
    CAPTURE(id);
    const std::string path = write_file("solution.txt", run("derive --exercise " + id).out);
    const testing::Run r = run("check " + id + " " + path + " --json");
    CHECK(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["score"] == e["points"]);
  }
}
