// Tests of symbolic/written_form: expressions printed as written, symbol names in LaTeX, steps.
#include <catch2/catch.hpp>

#include <functional>

#include "symbolic/reader.h"
#include "symbolic/tokenizer.h"
#include "symbolic/written_form.h"

#include "reports/inline_math.h"

using namespace deltacheck;

TEST_CASE("written form: a free symbol's name in LaTeX", "[written_form]") {
  CHECK(symbol_latex("s1") == "s_{1}");
  CHECK(symbol_latex("w0") == "w_{0}");
  CHECK(symbol_latex("w1_11") == "w_{1,11}");
  CHECK(symbol_latex("x") == "x");
  CHECK(symbol_latex("S") == "S");
  CHECK(symbol_latex("lambda") == "\\lambda");
  CHECK(symbol_latex("eta") == "\\eta");
  CHECK(symbol_latex("Delta") == "\\Delta");
  CHECK(symbol_latex("yhat") == "\\hat{y}");
  CHECK(symbol_latex("w_prev") == "w_{\\mathrm{prev}}");
  CHECK(symbol_latex("delta_ij") == "\\delta_{ij}");
  CHECK(symbol_latex("s_i") == "s_{i}");
  CHECK(symbol_latex("Loss") == "\\mathrm{Loss}");
  CHECK(symbol_latex("x_") == "\\mathrm{x\\_}");
}

TEST_CASE("written form: the author's order and grouping are kept, in text and LaTeX",
          "[written_form]") {
  const auto both = [](const std::string& t) {
    return print_written(t, Syntax::text) + " | " + print_written(t, Syntax::latex);
  };
  // GiNaC would print 2*w0 + 2*w1*x - 2*y.
  CHECK(both("2*(w0 + w1*x - y)") == "2*(w0 + w1*x - y) | 2 \\left(w_{0} + w_{1} x - y\\right)");
  CHECK(both("w0 - alpha*(w0 + w1*x - y)") ==
        "w0 - alpha*(w0 + w1*x - y) | w_{0} - \\alpha \\left(w_{0} + w_{1} x - y\\right)");
  CHECK(both("-s1*s2") == "-s1*s2 | -s_{1} s_{2}");
  CHECK(both("s1*(1 - s1)") == "s1*(1 - s1) | s_{1} \\left(1 - s_{1}\\right)");
  CHECK(both("-y/yhat + (1 - y)/(1 - yhat)") ==
        "-y/yhat + (1 - y)/(1 - yhat) | -\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}}");
  CHECK(both("lambda*sign(w1)") ==
        "lambda*sign(w1) | \\lambda \\operatorname{sign}\\left(w_{1}\\right)");
  CHECK(both("exp(z1)/S^2") == "exp(z1)/S^2 | \\frac{e^{z_{1}}}{{S}^{2}}");
  CHECK(both("(1 - a)^2") == "(1 - a)^2 | {\\left(1 - a\\right)}^{2}");
  CHECK(both("2 w") == "2*w | 2 w");
  CHECK(both("|w|*3") == "abs(w)*3 | \\left|w\\right| \\cdot 3");
  CHECK(both("sigmoid'(z)") == "sigmoid'(z) | \\sigma'\\left(z\\right)");
  CHECK(both("exp'(z)") == "exp'(z) | \\operatorname{exp}'\\left(z\\right)");
  CHECK(both("(x)") == "(x) | x");
  // A ratio of d-names is a derivative only where asked (steps).
  CHECK(print_written("dl/dz", Syntax::latex) == "\\frac{\\mathrm{dl}}{\\mathrm{dz}}");
  CHECK(print_written("dl/dz", Syntax::latex, true) == "\\frac{\\partial l}{\\partial z}");
}

TEST_CASE("written form: the reader's echo prints back unchanged", "[written_form]") {
  const Network net = parse_network("2 sigmoid:1", "squared");
  SymbolTable symbols(net);
  const NameResolver names = network_names(symbols);
  for (const char* text : {"2(a1_1 - y)x1", "1/2*(a1_1 - y)^2", "-(a1_1 - y)*a1_1*(1 - a1_1)",
                           "w1_11*x1 + w1_12*x2 + b1_1", "-a1_1^2", "a1_1/(x1*x2)/x2",
                           "sigmoid'(z1_1)*|x1|", "exp(-x1)/(1 + exp(-x1))^2"}) {
    INFO(text);
    const std::string echo = read_expression(text, names).echo;
    CHECK(print_written(echo, Syntax::text) == echo);
  }
}

TEST_CASE("written form: steps keep their prose and typeset their formulas", "[written_form]") {
  const std::string step = "Write $S = exp(z1) + exp(z2)$, so $ds1/dz1 = s1*(1 - s1)$ & 50% done.";
  CHECK(step_text(step) == "Write S = exp(z1) + exp(z2), so ds1/dz1 = s1*(1 - s1) & 50% done.");
  const std::string latex = step_latex(step);
  CHECK(latex ==
        "Write $S = e^{z_{1}} + e^{z_{2}}$, so $\\frac{\\partial s_{1}}{\\partial z_{1}} = s_{1} "
        "\\left(1 - s_{1}\\right)$ & 50% done.");
  CHECK(latex_prose(latex) ==
        "Write $S = e^{z_{1}} + e^{z_{2}}$, so $\\frac{\\partial s_{1}}{\\partial z_{1}} = s_{1} "
        "\\left(1 - s_{1}\\right)$ \\& 50\\% done.");
  CHECK(latex_prose("a \\input{x} _ ^ ~ #") ==
        "a \\textbackslash{}input\\{x\\} \\_ \\textasciicircum{} \\textasciitilde{} \\#");
  CHECK(step_latex("no formula") == "no formula");
}

TEST_CASE("written form: what it cannot read is refused at its offset", "[written_form]") {
  const auto offset = [](const std::function<void()>& f) -> long {
    try {
      f();
    } catch (const ExpressionError& e) {
      return static_cast<long>(e.offset());
    }
    return -1;
  };
  CHECK(offset([] { print_written("2*(a + b", Syntax::text); }) == 8);
  CHECK(offset([] { print_written("a + * b", Syntax::text); }) == 4);
  CHECK(offset([] { print_written("f'(z)", Syntax::text); }) == 1);
  CHECK(offset([] { step_latex("so $a = b"); }) == 3);
  // Hostile nesting is refused, not followed down the stack.
  CHECK(offset([] { print_written(std::string(100000, '(') + "a", Syntax::text); }) >= 0);
  CHECK(offset([] { print_written(std::string(100001, 'a'), Syntax::text); }) >= 0);
  CHECK(offset([] { print_written("-" + std::string(300, '-') + "a", Syntax::text); }) >= 0);
  CHECK(offset([] { step_latex("so $a = (b$"); }) == 10);
  CHECK(offset([] { step_latex("so $a = b$ and $c + $"); }) == 20);
}
