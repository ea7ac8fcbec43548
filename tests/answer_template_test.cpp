// Tests of reports/answer_template: the answer file a student fills in.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/answer_template.h"

using namespace deltacheck;

TEST_CASE(
    "answer_template comments the statement and notes and leaves one key per part under its section",
    "[answer_template]") {
  const Exercise ex = parse_exercise(
      "id: tiny\ntitle: A tiny network\nstatement: \"Derive it.\\nThen check it.\"\nnetwork: \"1 sigmoid:1\"\n"
      "loss: squared\nparts: [a1_1, {key: dL/dw1_11, points: 2}]\n",
      "tiny.yaml");
  std::ostringstream out;
  write_answer_template(out, ex, "");
  CHECK(
      out.str() ==
      "# tiny: A tiny network\n"
      "#\n"
      "#   Derive it.\n"
      "#   Then check it.\n"
      "#\n"
      "# Network \"1 sigmoid:1\", loss squared:\n"
      "#   input     layer 1\n"
      "#             sigmoid\n"
      "#   x1    --> a1_1 = yhat\n"
      "# Each layer is fully connected to the next: w{l}_{jk} joins unit k of layer l-1 to unit j of layer l\n"
      "# (w2_11 or w2_1_1), b{l}_{j} is the bias, z{l}_{j} = sum_k w{l}_{jk} a{l-1}_{k} + b{l}_{j}, a{l}_{j} = f(z{l}_{j}),\n"
      "# inputs x1 .. (= a0_1 ..), targets y, delta{l}_{j} = dL/dz{l}_{j}.\n"
      "# Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs. Operators + - * / ^ and ( ).\n"
      "# Write one KEY = EXPRESSION per line; a line ending in \\ continues on the next; # starts a comment.\n"
      "# Check with: deltacheck check tiny THIS_FILE\n"
      "\n"
      "# Forward pass\n"
      "\n"
      "# a1_1: the activation of unit 1 of layer 1 (sigmoid) (1 point)\n"
      "a1_1 = \n"
      "\n"
      "# Backward pass\n"
      "\n"
      "# dL/dw1_11: the gradient of the loss for the weight from input x1 to unit 1 of layer 1 (2 points)\n"
      "dL/dw1_11 = \n");
}

TEST_CASE(
    "answer_template of a symbolic exercise puts every part under Parts and names the student",
    "[answer_template]") {
  const Exercise ex = parse_exercise(
      "id: slope\ntitle: A slope\nsymbols: {z: [0, 1]}\nparts:\n  - {key: d, ask: the slope, truth: \"diff(z^2, z)\"}\n",
      "slope.yaml");
  std::ostringstream out;
  write_answer_template(out, ex, "alice");
  CHECK(
      out.str() ==
      "# slope: A slope\n"
      "#\n"
      "#\n"
      "# Symbols: z.\n"
      "# Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs, sign, sech. Operators + - * / ^ and ( ).\n"
      "# Write one KEY = EXPRESSION per line; a line ending in \\ continues on the next; # starts a comment.\n"
      "# Check with: deltacheck check slope THIS_FILE --student alice\n"
      "\n"
      "# Parts\n"
      "\n"
      "# d: the slope (1 point)\n"
      "d = \n");
}
