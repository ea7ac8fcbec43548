// Tests of exercises/exercise: the built-in library, the YAML format and its errors with positions.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/error.h"
#include "exercises/model/exercise.h"

using namespace deltacheck;

namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_exercise(yaml, "ex.yaml");
  } catch (const UserError& e) {
    return e.formatted();
  }
  return "";
}

const char* kValid =
    "id: tiny\n"
    "title: A tiny network\n"
    "network: \"2 sigmoid:1\"\n"
    "loss: squared\n"
    "parts: [forward, dL/dw1_11, {key: dL/db1_1, points: 2}]\n";

}  // namespace

TEST_CASE("the three assignment exercises are built in, with every forward node and gradient",
          "[exercise]") {
  const auto ids = builtin_exercise_ids();
  for (const char* id : {"assign-q1-squared", "assign-q1-crossentropy", "assign-q2-crossentropy"})
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  const Exercise q1 = load_exercise("assign-q1-crossentropy");
  CHECK(q1.net().spec() == "3 relu:2 sigmoid:2 sigmoid:1");
  CHECK(q1.net().loss == Loss::crossentropy);
  CHECK(q1.source == "built-in");
  CHECK(q1.max_score() == 27);
  CHECK(q1.key_text(q1.parts.front().equation) == "z1_1");
  CHECK(q1.key_text(q1.parts.back().equation) == "dL/db1_2");
  const Exercise q2 = load_exercise("assign-q2-crossentropy");
  CHECK(q2.net().spec() == "2 tanh:1 sigmoid:2");
  CHECK(q2.parts.size() == 6 + 7);
}

TEST_CASE("a YAML exercise: groups, single keys and points per part", "[exercise]") {
  const Exercise e = parse_exercise(kValid, "ex.yaml");
  CHECK(e.id == "tiny");
  REQUIRE(e.parts.size() == 4);
  CHECK(e.key_text(e.parts[0].equation) == "z1_1");
  CHECK(e.key_text(e.parts[2].equation) == "dL/dw1_11");
  CHECK(e.parts[3].points == 2);
  CHECK(e.max_score() == 5);
  CHECK(e.find(e.parts[1].equation) == &e.parts[1]);
}

TEST_CASE("bad exercise files are refused at load time with file, line and column", "[exercise]") {
  CHECK(error_of("id: x\ntitle: [unclosed\n").find("ex.yaml:") == 0);
  CHECK(error_of(std::string(kValid) + "colour: blue\n")
            .find("ex.yaml:6:1: unknown field 'colour'") == 0);
  CHECK(error_of("id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\n")
            .find("missing field 'parts'") != std::string::npos);
  CHECK(error_of("id: x\ntitle: t\nnetwork: \"2 softsign:1\"\nloss: squared\nparts: [forward]\n")
            .find("ex.yaml:3:10:") == 0);
  CHECK(error_of("id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\nparts: [dL/dw2_11]\n")
            .find("ex.yaml:5:9: unknown part 'dL/dw2_11': the network has one layer (layer 1)") ==
        0);
  CHECK(
      error_of("id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\nparts: [forward, z1_1]\n")
          .find("asked twice") != std::string::npos);
  CHECK(error_of("id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\nparts: [deltas]\n")
            .find("allow_deltas: true") != std::string::npos);
  CHECK(
      error_of(
          "id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\nparts: [forward]\npoints: -3\n")
          .find("ex.yaml:6:9: 'points' must be") == 0);
  CHECK(
      error_of(
          "id: x\ntitle: t\nnetwork: \"2 sigmoid:1\"\nloss: squared\nparts: [forward]\nform: short\n")
          .find("unknown form 'short'") != std::string::npos);
}

TEST_CASE("unknown exercises list the built-in ids", "[exercise]") {
  CHECK_THROWS_WITH(load_exercise("assign-q3"), Catch::Contains("unknown exercise 'assign-q3'") &&
                                                    Catch::Contains("assign-q1-squared"));
  CHECK_THROWS_WITH(load_exercise("/nonexistent/ex.yaml"),
                    Catch::Contains("cannot read the exercise file"));
}

TEST_CASE("answer file keys in every spelling, and keys that are not keys", "[exercise]") {
  const Network net = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const EquationKey k = parse_key("dL/dw2_1_1", net);
  CHECK(k.gradient);
  CHECK(k.quantity == Quantity{QuantityKind::weight, 2, 1, 1});
  CHECK(parse_key("dL/d w2_11", net).quantity == Quantity{QuantityKind::weight, 2, 1, 1});
  CHECK(parse_key("yhat", net).quantity.kind == QuantityKind::output);
  CHECK_THROWS_WITH(parse_key("dL/dz2_1", net),
                    Catch::Contains("gradients are of weights and biases"));
  CHECK_THROWS_WITH(parse_key("w2_11", net), Catch::Contains("is given, not computed"));
  CHECK_THROWS_WITH(parse_key("dL/dw4_11", net), "the network has layers 1 to 3");
}

TEST_CASE("each kind of exercise holds its own details, and asking another kind's is a bug",
          "[exercise]") {
  const Exercise network = parse_exercise(kValid, "ex.yaml");
  CHECK(network.kind() == ExerciseKind::network);
  CHECK(network.net().spec() == "2 sigmoid:1");
  CHECK_THROWS_AS(network.symbolic(), std::logic_error);
  CHECK_THROWS_AS(network.numeric(), std::logic_error);
  const Exercise symbolic = parse_exercise(
      "id: s\ntitle: t\nsymbols: {z: [0, 1]}\ngiven: {s: 2*z}\nparts:\n  - {key: d, ask: the slope, truth: \"diff(s^2, z)\", mistakes: [{answer: 2*s, feedback: chain}]}\n",
      "s.yaml");
  CHECK(symbolic.kind() == ExerciseKind::symbolic);
  CHECK(symbolic.symbolic().symbols.at(0).name == "z");
  CHECK(symbolic.symbolic().given.at(0).second == "2*z");
  CHECK(symbolic.parts.at(0).symbolic.truth == "diff(s^2, z)");
  CHECK(symbolic.parts.at(0).symbolic.mistakes.at(0).feedback == "chain");
  CHECK_THROWS_AS(symbolic.net(), std::logic_error);
  const Exercise numeric = load_exercise("numeric-q2-step");
  CHECK(numeric.kind() == ExerciseKind::numeric);
  CHECK(numeric.numeric().decimals >= 1);
  CHECK(&numeric.net() == &numeric.numeric().net);
}

TEST_CASE("carried_credit and require_evaluated: read, defaulted and validated", "[exercise]") {
  const Exercise plain = parse_exercise(kValid, "ex.yaml");
  CHECK(plain.carried_credit == 0.5);
  CHECK(!plain.require_evaluated);
  const Exercise set = parse_exercise(
      std::string(kValid) + "carried_credit: 0.25\nrequire_evaluated: true\n", "ex.yaml");
  CHECK(set.carried_credit == 0.25);
  CHECK(set.require_evaluated);
  CHECK(error_of(std::string(kValid) + "carried_credit: 2\n").find("ex.yaml:6:") == 0);
  CHECK(error_of(std::string(kValid) + "require_evaluated: yes\n")
            .find("'require_evaluated' is true or false") != std::string::npos);
}
