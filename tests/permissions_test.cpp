// Tests of exercises/permissions: what each part's answer may use, with the reason for what it may
// not.
#include <catch2/catch.hpp>

#include "exercises/read/permissions.h"

using namespace deltacheck;

namespace {

// The message refusing `text` as an answer to `key` ("" when it is accepted).
std::string refusal(const Exercise& ex, const std::string& key, const std::string& text) {
  SymbolTable symbols(ex.net());
  const EquationKey k = parse_key(key, ex.net());
  try {
    read_expression(text, part_names(k, ex, symbols));
  } catch (const ExpressionError& e) {
    return e.what();
  }
  return "";
}

Exercise exercise(bool allow_deltas) {
  Exercise e = load_exercise("assign-q1-squared");
  e.network().allow_deltas = allow_deltas;
  return e;
}

}  // namespace

TEST_CASE("a forward key uses only earlier layers (and a{l}_j its own z{l}_j)", "[permissions]") {
  const Exercise ex = exercise(false);
  CHECK(refusal(ex, "z2_1", "w2_11*a1_1 + w2_12*a1_2 + b2_1").empty());
  CHECK(refusal(ex, "z2_1", "z2_1") == "'z2_1': an answer may not use its own key z2_1");
  CHECK(refusal(ex, "z2_1", "a2_1").find("may use quantities of the layers before layer 2 only") !=
        std::string::npos);
  CHECK(refusal(ex, "z2_1", "a3_1").find("may use quantities of the layers before layer 2 only") !=
        std::string::npos);
  CHECK(refusal(ex, "a2_1", "sigmoid(z2_1)").empty());
  CHECK(refusal(ex, "a2_1", "sigmoid(z2_2)") ==
        "'z2_2' belongs to another unit: a2_1 is computed from z2_1 only");
  CHECK(refusal(ex, "a3_1", "yhat") == "'yhat': an answer may not use its own key a3_1");
  CHECK(refusal(ex, "z1_1", "x1*w1_11 + y").empty());  // allowed, though wrong
}

TEST_CASE("delta names only where the exercise allows them", "[permissions]") {
  CHECK(refusal(exercise(false), "dL/dw2_11", "delta2_1*a1_1").find("without delta names") !=
        std::string::npos);
  CHECK(refusal(exercise(true), "dL/dw2_11", "delta2_1*a1_1").empty());
  CHECK(
      refusal(exercise(true), "z2_1", "delta2_1").find("forward pass, which does not use deltas") !=
      std::string::npos);
  CHECK(refusal(exercise(true), "delta2_1", "delta3_1*w3_11*a2_1*(1 - a2_1)").empty());
  CHECK(refusal(exercise(true), "delta2_1", "delta2_2")
            .find("may use the deltas of later layers only (delta3_..)") != std::string::npos);
}

TEST_CASE("gradients may use every quantity of the network, never the loss", "[permissions]") {
  const Exercise ex = exercise(false);
  CHECK(refusal(ex, "dL/dw1_11", "(yhat - y)*a3_1*z1_1*x1*w3_12*b2_2").empty());
  CHECK(refusal(ex, "dL/dw1_11", "L") ==
        "the loss L cannot be used in an answer: write it out in a and y");
}
