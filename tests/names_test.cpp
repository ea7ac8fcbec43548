// Tests of quantity names: every accepted spelling, printing in both styles, LaTeX, ranges and
// parameter order.
#include <catch2/catch.hpp>

#include "core/names.h"

using namespace deltacheck;

TEST_CASE("every accepted spelling reads as the same quantity", "[names]") {
  const Network net = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const auto read = [&](const std::string& s) { return resolve(*parse_quantity(s), net); };
  const Quantity w{QuantityKind::weight, 2, 1, 2};
  CHECK(*read("w2_12") == w);
  CHECK(*read("w2_1_2") == w);
  CHECK(*read("x1") == *read("x_1"));
  CHECK(*read("x1") == *read("a0_1"));
  CHECK(read("y")->j == 1);
  CHECK(read("yhat")->kind == QuantityKind::output);
  CHECK(read("delta3_1")->kind == QuantityKind::delta);
  CHECK_FALSE(parse_quantity("w2_123"));
  CHECK_FALSE(parse_quantity("w2"));
  CHECK_FALSE(parse_quantity("foo"));
  CHECK_FALSE(parse_quantity("x"));
  CHECK_FALSE(read("w2_31"));  // layer 2 has 2 units
  CHECK_FALSE(read("x4"));
  CHECK_FALSE(read("z4_1"));
  CHECK_FALSE(resolve(*parse_quantity("y"), parse_network("2 tanh:1 sigmoid:2", "squared")));
}

TEST_CASE("names print in the short and separated styles and in LaTeX", "[names]") {
  const Network net = parse_network("12 relu:11 sigmoid:2", "squared");
  CHECK(quantity_name({QuantityKind::weight, 2, 1, 2}, net) == "w2_12");
  CHECK(quantity_name({QuantityKind::weight, 2, 1, 2}, net, NameStyle::separated) == "w2_1_2");
  CHECK(quantity_name({QuantityKind::weight, 1, 11, 3}, net) == "w1_11_3");
  CHECK(quantity_name({QuantityKind::target, 0, 2, 0}, net) == "y2");
  CHECK(quantity_latex({QuantityKind::weight, 2, 1, 2}, net) == "w^{(2)}_{12}");
  CHECK(quantity_latex({QuantityKind::delta, 1, 3, 0}, net) == "\\delta^{(1)}_{3}");
  CHECK(quantity_latex({QuantityKind::output, 0, 1, 0}, parse_network("2 sigmoid:1", "squared")) ==
        "\\hat{y}");
  for (const Quantity& q : parameters(net)) {
    CHECK(*resolve(*parse_quantity(quantity_name(q, net)), net) == q);
    CHECK(*resolve(*parse_quantity(quantity_name(q, net, NameStyle::separated)), net) == q);
  }
}

TEST_CASE("parameters are ordered layer by layer, weights row by row, then biases", "[names]") {
  const Network net = parse_network("3 relu:2 sigmoid:1", "squared");
  const auto ps = parameters(net);
  REQUIRE(ps.size() == 11);
  CHECK(ps[0] == Quantity{QuantityKind::weight, 1, 1, 1});
  CHECK(ps[2] == Quantity{QuantityKind::weight, 1, 1, 3});
  CHECK(ps[3] == Quantity{QuantityKind::weight, 1, 2, 1});
  CHECK(ps[6] == Quantity{QuantityKind::bias, 1, 1, 0});
  CHECK(ps[10] == Quantity{QuantityKind::bias, 2, 1, 0});
  for (size_t i = 0; i < ps.size(); ++i) CHECK(parameter_index(ps[i], net) == static_cast<int>(i));
}

TEST_CASE("resolve_name reads a one-unit layer's name without its unit and case slips", "[names]") {
  const Network net = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const auto q = [](QuantityKind kind, int layer, int j) { return Quantity{kind, layer, j, 0}; };
  CHECK(*resolve_name("a3", net) == q(QuantityKind::activation, 3, 1));
  CHECK(*resolve_name("z3", net) == q(QuantityKind::preactivation, 3, 1));
  CHECK(*resolve_name("delta3", net) == q(QuantityKind::delta, 3, 1));
  CHECK(*resolve_name("b3", net) == q(QuantityKind::bias, 3, 1));
  CHECK_FALSE(resolve_name("a2", net));  // layer 2 has two units: a2_1 or a2_2
  CHECK_FALSE(resolve_name("a4", net));
  CHECK(*resolve_name("W2_12", net) == Quantity{QuantityKind::weight, 2, 1, 2});
  CHECK(*resolve_name("A1_1", net) == q(QuantityKind::activation, 1, 1));
  CHECK(*resolve_name("YHAT", net) == q(QuantityKind::output, 0, 1));
  CHECK(*resolve_name("w3_1_1", net) == Quantity{QuantityKind::weight, 3, 1, 1});
  CHECK(resolve_name("L", net)->kind == QuantityKind::loss);
  CHECK_FALSE(resolve_name("l", net));
  CHECK_FALSE(resolve_name("Foo", net));
}
