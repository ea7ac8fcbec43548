// Tests of reports/answer_prose: formulas of the answer syntax found in prose and typeset.
#include <catch2/catch.hpp>

#include "reports/answer_prose.h"

using namespace deltacheck;

TEST_CASE("answer_prose reads a formula as written, names typeset, nothing substituted",
          "[answer_prose]") {
  CHECK(answer_latex("s1*(1 - s1)") == "s_{1} \\left(1 - s_{1}\\right)");
  CHECK(answer_latex("-y/yhat") == "-\\frac{y}{\\hat{y}}");
  CHECK(answer_latex("dl/da") == "\\partial l/\\partial a");
  CHECK_THROWS(answer_latex("(a"));
}

TEST_CASE("answer_prose typesets the formulas in feedback and leaves the words", "[answer_prose]") {
  CHECK(answer_prose("the weight decay -eta*lambda*w1 is missing") ==
        "the weight decay $-\\eta \\lambda w_{1}$ is missing");
  CHECK(answer_prose("multiply by da/dz = a(1 - a), then") ==
        "multiply by $\\partial a/\\partial z = a \\left(1 - a\\right)$, then");
  CHECK(answer_prose("both are 1: ds1/dz1 = s1*(1 - s1)") ==
        "both are 1: $\\partial s_{1}/\\partial z_{1} = s_{1} \\left(1 - s_{1}\\right)$");
  CHECK(answer_prose("the L2 penalty's gradient") == "the L2 penalty's gradient");
  CHECK(answer_prose("it collapses to s2 - y2") == "it collapses to $s_{2} - y_{2}$");
  CHECK(answer_prose("a sigmoid's derivative costs $5") == "a sigmoid's derivative costs \\$5");
  CHECK(answer_prose("(weight decay) a*") == "(weight decay) a$\\cdot$");  // unreadable runs stay text
}

TEST_CASE("answer_prose sets a network's names in its notation, and a sample point's values",
          "[answer_prose]") {
  const Network net = parse_network("2 sigmoid:1", "squared");
  CHECK(answer_latex("w1_12*x2", &net) == "w^{(1)}_{12} x_{2}");
  CHECK(answer_prose("at sample point 1 (x1 = 0.5, w1_12 = -0.25) the answer is 2", &net) ==
        "at sample point 1 ($x_{1} = 0.5$, $w^{(1)}_{12} = -0.25$) the answer is 2");
}
