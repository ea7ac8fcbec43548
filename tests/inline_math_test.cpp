// Tests of reports/inline_math: where $...$ formulas are, and their LaTeX and plain renderings.
#include <catch2/catch.hpp>

#include "reports/inline_math.h"
#include "symbolic/written_form.h"

using namespace deltacheck;

TEST_CASE("inline_math splits prose at $...$, reads \\$ as a dollar and leaves a lone $ as text",
          "[inline_math]") {
  const std::vector<ProsePiece> p = split_prose("cost \\$5: $L = y^2$, so $ alone");
  REQUIRE(p.size() == 3);
  CHECK((!p[0].math && p[0].text == "cost $5: "));
  CHECK((p[1].math && p[1].text == "L = y^2"));
  CHECK((!p[2].math && p[2].text == ", so $ alone"));
  CHECK(split_prose("$$x$$").size() == 1);  // display maths is not inline
  CHECK(split_prose("$a\n\nb$")[0].math == false);  // never across a paragraph
  CHECK(split_prose("").empty());
}

TEST_CASE("inline_math LaTeX prose escapes the text and keeps the formulas", "[inline_math]") {
  CHECK(latex_prose("50% of $w^{(l)}_{jk}$ & y_1") == "50\\% of $w^{(l)}_{jk}$ \\& y\\_1");
  CHECK(latex_prose("\\$3 ~ ^") == "\\$3 \\textasciitilde{} \\textasciicircum{}");
}

TEST_CASE("inline_math plain formulas read as deltacheck's answer notation", "[inline_math]") {
  CHECK(plain_formula("L = \\frac12(\\hat y - y)^2") == "L = 1/2(yhat - y)^2");
  CHECK(plain_formula("\\frac{1}{2} (\\hat{y} - y)^2") == "1/2 (yhat - y)^2");
  CHECK(plain_formula("w^{(l)}_{jk}") == "w{l}_jk");
  CHECK(plain_formula("w^{(2)}_{11}") == "w2_11");
  CHECK(plain_formula("\\delta^{(l)}_j = \\partial L/\\partial z^{(l)}_j") ==
        "delta{l}_j = dL/dz{l}_j");
  CHECK(plain_formula("\\frac{\\partial J}{\\partial w^{(1)}_{11}}") == "dJ/dw1_11");
  CHECK(plain_formula("z_1 + \\hat y_2 + s_i") == "z1 + yhat_2 + s_i");
  CHECK(plain_formula("\\partial L/\\partial z_2") == "dL/dz2");
  CHECK(plain_formula("\\sigma'(z) = a(1 - a)") == "sigma'(z) = a(1 - a)");
  CHECK(plain_formula("\\frac{a - y}{a(1 - a)}") == "(a - y)/(a(1 - a))");
  CHECK(plain_formula("w \\leftarrow w - \\eta\\, \\partial L/\\partial w") ==
        "w <- w - eta dL/dw");
  CHECK(plain_formula("\\operatorname{relu}'(z) = \\operatorname{step}(z)") ==
        "relu'(z) = step(z)");
  CHECK(plain_formula("\\lambda \\left(|w_1| + |w_2|\\right) x^{-1} e^{2}") ==
        "lambda (|w1| + |w2|) x^(-1) e^2");
  CHECK(plain_formula("\\sum_k w_k \\cdot x_k") == "sum_k w_k * x_k");
  CHECK(plain_formula("a}b{") == "ab");  // unbalanced braces lose nothing but themselves
}

TEST_CASE("inline_math plain prose renders every formula and keeps the text", "[inline_math]") {
  CHECK(plain_prose("Use the loss $L = \\frac12(\\hat y - y)^2$; it costs \\$0.") ==
        "Use the loss L = 1/2(yhat - y)^2; it costs $0.");
  CHECK(plain_prose("no maths here") == "no maths here");
}

TEST_CASE("symbol_latex names of the answer notation read back by plain_formula as the same names",
          "[inline_math]") {
  CHECK(symbol_latex("z1") == "z_{1}");
  CHECK(symbol_latex("yhat") == "\\hat{y}");
  CHECK(symbol_latex("yhat_j") == "\\hat{y}_{j}");
  CHECK(symbol_latex("lambda") == "\\lambda");
  CHECK(symbol_latex("w_prev") == "w_{\\mathrm{prev}}");
  CHECK(symbol_latex("Loss") == "\\mathrm{Loss}");
  CHECK(symbol_latex("s_i") == "s_{i}");
  for (const char* name : {"z1", "yhat", "yhat_j", "lambda", "w_prev", "Loss", "s_i", "eta", "x"})
    CHECK(plain_formula(symbol_latex(name)) == name);
}
