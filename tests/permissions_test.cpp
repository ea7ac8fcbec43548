// Tests of exercises/permissions: what each part's answer may use, with the reason for what it may
// not.
#include <catch2/catch.hpp>

#include "exercises/read/permissions.h"
#include "solver/sample_points.h"
#include "symbolic/evaluate.h"

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
  CHECK(refusal(exercise(false), "dL/dw2_11", "delta2_1*a1_1")
            .find("does not give the deltas: define delta2_1 = ...") != std::string::npos);
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

namespace {

// The value the resolver of `key` gives the factor `name` at the first sample point of Q1,
// with every quantity bound by the derivation.
double factor_at_point(const std::string& key, const std::string& name) {
  const Exercise ex = exercise(false);
  Derivation d(ex.net());
  const NameResolver names = part_names(parse_key(key, ex.net()), ex, d);
  const GiNaC::ex value = names(name, 0).value;
  Evaluator<double> at;
  bind_derivation(at, d, sample_points(ex.net(), 8, 7).front());
  return at.evaluate(value);
}

// The same quantity's value at that point.
double quantity_at_point(const std::string& text) {
  const Exercise ex = exercise(false);
  Derivation d(ex.net());
  Evaluator<double> at;
  bind_derivation(at, d, sample_points(ex.net(), 8, 7).front());
  return at.evaluate(read_expression(text, d.symbols()));
}

// The message refusing the factor `name` in an answer to `key` ("" when it is accepted).
std::string factor_refused(const std::string& key, const std::string& name) {
  const Exercise ex = exercise(false);
  Derivation d(ex.net());
  try {
    part_names(parse_key(key, ex.net()), ex, d)(name, 0);
  } catch (const ExpressionError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a chain-rule factor dA/dB between two quantities of the network means its true value",
          "[permissions]") {
  const auto same = [](double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
  };
  CHECK(same(factor_at_point("dL/dw3_11", "da3_1/dz3_1"), quantity_at_point("a3_1*(1 - a3_1)")));
  CHECK(same(factor_at_point("dL/dw3_11", "dz3_1/da2_1"), quantity_at_point("w3_11")));
  CHECK(same(factor_at_point("dL/dw2_11", "dz2_1/dw2_11"), quantity_at_point("a1_1")));
  CHECK(same(factor_at_point("dL/dw3_11", "dL/dyhat"), quantity_at_point("a3_1 - y")));
  CHECK(same(factor_at_point("dL/dw3_11", "dC/da3_1"), quantity_at_point("a3_1 - y")));
  // Through the network: dL/dz2_1 is the delta of unit 1 of layer 2, dz3_1/dz2_1 the path.
  CHECK(same(factor_at_point("dL/dw2_11", "dL/dz2_1"),
             quantity_at_point("(a3_1 - y)*a3_1*(1 - a3_1)*w3_11*a2_1*(1 - a2_1)")));
  CHECK(same(factor_at_point("dL/dw2_11", "dz3_1/dz2_1"),
             quantity_at_point("w3_11*a2_1*(1 - a2_1)")));
  // Nothing flows backwards: a1_1 does not depend on z3_1.
  CHECK(factor_at_point("dL/dw2_11", "da1_1/dz3_1") == 0);
}

TEST_CASE(
    "a factor that is another name of the key, or of the loss in the forward pass, is refused",
    "[permissions]") {
  CHECK(factor_refused("dL/dw3_11", "dL/dw3_11").find("another name of the key dL/dw3_11") !=
        std::string::npos);
  CHECK(factor_refused("dL/db3_1", "dL/db3_1").find("another name of the key") !=
        std::string::npos);
  CHECK(factor_refused("z3_1", "dL/da3_1").find("forward pass") != std::string::npos);
  CHECK(factor_refused("a2_1", "da3_1/dz3_1").find("layers before layer 2") != std::string::npos);
  CHECK(factor_refused("dL/dw3_11", "dL/dz3_1").empty());
  CHECK(factor_refused("z3_1", "dz3_1/da2_1").empty());
}
