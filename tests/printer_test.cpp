// Tests of canonical printing: printed text reads back to the same value, and the bytes do not
// depend on GiNaC's internal order.
#include <catch2/catch.hpp>

#include "solver/scalar.h"
#include "symbolic/evaluate.h"
#include "symbolic/functions.h"
#include "symbolic/printer.h"
#include "symbolic/reader.h"

using namespace deltacheck;
using namespace GiNaC;

namespace {
const Network kNet = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");

// The value of e at a fixed point of every name that appears, in 50 digits.
Real50 value(const ex& e, SymbolTable& s) {
  Evaluator<Real50> ev;
  int i = 0;
  for (const Quantity& q : parameters(kNet)) ev.bind(s(q), Real50(i++ % 7 + 1) / 9);
  for (int k = 1; k <= 3; ++k) ev.bind(s({QuantityKind::input, 0, k, 0}), Real50(k) / 5);
  ev.bind(s({QuantityKind::target, 0, 1, 0}), Real50(3) / 10);
  for (int l = 1; l <= 3; ++l)
    for (int j = 1; j <= kNet.units(l); ++j) {
      ev.bind(s({QuantityKind::activation, l, j, 0}), Real50(l + j) / 11);
      ev.bind(s({QuantityKind::preactivation, l, j, 0}), Real50(l - j - 1) / 3);
    }
  return ev.evaluate(e);
}

std::vector<ex> samples(SymbolTable& s) {
  const ex a = s({QuantityKind::activation, 3, 1, 0}), y = s({QuantityKind::target, 0, 1, 0});
  const ex z = s({QuantityKind::preactivation, 1, 2, 0}), w = s({QuantityKind::weight, 2, 1, 2});
  const ex x = s({QuantityKind::input, 0, 3, 0}), b = s({QuantityKind::bias, 1, 1, 0});
  return {
      (a - y) * a * (1 - a) * w,
      numeric(1, 2) * pow(y - a, 2),
      -(y - a) * (w - 3 * x) / (b * pow(x + 1, 2)),
      pow(x, pow(w, 2)) + pow(pow(x, w), 2),
      sqrt(x + 2) - 1 / sqrt(b + 4) + numeric(-7, 3) * exp(-z) * log(2 + a),
      sigmoid(z) * relu(z) * unit_step(z) + tanh(w) * cosh(x) - sinh(b) + abs(z),
      -(a - y) * numeric(5, 4),
      -x,
      numeric(-3, 8),
      pow(b, -3) * w / 7,
      -(1 - pow(a, 2)) * (w * (a - y) + x * (y - a)),
  };
}
}  // namespace

TEST_CASE("printed text reads back to the same value", "[printer]") {
  SymbolTable s(kNet);
  for (const ex& e : samples(s)) {
    const std::string text = print_expression(e, kNet);
    CAPTURE(text);
    const ex back = read_expression(text, s);
    const Real50 v = value(e, s), w = value(back, s);
    CHECK(abs(v - w) <= 1e-45 * (1 + abs(v)));
    const std::string separated = print_expression(e, kNet, {Syntax::text, NameStyle::separated});
    const Real50 u = value(read_expression(separated, s), s);
    CHECK(abs(v - u) <= 1e-45 * (1 + abs(v)));
  }
}

TEST_CASE("the same expression prints the same bytes whatever order GiNaC keeps", "[printer]") {
  // Symbols created in opposite orders get opposite serial numbers, so GiNaC orders terms,
  // and picks the sign of sum factors, differently in the two tables.
  SymbolTable forward(kNet), backward(kNet);
  std::vector<Quantity> qs = parameters(kNet);
  for (int k = 1; k <= 3; ++k) qs.push_back({QuantityKind::input, 0, k, 0});
  qs.push_back({QuantityKind::target, 0, 1, 0});
  for (int l = 1; l <= 3; ++l)
    for (int j = 1; j <= kNet.units(l); ++j) {
      qs.push_back({QuantityKind::activation, l, j, 0});
      qs.push_back({QuantityKind::preactivation, l, j, 0});
    }
  for (const Quantity& q : qs) forward(q);
  for (auto it = qs.rbegin(); it != qs.rend(); ++it) backward(*it);
  const std::vector<ex> one = samples(forward), two = samples(backward);
  for (size_t i = 0; i < one.size(); ++i) {
    CHECK(print_expression(one[i], kNet) == print_expression(two[i], kNet));
    CHECK(print_expression(one[i], kNet, {Syntax::latex}) ==
          print_expression(two[i], kNet, {Syntax::latex}));
  }
}

TEST_CASE("a sum factor is written with a positive leading term", "[printer]") {
  SymbolTable s(kNet);
  const ex a = s({QuantityKind::activation, 3, 1, 0}), y = s({QuantityKind::target, 0, 1, 0});
  // (y - a) * (a - 1) is (a - y)(1 - a): no leading minus, whichever sign GiNaC stored.
  const std::string text = print_expression((y - a) * (a - 1), kNet);
  CHECK(text.front() != '-');
  CHECK(print_expression(-(y - a) * (a - 1), kNet).front() == '-');
}

TEST_CASE("LaTeX with explicit products writes every product's \\cdot", "[printer]") {
  SymbolTable s(kNet);
  const ex w = s({QuantityKind::weight, 1, 1, 1}), x = s({QuantityKind::input, 0, 1, 0});
  PrintStyle style{Syntax::latex};
  const ex e = numeric(1, 2) * w * x;
  CHECK(print_expression(e, kNet, style) == "\\frac{1}{2} w^{(1)}_{11} x_{1}");
  style.explicit_products = true;
  CHECK(print_expression(e, kNet, style) == "\\frac{1}{2} \\cdot w^{(1)}_{11} \\cdot x_{1}");
  CHECK(print_expression(3 * w / x, kNet, style) == "\\frac{3 \\cdot w^{(1)}_{11}}{x_{1}}");
}
