// Tests of symbolic/reader: exact values, precedence, the echo, every error with its column,
// hostile input.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>

#include "symbolic/functions.h"
#include "symbolic/printer.h"
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
  CHECK(f.error("a1_1*(1 - a1_1") == E{6, "unbalanced brackets: this '(' is never closed"});
  CHECK(f.error("a1_1*(1 - a1_1))") == E{16, "unbalanced brackets: this ')' has no matching '('"});
  CHECK(f.error("(a1_1 - y]") == E{10, "this ']' closes a '(': write )"});
  CHECK(f.error("Sigmod(z2_1)") == E{1, "unknown function 'Sigmod': did you mean sigmoid(...)?"});
  CHECK(f.error("max(x1, z1_1)") ==
        E{1,
          "max is read only as max(0, z) or max(z, 0), which is relu(z): write relu(...) for "
          "those; other maxima are not part of the syntax"});
  CHECK(f.error("max(z1_1)") == E{1, "max reads as max(0, z), which is relu(z): write relu(...)"});
  CHECK(f.error("sigmod(z1_1)") == E{1, "unknown function 'sigmod': did you mean sigmoid(...)?"});
  CHECK(f.error("x1 + w2_31") ==
        E{6, "unknown name 'w2_31': layer 2 joins 2 units to 2 units (w2_11 .. w2_22)"});
  CHECK(f.error("x4") == E{1, "unknown name 'x4': the network has 3 inputs (x1 .. x3)"});
  CHECK(f.error("a4_1") ==
        E{1, "unknown name 'a4_1': the network has layers 1 to 3 (inputs are x1 ..)"});
  CHECK(f.error("e*z1_1") == E{1, "unknown name 'e': write exp(x) for e^x"});
  CHECK(f.error("x1 2") == E{4, "a number after 'x1': write x1*2 to multiply"});
  CHECK(f.error("x1, 2") == E{3, "unexpected ',': only max(0, z) takes two arguments"});
  CHECK(f.error("x1 > 0") ==
        E{4, "a comparison is read only in brackets, as the step: write [z > 0] or step(z)"});
  CHECK(f.error("x1'") ==
        E{3,
          "'x1'' is not read: a prime marks a function's derivative, as in sigmoid'(z), "
          "tanh'(z), relu'(z)"});
  CHECK(f.error("(x1)'") ==
        E{5, "a prime marks a function's derivative: write sigmoid'(z), tanh'(z) or relu'(z)"});
  CHECK(f.error("sigmoid''(x1)").first == 9);
  CHECK(f.error("sigmoid'") == E{8, "sigmoid' needs its argument: write sigmoid'(z)"});
  CHECK(f.error("|x1") == E{1, "unbalanced '|': this '|' is never closed"});
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
  CHECK(f.read("Ln(x1)").echo == "log(x1)");  // a function in other case is read
  CHECK(f.error("logistic(x1)") == E{1, "unknown function 'logistic': write sigmoid(...)"});
  CHECK(f.read("Heaviside(x1)").echo == "step(x1)");
  CHECK(f.error("u(x1)") ==
        E{1, "unknown function 'u': write step(z) for the unit step (1 for z > 0, 0 for z < 0)"});
  CHECK(
      f.error("log10(x1)") ==
      E{1,
        "unknown function 'log10': log is the natural logarithm: write log(x)/log(10) or log(x)/log(2)"});
  CHECK(f.error("dsigma(x1)") ==
        E{1,
          "unknown function 'dsigma': write the derivative as sigma'(z), or written out, "
          "sigma(z)*(1 - sigma(z))"});
  CHECK(f.error("relu_prime(x1)") ==
        E{1,
          "unknown function 'relu_prime': write the derivative as relu'(z), or written out, "
          "step(z)"});
  CHECK(f.error("grad(x1)") ==
        E{1,
          "unknown function 'grad': write a function's derivative with a prime, e.g. "
          "sigmoid'(z), or written out, sigmoid(z)*(1 - sigmoid(z))"});
  CHECK(f.error("lnn(x1)") == E{1, "unknown function 'lnn': did you mean ln(...)?"});
  CHECK(f.error("softmax(x1)") ==
        E{1,
          "unknown function 'softmax': the functions are sigmoid (or sigma), relu, step (or "
          "heaviside or H), tanh, exp, log (or ln), sqrt, cosh, sinh, abs, sign (or sgn), sech"});
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

namespace {

// A resolver of a student's own names on top of the network's: `own` maps a name to its value.
struct OwnNames {
  Network net = parse_network("2 sigmoid:2 tanh:1", "squared");
  SymbolTable symbols{net};
  std::map<std::string, ex> own;
  NameResolver resolver() {
    const NameResolver network = network_names(symbols);
    return [this, network](const std::string& name, std::size_t offset) -> NameMeaning {
      if (const auto it = own.find(name); it != own.end()) return {it->second, name};
      return network(name, offset);
    };
  }
  ReadExpression read(const std::string& text, const ReadOptions& options = {}) {
    return read_expression(text, resolver(), options);
  }
  ex name(const std::string& text) { return read_expression(text, symbols); }
  std::string error(const std::string& text, const ReadOptions& options = {}) {
    try {
      read(text, options);
    } catch (const ExpressionError& e) {
      return std::to_string(code_points_before(text, e.offset()) + 1) + ": " + e.what();
    }
    return "";
  }
};

}  // namespace

TEST_CASE("juxtaposition multiplies where it has one reading, binding like '*'", "[reader]") {
  Fixture f;
  const auto same = [&](const std::string& text, const std::string& explicit_text,
                        const std::string& echo) {
    CAPTURE(text);
    const ReadExpression r = f.read(text);
    CHECK(r.value.is_equal(f.read(explicit_text).value));
    CHECK(r.echo == echo);
  };
  same("w1_21 x1", "w1_21*x1", "w1_21*x1");
  same("2a1_1", "2*a1_1", "2*a1_1");
  same("2(a3_1 - y)", "2*(a3_1 - y)", "2*(a3_1 - y)");
  same("(a3_1 - y)(1 - a3_1)", "(a3_1 - y)*(1 - a3_1)", "(a3_1 - y)*(1 - a3_1)");
  same("a2_1(1-a2_1)", "a2_1*(1-a2_1)", "a2_1*(1 - a2_1)");
  same("2 sigmoid(z1_1)", "2*sigmoid(z1_1)", "2*sigmoid(z1_1)");
  same("1/2a1_1", "(1/2)*a1_1", "(1/2)*a1_1");
  same("2a1_1^2", "2*(a1_1^2)", "2*a1_1^2");
  same("-x1 x2", "-x1*x2", "-x1*x2");
  same("w3_11a2_1", "w3_11*a2_1", "w3_11*a2_1");
  same("x1 |x2|", "x1*abs(x2)", "x1*abs(x2)");
}

TEST_CASE("an unknown name read as a product of known names, or refused with both readings",
          "[reader]") {
  OwnNames f;
  const symbol eta("eta"), g("g"), ay("ay");
  f.own = {{"eta", eta}, {"g", g}};
  CHECK(f.read("etag").value.is_equal(eta * g));
  CHECK(f.read("etag").echo == "eta*g");
  CHECK(f.read("w1_11 - etag").echo == "w1_11 - eta*g");
  f.own["a"] = symbol("a");
  CHECK(f.read("ay").value.is_equal(f.own["a"] * f.name("y")));
  f.own["ay"] = ay;
  CHECK(f.error("2*ay") ==
        "3: 'ay' reads two ways, as ay or as a*y: write the product with '*', and give a name "
        "of your own a spelling that is no product of others");
  CHECK(f.read("a*y").value.is_equal(f.own["a"] * f.name("y")));
  CHECK(f.read("etax1").echo == "eta*x1");
  CHECK(f.error("etaq").find("unknown name 'etaq'") != std::string::npos);
}

TEST_CASE("primes read as the derivative's value; f and f' as the activation of z's layer",
          "[reader]") {
  OwnNames f;
  const ex z = f.name("z1_1"), z2 = f.name("z2_1");
  CHECK(f.read("sigmoid'(z1_1)").value.is_equal(sigmoid(z) * (1 - sigmoid(z))));
  CHECK(f.read("sigmoid'(z1_1)").echo == "sigmoid'(z1_1)");
  CHECK(f.read("sigma'(z1_1)").echo == "sigmoid'(z1_1)");
  CHECK(f.read("\u03c3\u2032(z1_1)").value.is_equal(sigmoid(z) * (1 - sigmoid(z))));
  CHECK(f.read("tanh'(z2_1)").value.is_equal(1 - pow(tanh(z2), 2)));
  CHECK(f.read("relu'(z1_1)").value.is_equal(unit_step(z)));
  CHECK(f.read("exp'(z1_1) + log'(z1_1)").value.is_equal(exp(z) + 1 / z));
  ReadOptions options;
  options.activation = network_activations(f.symbols);
  CHECK(f.read("f'(z1_1)", options).value.is_equal(sigmoid(z) * (1 - sigmoid(z))));
  CHECK(f.read("f'(z1_1)", options).echo == "sigmoid'(z1_1)");
  CHECK(f.read("f(z2_1)", options).value.is_equal(tanh(z2)));
  CHECK(f.read("f'(z2_1)", options).echo == "tanh'(z2_1)");
  CHECK(f.error("f'(x1)", options) ==
        "1: f'(...) is read for a pre-activation, as in f(z2_1): write the function by name, "
        "e.g. sigmoid'(x1)");
  CHECK(f.error("f(z1_1)") ==
        "1: f(...) needs the layer's activation: write it by name, e.g. sigmoid(...), tanh(...) "
        "or relu(...)");
  f.own["f"] = symbol("f");
  CHECK(f.read("f(z1_1)", options).echo == "f*z1_1");  // a name of the student's own
}

TEST_CASE("max(0, z), e^x, sech, sign, |w| and the step's forms", "[reader]") {
  OwnNames f;
  const ex z = f.name("z1_1"), w = f.name("w1_11");
  const ex relu_z = f.read("relu(z1_1)").value;
  CHECK(f.read("max(0, z1_1)").value.is_equal(relu_z));
  CHECK(f.read("max(z1_1, 0)").value.is_equal(relu_z));
  CHECK(f.read("max(0, z1_1)").echo == "relu(z1_1)");
  CHECK(f.read("e^z1_1").value.is_equal(exp(z)));
  CHECK(f.read("e^(-z1_1)").echo == "exp(-z1_1)");
  CHECK(f.read("e^{-z1_1}").value.is_equal(exp(-z)));
  CHECK(f.read("1/(1 + e^-z1_1)").value.is_equal(1 / (1 + exp(-z))));
  const symbol e("e");
  f.own["e"] = e;  // the student's e = a2_1 - y: never Euler's number
  CHECK(f.read("e^2").value.is_equal(pow(e, 2)));
  CHECK(f.read("sech(z1_1)^2").value.is_equal(pow(sech(z), 2)));
  CHECK(f.read("sign(w1_11) + sgn(w1_11)").value.is_equal(2 * signum(w)));
  CHECK(f.read("|w1_11|").value.is_equal(abs(w)));
  CHECK(f.read("|w1_11|").echo == "abs(w1_11)");
  CHECK(f.read("abs'(w1_11)").value.is_equal(signum(w)));
  const ex step = unit_step(z);
  for (const std::string text : {"[z1_1 > 0]", "(z1_1 > 0)", "1{z1_1 > 0}", "1[z1_1>0]", "H(z1_1)",
                                 "heaviside(z1_1)", "step(z1_1)", "[0 < z1_1]"}) {
    CAPTURE(text);
    CHECK(f.read(text).value.is_equal(step));
    CHECK(f.read(text).echo == "step(z1_1)");
  }
  CHECK(f.read("relu'(z1_1)").value.is_equal(f.read("[z1_1 > 0]").value));
  CHECK(f.read("2[z1_1 > 0]").echo == "2*step(z1_1)");
  CHECK(f.read("[z1_1 > x1]").echo == "step(z1_1 - x1)");
}

TEST_CASE("dA/dB is one name when the resolver knows it, a division otherwise", "[reader]") {
  OwnNames f;
  const symbol factor("dL/da2_1");
  const ex da = symbol("da"), dz = symbol("dz");
  f.own = {{"dL/da2_1", factor}, {"da", da}, {"dz", dz}};
  CHECK(f.read("dL/da2_1 * x1").value.is_equal(factor * f.name("x1")));
  CHECK(f.read("dL / da2_1").echo == "dL/da2_1");
  CHECK(f.read("\\frac{\\partial L}{\\partial a^{(2)}_1}").value.is_equal(factor));
  CHECK(f.read("\u2202L/\u2202a2_1").value.is_equal(factor));
  CHECK(f.read("da/dz").value.is_equal(da / dz));  // unknown as one name: a division
  CHECK(f.read("da/dz").echo == "da/dz");
  CHECK(f.error("dL/dw1_11").find("1: unknown name 'dL/dw1_11'") == 0);
  CHECK(f.error("x1*dq/da2_1").find("4: unknown name 'dq/da2_1'") == 0);
}

TEST_CASE("decimal commas read where the caller allows them, outside max", "[reader]") {
  OwnNames f;
  ReadOptions numbers;
  numbers.decimal_comma = true;
  CHECK(f.read("-0,4500", numbers).value.is_equal(numeric(-45, 100)));
  CHECK(f.read("-0,4500", numbers).echo == "-0.4500");
  CHECK(f.read("2,5*x1 + 1,25e-1", numbers)
            .value.is_equal(numeric(5, 2) * f.name("x1") + numeric(1, 8)));
  CHECK(f.read("max(0,5)", numbers).value.is_equal(5));
  CHECK(f.error("-0,4500") == "3: write decimals with a point: 0.4500");
  CHECK(f.error("0, 45", numbers) == "2: unexpected ',': only max(0, z) takes two arguments");
}

TEST_CASE("names a student slips on read as the one name meant", "[reader]") {
  Fixture f;
  CHECK(f.read("A1_1").value.is_equal(f.read("a1_1").value));
  CHECK(f.read("W2_11").echo == "w2_11");
  CHECK(f.read("a3").echo == "a3_1");  // layer 3 has one unit
  CHECK(f.read("delta3 + z3 + b3").echo == "delta3_1 + z3_1 + b3_1");
  CHECK(f.read("w3_1_1").echo == "w3_11");
  CHECK(f.read("w^3_11").echo == "w3_11");
  CHECK(f.read("w^{(3)}_{11}").echo == "w3_11");
  CHECK(f.error("a2") == std::pair<std::size_t, std::string>{
                             1,
                             "unknown name 'a2': write layer and unit as a{layer}_{unit}, "
                             "e.g. a1_1"});
}

TEST_CASE("Unicode and LaTeX answers read with errors at the column written", "[reader]") {
  Fixture f;
  CHECK(f.read("(a3_1 \u2212 y) \u00b7 \u03c3\u2032(z3_1)").echo == "(a3_1 - y)*sigmoid'(z3_1)");
  CHECK(f.read("$\\delta^{(3)}_1 \\cdot a^{(2)}_1$").echo == "delta3_1*a2_1");
  CHECK(f.read("\\frac{1}{2}(a3_1 - y)^{2}").echo == "(1/2)*(a3_1 - y)^2");
  CHECK(f.read("np.exp(-z1_1)").echo == "exp(-z1_1)");
  // σ is two bytes and − three: the column counts characters of the line as written.
  CHECK(f.error("\u03c3(z1_1) \u2212 q") ==
        std::pair<std::size_t, std::string>{11, f.error("sigmoid(z1_1) - q").second});
  CHECK(f.error("\\frac{x1}{x9}").first == 11);
  CHECK(f.error("x1 + \\sum x2").second.find("unknown LaTeX command '\\sum'") != std::string::npos);
}

TEST_CASE("reading stays linear in the length with the new forms", "[reader][hostile]") {
  Fixture f;
  std::string line;
  for (int i = 0; i < 3000; ++i) line += "2a1_1(1 - a1_1)\u00b7\u03c3'(z1_1) + ";
  line += "x1";
  const auto start = std::chrono::steady_clock::now();
  CHECK_NOTHROW(f.read(line));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("the LaTeX deltacheck prints reads back as the same expression", "[reader]") {
  Fixture f;
  for (const std::string text :
       {"(a3_1 - y)*sigmoid(z3_1)*(1 - sigmoid(z3_1))*a2_1", "relu(z1_1)/w2_11 + abs(x1)",
        "sign(x2)*exp(-z1_1) + step(z1_2)", "sqrt(x1)^3 - tanh(x2)^2/(1 + x3)", "yhat - y",
        "delta2_1*w2_11*step(z1_1)", "sech(x1)^2 + log(x2)*cosh(x3)"}) {
    CAPTURE(text);
    const ex value = f.read(text).value;
    const std::string latex = print_expression(value, f.net, {Syntax::latex});
    CAPTURE(latex);
    CHECK(f.read(latex).value.is_equal(value));
  }
}

TEST_CASE("a number written after a factor is refused with the '*' to write", "[reader]") {
  Fixture f;
  using E = std::pair<std::size_t, std::string>;
  CHECK(f.error("(x1 + x2)2") == E{10, "a number after ')': write (...)*2 to multiply"});
  CHECK(f.error("2 3") == E{3, "a number after '2': write 2*3 to multiply"});
}

TEST_CASE("a line of many long names that split stays fast: the lookups for splitting are bounded",
          "[reader][hostile]") {
  Fixture f;
  std::string line = "x1";
  // Names of 24 letters and digits, each a product of x1, x2, x3 and y in another order.
  const std::string parts[] = {"x1", "x2", "x3", "y"};
  for (int i = 0; i < 4000; ++i) {
    std::string name;
    for (int k = 0, n = i; name.size() < 20; ++k, n /= 3) name += parts[(n + k) % 4];
    line += " + " + name;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    f.read(line);
  } catch (const ExpressionError&) {
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(f.read("x1x2y").echo == "x1*x2*y");
}

TEST_CASE("a power written after a function's name, as in tanh^2(z), is the function's power",
          "[reader]") {
  Fixture f;
  CHECK(f.read("tanh^2(z1_1)").value.is_equal(f.read("tanh(z1_1)^2").value));
  CHECK(f.read("\\tanh^2(z1_1)").echo == "tanh(z1_1)^2");
  CHECK(f.read("1 - tanh^{2}(z1_1)").echo == "1 - tanh(z1_1)^2");
  using E = std::pair<std::size_t, std::string>;
  CHECK(
      f.error("sigmoid^-1(x1)") ==
      E{8, "write the power after the argument, e.g. sigmoid(z)^2; sigmoid^-1 is no inverse here"});
  CHECK(
      f.error("d/dz1_1 sigmoid(z1_1)") ==
      E{1, "d/dz is not read: write the derivative's value, e.g. sigmoid'(z) for d/dz sigmoid(z)"});
  CHECK(f.read("\\sigma^{\\prime}(z1_1)").echo == "sigmoid'(z1_1)");
  CHECK(f.read("\\sigma^\\prime(z1_1) + \\sigma^{'}(z1_1)").echo ==
        "sigmoid'(z1_1) + sigmoid'(z1_1)");
}

TEST_CASE("a function in other case reads as the function where no name is written so",
          "[reader]") {
  Fixture f;
  CHECK(f.read("ReLU(z1_1)").echo == "relu(z1_1)");
  CHECK(f.read("Sigmoid'(z2_1)").echo == "sigmoid'(z2_1)");
  CHECK(f.read("TANH(z2_1)").value.is_equal(f.read("tanh(z2_1)").value));
  // A name the resolver knows keeps its meaning: A1_1(...) multiplies the activation a1_1.
  CHECK(f.read("A1_1(1 - a1_1)").echo == "a1_1*(1 - a1_1)");
}

TEST_CASE("the indicator 1[z > 0] after a factor is read, not refused as a number", "[reader]") {
  Fixture f;
  CHECK(f.read("(w2_11 + w2_21) 1[z1_1 > 0]")
            .value.is_equal(f.read("(w2_11 + w2_21)*step(z1_1)").value));
  CHECK(f.error("(w2_11 + w2_21) 2").second == "a number after ')': write (...)*2 to multiply");
}
