// Tests of symbolic/notation: Unicode, LaTeX and Python notation rewritten into the answer syntax,
// every byte mapped back to where it was written.
#include <catch2/catch.hpp>

#include "symbolic/notation.h"
#include "symbolic/tokenizer.h"

using namespace deltacheck;

namespace {

std::string plain(const std::string& line) { return canonical_notation(line).text; }

// The message and offset of the error rewriting `line`.
std::pair<std::size_t, std::string> error(const std::string& line) {
  try {
    canonical_notation(line);
  } catch (const ExpressionError& e) {
    return {e.offset(), e.what()};
  }
  return {0, ""};
}

}  // namespace

TEST_CASE("ASCII in the answer syntax comes back unchanged", "[notation]") {
  for (const std::string line :
       {"dL/dw2_11 = delta2_1*a1_1", "x_1 - -x2", "2.5e-3*x1 ** 2", "yhat_1 + w2_1_1",
        "sigmoid'(z2_1)*(1 - a2_1)", "a^(2) + x1^2", "s_3*(1 - s_3)", "(a - y)(1 - a)", ""}) {
    CAPTURE(line);
    const NotationText t = canonical_notation(line);
    CHECK(t.text == line);
    REQUIRE(t.source.size() == line.size() + 1);
    for (std::size_t i = 0; i <= line.size(); ++i) CHECK(t.source[i] == i);
  }
}

TEST_CASE("Unicode operators, Greek names, superscripts and spaces", "[notation]") {
  CHECK(plain("(a3_1 \u2212 y) \u00d7 a3_1") == "(a3_1 - y) * a3_1");
  CHECK(plain("a \u2013 b \u2014 c") == "a - b - c");
  CHECK(plain("a\u00b7b\u22c5c\u2219d\u2217e") == "a*b*c*d*e");
  CHECK(plain("a \u00f7 2") == "a / 2");
  CHECK(plain("z\u00b2 + z\u00b3 + w\u207b\u00b9") == "z^2 + z^3 + w^(-1)");
  CHECK(plain("\u03c3(z2_1)") == "sigmoid(z2_1)");
  CHECK(plain("\u03c3\u2032(z2_1)") == "sigmoid'(z2_1)");
  CHECK(plain("\u03c3'(z) \u2019") == "sigmoid'(z) '");
  CHECK(plain("\u03b43_1") == "delta3_1");
  CHECK(plain("\u03b4^{(3)}_1") == "delta3_1");
  CHECK(plain("\u2202L/\u2202w3_11") == "dL/dw3_11");
  CHECK(plain("\u0394w = \u03b7 g") == "dw = eta g");
  CHECK(plain("\u0177 - y") == "yhat - y");
  CHECK(plain("\u0177\u2081") == "yhat1");
  CHECK(plain("y\u0302") == "yhat");
  CHECK(plain("\u03bb\u03b1") == "lambda alpha");
  CHECK(plain("x\u2081") == "x1");
  CHECK(plain("a\u00a0*\u2009b\u200b") == "a * b");
  CHECK(plain("dL/dw \u2248 0.25") == "dL/dw = 0.25");
  CHECK(plain("2\u03c3(z)") == "2 sigmoid(z)");
  CHECK(plain("\u221a(x)") == "sqrt(x)");
}

TEST_CASE("LaTeX as pasted from a write-up", "[notation]") {
  CHECK(plain("$\\sigma(z^{(2)}_1)$") == "sigmoid(z2_1)");
  CHECK(plain("$$a \\cdot b$$") == "a *b");
  CHECK(plain("\\(a \\times b\\)") == "a *b");
  CHECK(plain("\\tanh(x) + \\exp(x) + \\log(x) + \\ln(x)") == "tanh(x) + exp(x) + log(x) + ln(x)");
  CHECK(plain("\\sigmoid(x)") == "sigmoid(x)");
  CHECK(plain("\\frac{a}{b}") == "a/b");
  CHECK(plain("\\frac{a + b}{c d}") == "(a + b)/(c d)");
  CHECK(plain("\\frac{1}{2}x") == "1/2x");
  CHECK(plain("\\frac12") == "1/2");
  CHECK(plain("x\\frac{1}{\\sigma(z)}") == "x 1/(sigmoid(z))");
  CHECK(plain("\\frac{\\partial L}{\\partial w^{(3)}_{11}}") == "dL/dw3_11");
  CHECK(plain("\\frac{dL}{dw_{11}^{(3)}}") == "dL/dw3_11");
  CHECK(plain("\\frac{\\partial L}{\\partial \\hat{y}}") == "dL/dyhat");
  CHECK(plain("\\left( a - y \\right) \\bigl[ 1 - a \\bigr]") == "( a - y ) [ 1 - a ]");
  CHECK(plain("\\left\\{ z > 0 \\right.") == "( z > 0 ");
  CHECK(plain("w^{(2)}_{11} + w_{11}^{(2)} + a^{(1)}_2 + a_2^{(1)} + z^{[2]}_1") ==
        "w2_11 + w2_11 + a1_2 + a1_2 + z2_1");
  CHECK(plain("\\delta^{(3)}_1 + \\delta_1^{(3)}") == "delta3_1 + delta3_1");
  CHECK(plain("x_{1} + a^{(3)} + w^3_11 + w^{(2)}_{1,1}") == "x1 + a3 + w3_11 + w2_1_1");
  CHECK(plain("z^{2} + e^{-z}") == "z^(2) + e^(-z)");
  CHECK(plain("\\hat{y} + \\hat y + \\hat{y}_1") == "yhat + yhat + yhat1");
  CHECK(plain("a\\,b\\;c\\quad d\\!e") == "a b c de");
  CHECK(plain("\\mathrm{ReLU}(z) + \\operatorname{relu}(z) + \\text{sign}(w)") ==
        "relu(z) + relu(z) + sign(w)");
  CHECK(plain("\\mathrm{d}L") == "dL");
  CHECK(plain("\\mathbb{1}\\{z > 0\\}") == "1(z > 0)");
  CHECK(plain("1{z > 0}") == "1(z > 0)");
  CHECK(plain("a\\sigma(z)") == "a sigmoid(z)");
  CHECK(plain("w_{11}^{(2)}x_1 + a^{(1)}_{2}b") == "w2_11 x_1 + a1_2 b");
  CHECK(plain("\\sigma^{\\prime}(z) + f^\\prime(z)") == "sigmoid'(z) + f'(z)");
  CHECK(plain("\\partial \\mathcal{L}") == "dL");
  CHECK(plain("\u2202L/\u2202a\u00b3_1") == "dL/da3_1");
  CHECK(plain("\\sigma z") == "sigmoid z");
  CHECK(plain("\\frac{\\partial L}{\\partial w^{(3)}_{11}} = \\delta^{(3)}_1 a^{(2)}_1") ==
        "dL/dw3_11 = delta3_1 a2_1");
}

TEST_CASE("Python's module functions are the syntax's functions", "[notation]") {
  CHECK(plain("np.exp(-z) + numpy.exp(z) + math.exp(z)") == "exp(-z) + exp(z) + exp(z)");
  CHECK(plain("np.tanh(z)*math.log(z)*np.log(z)") == "tanh(z)*log(z)*log(z)");
  CHECK(plain("torch.sigmoid(z) + F.relu(z) + torch.nn.functional.relu(z)") ==
        "sigmoid(z) + relu(z) + relu(z)");
  CHECK(plain("np.maximum(0, z) + scipy.special.expit(z)") == "max(0, z) + sigmoid(z)");
  CHECK(plain("math.e**x") == "exp(1)**x");
  CHECK(error("np.foo(x)").first == 0);
  CHECK(error("np.foo(x)").second.find("unknown function 'np.foo'") != std::string::npos);
}

TEST_CASE("every byte of the rewritten text points at the byte it was written as", "[notation]") {
  // "σ" is two bytes, "−" three: the columns of what follows move, the sources do not.
  const std::string line = "\u03c3(z) \u2212 w^{(3)}_{11}";
  const NotationText t = canonical_notation(line);
  REQUIRE(t.text == "sigmoid(z) - w3_11");
  REQUIRE(t.source.size() == t.text.size() + 1);
  CHECK(t.source[0] == 0);                   // s of sigmoid: the σ
  CHECK(t.source[6] == 0);                   // d of sigmoid
  CHECK(t.source[7] == line.find('('));      // (
  CHECK(t.source[8] == line.find('z'));      // z
  CHECK(t.source[11] == line.find('\xe2'));  // - : the −
  CHECK(t.source[13] == line.find('w'));     // w
  CHECK(t.source[14] == line.find('3'));     // the layer 3
  CHECK(t.source[16] == line.find("11"));    // the unit 1
  CHECK(t.source.back() == line.size());
  CHECK(source_offset(t, 13) == line.find('w'));
  CHECK(source_offset(t, 999) == line.size());
  const NotationText f = canonical_notation("$\\frac{a}{b + c}$");
  CHECK(f.text == "a/(b + c)");
  CHECK(f.source[0] == 7);   // a
  CHECK(f.source[3] == 10);  // b
}

TEST_CASE("an unknown LaTeX command or a malformed one is refused where it is written",
          "[notation]") {
  using E = std::pair<std::size_t, std::string>;
  CHECK(error("a + \\sum_i x_i") ==
        E{4, "unknown LaTeX command '\\sum': write the sum out term by term with +"});
  CHECK(error("a + \\foo") ==
        E{4,
          "unknown LaTeX command '\\foo': write this part in plain text, e.g. a*b, (a)/(b), "
          "sigmoid(z), exp(x), w2_11"});
  CHECK(error("[z \\geq 0]").second ==
        "unknown LaTeX command '\\geq': the step is written [z > 0], or step(z)");
  CHECK(error("\\frac{a}") ==
        E{0, "write \\frac{numerator}{denominator}, or (numerator)/(denominator)"});
  CHECK(error("\\frac{a}{b") == E{8, "unbalanced braces: this '{' is never closed"});
  CHECK(error("a \\\\ b").second.find("unknown LaTeX command '\\\\'") != std::string::npos);
  CHECK(error("a \\").second == "a '\\' ends the line: remove it");
  std::string deep = "1";
  for (int i = 0; i < 60; ++i) deep = "\\frac{" + deep + "}{2}";
  CHECK(error(deep).second.find("nested too deeply") != std::string::npos);
}

TEST_CASE("characters it does not know are kept for the tokenizer to explain", "[notation]") {
  CHECK(plain("a \u2211 b") == "a \u2211 b");
  CHECK(plain("a \xff") == "a \xff");
  CHECK(plain("a # b % c") == "a # b % c");
}

TEST_CASE("rewriting a long line takes time linear in its length", "[notation]") {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "\\frac{\\partial L}{\\partial w^{(3)}_{11}} \u00b7 ";
  const NotationText t = canonical_notation(line);
  CHECK(t.text.size() == 20000 * std::string("dL/dw3_11 * ").size());
}

TEST_CASE("rewriting a rewritten line changes nothing, so a reader may rewrite again",
          "[notation]") {
  for (const std::string line :
       {"\\frac{\\partial L}{\\partial w^{(3)}_{11}} = \\delta^{(3)}_1 a^{(2)}_1",
        "\u03c3\u2032(z) \u00b7 (1 \u2212 \u0177)\u00b2", "\\mathbb{1}\\{z > 0\\} + e^{-z}",
        "x\\frac{1}{\\sigma(z)} + \\hat{y}_1 + a_2^{(1)} + w^3_11", "np.exp(-z) + math.e",
        "\\left[ z > 0 \\right] + x_{1} + \\frac{a + b}{c d}"}) {
    CAPTURE(line);
    const std::string once = plain(line);
    CHECK(plain(once) == once);
  }
}

TEST_CASE("words of prose in \\text beside the mathematics are dropped", "[notation]") {
  CHECK(plain("a = b \\quad \\text{(chain rule)}") == "a = b  ");
  CHECK(plain("\\text{yhat} = a3_1") == "yhat = a3_1");
}

TEST_CASE("a bullet is a product and one half a fraction", "[notation]") {
  CHECK(plain("2\u2022\u00BD(a - y)") == "2*(1/2)(a - y)");
}
