// Tests of symbolic/reader: exact values, precedence, the echo, every error with its column,
// hostile input.
#include <catch2/catch.hpp>

#include <chrono>

#include "symbolic/reader.h"
#include "test_networks.h"

using namespace deltacheck;
using namespace GiNaC;

namespace {

struct Fixture {
  Network net = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  SymbolTable symbols{net};
  ReadExpression read(const std::string& text) {
    return read_expression(text, network_names(symbols));
  }
  // The error's column (1-based, in characters) and message.
  std::pair<std::size_t, std::string> error(const std::string& text) {
    try {
      read(text);
    } catch (const ExpressionError& e) {
      return {code_points_before(text, e.offset()) + 1, e.what()};
    }
    return {0, ""};
  }
};

}  // namespace

TEST_CASE("numbers are exact and operators bind as in the notes", "[reader]") {
  Fixture f;
  CHECK(f.read("0.1").value.is_equal(numeric(1, 10)));
  CHECK(f.read("1e-3").value.is_equal(numeric(1, 1000)));
  CHECK(f.read("2^3^2").value.is_equal(512));  // right-associative
  CHECK(f.read("2**3").value.is_equal(8));
  CHECK(f.read("-2^2").value.is_equal(-4));  // - binds looser than ^
  CHECK(f.read("2^-1").value.is_equal(numeric(1, 2)));
  CHECK(f.read("1/2*4").value.is_equal(2));  // (1/2)*4
  CHECK(f.read("8/2/2").value.is_equal(2));  // left to right
  CHECK(f.read("+3 - -2").value.is_equal(5));
}

TEST_CASE("names in every spelling read as the same symbol; yhat is the output activation",
          "[reader]") {
  Fixture f;
  const ex w = f.symbols({QuantityKind::weight, 2, 1, 1});
  CHECK(f.read("w2_11").value.is_equal(w));
  CHECK(f.read("w2_1_1").value.is_equal(w));
  CHECK(f.read("x_1").value.is_equal(f.read("x1").value));
  CHECK(f.read("a0_2").value.is_equal(f.read("x2").value));
  CHECK(f.read("yhat").value.is_equal(f.read("a3_1").value));
  CHECK(f.read("ln(x1)").value.is_equal(log(f.read("x1").value)));
  CHECK(f.read("sigma(x1)").value.is_equal(f.read("sigmoid(x1)").value));
}

TEST_CASE("the echo shows how an answer was read", "[reader]") {
  Fixture f;
  CHECK(f.read("1/2*a1_1").echo == "(1/2)*a1_1");
  CHECK(f.read("a1_1/b1_1/x1").echo == "(a1_1/b1_1)/x1");
  CHECK(f.read("a1_1/(b1_1*x1)").echo == "a1_1/(b1_1*x1)");
  CHECK(f.read("x1^x2^x3").echo == "x1^(x2^x3)");
  CHECK(f.read("-x1^2").echo == "-(x1^2)");
  CHECK(f.read("x1**2").echo == "x1^2");
  CHECK(f.read("x_1 - -x2").echo == "x1 - (-x2)");
  CHECK(f.read("sigma(z1_1) + ln(x1)").echo == "sigmoid(z1_1) + log(x1)");
  CHECK(f.read("w2_1_1*yhat").echo == "w2_11*yhat");
}

TEST_CASE("every reading error names its column and says what to write", "[reader]") {
  Fixture f;
  using E = std::pair<std::size_t, std::string>;
  CHECK(f.error("2a1_1") ==
        E{2, "missing '*' between '2' and 'a1_1': write 2*a1_1 (no implicit multiplication)"});
  CHECK(f.error("(a1_1 - y)(1 - a1_1)") ==
        E{11, "missing '*' between ')' and '(': write )*(...) (no implicit multiplication)"});
  CHECK(f.error("a1_1*(1 - a1_1") == E{6, "unbalanced parentheses: this '(' is never closed"});
  CHECK(f.error("a1_1*(1 - a1_1))") ==
        E{16, "unbalanced parentheses: this ')' has no matching '('"});
  CHECK(
      f.error("sigmoid'(z2_1)") ==
      E{8,
        "sigmoid' is not part of the syntax: write the derivative out, sigmoid'(z) = sigmoid(z)*(1 - sigmoid(z))"});
  CHECK(f.error("Sigmoid(z2_1)") ==
        E{1, "unknown function 'Sigmoid': names are case-sensitive: write sigmoid(...)"});
  CHECK(f.error("max(0, z1_1)") == E{1, "unknown function 'max': write relu(z) for max(0, z)"});
  CHECK(f.error("sigmod(z1_1)") == E{1, "unknown function 'sigmod': did you mean sigmoid(...)?"});
  CHECK(f.error("a1_1(1 - a1_1)") ==
        E{5, "'a1_1' is not a function: to multiply, write a1_1*(...)"});
  CHECK(f.error("x1 + w2_31") ==
        E{6, "unknown name 'w2_31': layer 2 joins 2 units to 2 units (w2_11 .. w2_22)"});
  CHECK(f.error("x4") == E{1, "unknown name 'x4': the network has 3 inputs (x1 .. x3)"});
  CHECK(f.error("a4_1") ==
        E{1, "unknown name 'a4_1': the network has layers 1 to 3 (inputs are x1 ..)"});
  CHECK(f.error("A1_1") == E{1, "unknown name 'A1_1': names are lower case: write a1_1"});
  CHECK(f.error("e^z1_1") == E{1, "unknown name 'e': write exp(x) for e^x"});
  CHECK(f.error("x1 +") == E{5, "the expression ends too early: expected a number, a name or '('"});
  CHECK(f.error("x1 * * x2") == E{6, "expected a number, a name or '(' before '*'"});
  CHECK(f.error("sigmoid") == E{1, "'sigmoid' is a function: write sigmoid(...)"});
  CHECK(f.error("sigmoid(x1, x2)") == E{11, "sigmoid takes one argument"});
  CHECK(f.error("x1/0") == E{3, "division by zero"});
  CHECK(f.error("x1/(x2 - x2)") == E{3, "division by zero"});
  CHECK(f.error("log(0)") == E{1, "log of 0 is undefined"});
  CHECK(f.error("sqrt(-4)") == E{1, "sqrt of a negative number is not a real number"});
  CHECK(f.error("(-8)^(1/3)") ==
        E{5, "a negative number to a fractional power is not a real number"});
  CHECK(f.error("0^0") == E{2, "0^0 is undefined"});
  CHECK(f.error("L*x1").second ==
        "the loss L cannot be used in an answer: write it out in a and y");
}

TEST_CASE("unknown functions get the advice of the function table, spelled as written",
          "[reader]") {
  Fixture f;
  using E = std::pair<std::size_t, std::string>;
  CHECK(
      f.error("sigma'(z2_1)") ==
      E{6,
        "sigma' is not part of the syntax: write the derivative out, sigma'(z) = sigma(z)*(1 - sigma(z))"});
  CHECK(
      f.error("tanh'(z2_1)") ==
      E{5, "tanh' is not part of the syntax: write the derivative out, tanh'(z) = 1 - tanh(z)^2"});
  CHECK(f.error("Ln(x1)") ==
        E{1, "unknown function 'Ln': names are case-sensitive: write ln(...)"});
  CHECK(f.error("logistic(x1)") == E{1, "unknown function 'logistic': write sigmoid(...)"});
  CHECK(
      f.error("Heaviside(x1)") ==
      E{1,
        "unknown function 'Heaviside': write step(z) for the unit step (1 for z > 0, 0 for z < 0)"});
  CHECK(f.error("sgn(x1)") == E{1, "unknown function 'sgn': write x/abs(x) for sign(x)"});
  CHECK(
      f.error("log10(x1)") ==
      E{1,
        "unknown function 'log10': log is the natural logarithm: write log(x)/log(10) or log(x)/log(2)"});
  CHECK(
      f.error("dsigma(x1)") ==
      E{1,
        "unknown function 'dsigma': derivatives are written out: sigma'(z) is sigma(z)*(1 - sigma(z))"});
  CHECK(f.error("relu_prime(x1)") ==
        E{1, "unknown function 'relu_prime': derivatives are written out: relu'(z) is step(z)"});
  CHECK(
      f.error("grad(x1)") ==
      E{1,
        "unknown function 'grad': derivatives are written out, e.g. sigmoid(z)*(1 - sigmoid(z)) for sigmoid'(z)"});
  CHECK(f.error("lnn(x1)") == E{1, "unknown function 'lnn': did you mean ln(...)?"});
  CHECK(
      f.error("softmax(x1)") ==
      E{1,
        "unknown function 'softmax': the functions are sigmoid (or sigma), relu, step, tanh, exp, log (or ln), sqrt, cosh, sinh, abs"});
  CHECK(f.error("ln(-2)") == E{1, "log of a negative number is undefined"});
  CHECK(f.error("sigma()") == E{7, "sigma() needs an argument"});
}

TEST_CASE(
    "numbers longer than kMaxNumberDigits digits are refused at their start, with what to write",
    "[reader][hostile]") {
  Fixture f;
  const std::string longest(kMaxNumberDigits, '9');
  CHECK(f.read(longest).value.is_equal(pow(numeric(10), static_cast<int>(kMaxNumberDigits)) - 1));
  const auto [column, message] = f.error("x1 + " + longest + "9");
  CHECK(column == 6);
  CHECK(
      message ==
      "number '999999999999...' has 101 digits; at most 100 are read: round it, or write it as a power such as 2^400 or 1.5e-120");
  // 17 lines of 100 000-digit integers once took 44 s to check: now each is refused before any
  // arithmetic.
  const auto start = std::chrono::steady_clock::now();
  for (int line = 0; line < 17; ++line)
    CHECK(f.error(std::string(kMaxExpressionLength, '7')).first == 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("hostile input gets a clear error or a value within a second, never a crash",
          "[reader][hostile]") {
  Fixture f;
  const auto quickly = [&](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    std::string message;
    try {
      f.read(text);
    } catch (const ExpressionError& e) {
      message = e.what();
    }
    // A guard against hangs (the bound is one second; measured: milliseconds), not a speed
    // target.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    return message;
  };
  CHECK(quickly(std::string(1 << 20, '1')).find("characters long") != std::string::npos);
  std::string sum;
  for (int i = 0; i < 5000; ++i) sum += "x1+";
  CHECK(quickly(sum + "x1").empty());
  std::string powers = "x1";  // 12 000 distinct terms: built at once, not one by one (quadratic)
  for (int i = 2; i < 12000; ++i) powers += "+x1^" + std::to_string(i);
  CHECK(quickly(powers).empty());
  CHECK(
      quickly(std::string(10000, '(') + "x1" + std::string(10000, ')')).find("nested too deeply") !=
      std::string::npos);
  CHECK(quickly(std::string(10000, '-') + "x1").find("nested too deeply") != std::string::npos);
  CHECK(quickly("x1^(10^10^10)").find("too large") != std::string::npos);
  CHECK(quickly("2^(10^10)").find("too large") != std::string::npos);
  CHECK(quickly("x1^(10^10)").empty());  // symbolic: kept as a power
  CHECK(quickly(std::string("x1\0x2", 5)).find("control character") != std::string::npos);
  CHECK(quickly("x1 + \xc3\x28").find("invalid UTF-8") != std::string::npos);
  CHECK(quickly("exp(exp(exp(100)))").empty());
  CHECK(quickly("1e1000^1000").find("too large") != std::string::npos);
}
