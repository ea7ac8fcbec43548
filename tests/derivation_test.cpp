// Tests of the symbolic derivation: the assignment networks, and every printed gradient of random
// networks against finite differences.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/error.h"
#include "core/text.h"
#include "reports/derivation_writer.h"
#include "solver/agreement.h"
#include "solver/finite_difference.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"
#include "symbolic/evaluate.h"
#include "symbolic/reader.h"
#include "test_networks.h"

using namespace deltacheck;
using namespace GiNaC;

namespace {

const Equation& find(const std::vector<Equation>& eqs, const Quantity& q) {
  for (const Equation& e : eqs)
    if (e.key.quantity == q) return e;
  FAIL("no equation for " << q.layer << "_" << q.j);
  return eqs.front();
}

// Evaluates the text `derive` prints, line by line: each forward, output, loss and delta line
// binds its key, each gradient line gives dL/dp. Everything comes from the printed text.
std::map<int, Real50> evaluate_printed(const std::string& text, const Network& net,
                                       const Point& p) {
  SymbolTable s(net);
  Evaluator<Real50> ev;
  for (const auto& [q, v] : p.values()) ev.bind(s(q), from_text<Real50>(v.text()));
  std::map<int, Real50> gradients;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find(" = ");
    REQUIRE(eq != std::string::npos);
    const std::string key = line.substr(0, eq);
    const Real50 v = ev.evaluate(read_expression(line.substr(eq + 3), s));
    if (key.rfind("dL/d", 0) == 0) {
      gradients[parameter_index(*resolve(*parse_quantity(key.substr(4)), net), net)] = v;
    } else {
      const Quantity q = *resolve(*parse_quantity(key), net);
      if (q.kind != QuantityKind::output && q.kind != QuantityKind::loss) ev.bind(s(q), v);
    }
  }
  return gradients;
}

std::string printed(const Network& net, Form form) {
  std::ostringstream out;
  write_derivation(out, Derivation(net), form, DerivationFormat::text);
  return out.str();
}

}  // namespace

TEST_CASE("Q1: ten forward equations and seventeen gradients", "[derivation]") {
  for (const char* loss : {"squared", "crossentropy"}) {
    const Derivation d(testing::q1(loss));
    CHECK(d.forward().size() == 10);
    for (Form f : {Form::local, Form::delta, Form::expanded}) CHECK(d.gradients(f).size() == 17);
  }
}

TEST_CASE("Q1 with cross-entropy: the output delta is a3_1 - y", "[derivation]") {
  Derivation d(testing::q1("crossentropy"));
  SymbolTable& s = d.symbols();
  const ex a = s({QuantityKind::activation, 3, 1, 0}), y = s({QuantityKind::target, 0, 1, 0});
  CHECK((find(d.deltas(), {QuantityKind::delta, 3, 1, 0}).rhs - (a - y)).expand().is_zero());
  const auto local = d.gradients(Form::local);
  const ex a2 = s({QuantityKind::activation, 2, 1, 0});
  CHECK((find(local, {QuantityKind::bias, 3, 1, 0}).rhs - (a - y)).expand().is_zero());
  CHECK((find(local, {QuantityKind::weight, 3, 1, 1}).rhs - (a - y) * a2).expand().is_zero());
  // With the squared loss the sigmoid slope a(1-a) stays.
  Derivation sq(testing::q1("squared"));
  const ex a_sq = sq.symbols()({QuantityKind::activation, 3, 1, 0}),
           y_sq = sq.symbols()({QuantityKind::target, 0, 1, 0});
  CHECK((find(sq.deltas(), {QuantityKind::delta, 3, 1, 0}).rhs - (a_sq - y_sq) * a_sq * (1 - a_sq))
            .expand()
            .is_zero());
}

TEST_CASE("Q2: the tanh hidden unit contributes the factor 1 - a1_1^2", "[derivation]") {
  Derivation d(testing::q2());
  SymbolTable& s = d.symbols();
  const ex a = s({QuantityKind::activation, 1, 1, 0});
  const ex delta = find(d.deltas(), {QuantityKind::delta, 1, 1, 0}).rhs;
  CHECK_FALSE(delta.has(tanh(wild())));
  for (const ex& g : {delta, find(d.gradients(Form::local), {QuantityKind::weight, 1, 1, 2}).rhs}) {
    const ex factor = normal(g / (1 - pow(a, 2)));
    CHECK_FALSE(factor.has(a));  // g = (1 - a^2) * (something without a1_1)
  }
}

TEST_CASE("softmax outputs: Jacobian a_i(delta_ij - a_j), and cross-entropy gives a - y",
          "[derivation]") {
  Derivation d(parse_network("2 tanh:2 softmax:3", "crossentropy"));
  SymbolTable& s = d.symbols();
  for (int j = 1; j <= 3; ++j) {
    const ex a = s({QuantityKind::activation, 2, j, 0}), y = s({QuantityKind::target, 0, j, 0});
    CHECK((find(d.deltas(), {QuantityKind::delta, 2, j, 0}).rhs - (a - y)).expand().is_zero());
  }
}

TEST_CASE(
    "every printed gradient of random networks equals a finite difference to 1e-20, in all three forms",
    "[derivation]") {
  int checked = 0;
  for (const Network& net : testing::random_networks(30, 3, 4, 2024)) {
    CAPTURE(net.spec(), loss_name(net.loss));
    const auto points = sample_points(net, 2, 7);
    for (Form form : {Form::local, Form::delta, Form::expanded}) {
      std::string text;
      try {
        text = printed(net, form);
      } catch (const UserError& e) {  // only the expanded form may be too large to print
        CHECK(form == Form::expanded);
        CHECK_THAT(e.what(), Catch::Contains("use --form delta"));
        continue;
      }
      for (const Point& p : points) {
        const auto symbolic = evaluate_printed(text, net, p);
        const auto fd = finite_difference_gradient(net, p, 50);
        REQUIRE(symbolic.size() == fd.size());
        for (const auto& [i, v] : symbolic) {
          const PrecisionScope precision(finite_difference_plan(50).working_digits);
          CHECK(agreement_digits(fd[i], from_text<RealN>(scientific_text(v, 55)), 50.0) >= 20.0);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("a form too large to print is refused with a way out, and the delta form stays small",
          "[derivation]") {
  const Network deep = parse_network(
      "4 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:1", "squared");
  const Derivation d(deep);
  CHECK_THROWS_WITH(d.gradients(Form::expanded), Catch::Contains("use --form delta"));
  CHECK_THROWS_WITH(d.gradients(Form::local), Catch::Contains("use --form delta"));
  CHECK(d.gradients(Form::delta).size() == static_cast<size_t>(deep.parameter_count()));
  CHECK(d.largest_gradient(Form::delta, 100) < 10);
}

TEST_CASE("forms and formats are read by name", "[derivation]") {
  CHECK(parse_form("delta") == Form::delta);
  CHECK_THROWS_WITH(parse_form("short"), Catch::Contains("use local, delta or expanded"));
  CHECK_THROWS_WITH(parse_derivation_format("pdf"), Catch::Contains("use text, latex or json"));
}
