// Tests of reports/exercise_writer: the library list, the network drawing, the notes and one
// exercise shown.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/exercise_writer.h"

using namespace deltacheck;

namespace {

const char* kTiny =
    "id: tiny\ntitle: A tiny network\nstatement: Derive it.\nnetwork: \"2 sigmoid:1\"\nloss: squared\n"
    "parts: [a1_1, {key: dL/dw1_11, points: 2}]\n";
const char* kSlope =
    "id: slope\ntitle: A slope\nsymbols: {z: [0, 1]}\ngiven: {s: 2*z}\n"
    "parts:\n  - {key: d, ask: the slope, truth: \"diff(s^2, z)\"}\n";

}  // namespace

TEST_CASE("exercise_writer draws a network one column per layer with arrows", "[exercise_writer]") {
  CHECK(network_drawing(parse_network("2 relu:2 sigmoid:1", "squared")) ==
        std::vector<std::string>{"input     layer 1     layer 2", "          relu        sigmoid",
                                 "x1    --> a1_1    --> a2_1 = yhat", "x2    --> a1_2    -->"});
}

TEST_CASE("exercise_writer lists exercises as a table and as JSON", "[exercise_writer]") {
  const std::vector<Exercise> list{parse_exercise(kTiny, "tiny.yaml"),
                                   parse_exercise(kSlope, "slope.yaml")};
  std::ostringstream text, json;
  write_exercise_list(text, list, false);
  write_exercise_list(json, list, true);
  CHECK(text.str() ==
        "id     kind      parts  points  title\n"
        "tiny   network       2       3  A tiny network\n"
        "slope  symbolic      1       1  A slope\n");
  CHECK_THAT(
      json.str(),
      Catch::StartsWith(
          "[\n  {\n    \"id\": \"tiny\",\n    \"kind\": \"network\",\n    \"title\": \"A tiny network\",\n"
          "    \"parts\": 2,\n    \"points\": 3.0\n  },\n"));
}

TEST_CASE("exercise_writer notes of a symbolic exercise give its symbols and given names",
          "[exercise_writer]") {
  CHECK(
      exercise_notes(parse_exercise(kSlope, "slope.yaml"), "") ==
      std::vector<std::string>{
          "Symbols: z.", "Given: s = 2*z",
          "Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs, sign, sech. Operators + - * / ^ and ( )."});
}

TEST_CASE("exercise_writer shows an exercise with its statement, notation and parts",
          "[exercise_writer]") {
  std::ostringstream out;
  write_exercise(out, parse_exercise(kTiny, "tiny.yaml"), "");
  CHECK(
      out.str() ==
      "tiny: A tiny network\n"
      "(network exercise, 2 parts, 3 points; tiny.yaml)\n"
      "\n"
      "Derive it.\n"
      "\n"
      "Network \"2 sigmoid:1\", loss squared:\n"
      "  input     layer 1\n"
      "            sigmoid\n"
      "  x1    --> a1_1 = yhat\n"
      "  x2    -->\n"
      "Each layer is fully connected to the next: w{l}_{jk} joins unit k of layer l-1 to unit j of layer l\n"
      "(w2_11 or w2_1_1), b{l}_{j} is the bias, z{l}_{j} = sum_k w{l}_{jk} a{l-1}_{k} + b{l}_{j}, a{l}_{j} = f(z{l}_{j}),\n"
      "inputs x1 .. (= a0_1 ..), targets y, delta{l}_{j} = dL/dz{l}_{j}.\n"
      "Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs. Operators + - * / ^ and ( ).\n"
      "\n"
      "Parts:\n"
      "  a1_1: the activation of unit 1 of layer 1 (sigmoid) (1 point)\n"
      "  dL/dw1_11: the gradient of the loss for the weight from input x1 to unit 1 of layer 1 (2 points)\n"
      "\n"
      "Answer with: deltacheck template tiny > answers.txt\n");
}
