// Tests of reports/derivation_writer: a derivation as an answer file, LaTeX and JSON, and an
// exercise's solution.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "reports/derivation_writer.h"

using namespace deltacheck;

namespace {

std::string written(const Derivation& d, Form form, DerivationFormat format) {
  std::ostringstream out;
  write_derivation(out, d, form, format);
  return out.str();
}

}  // namespace

TEST_CASE("derivation_writer reads its three format names and refuses others",
          "[derivation_writer]") {
  CHECK(parse_derivation_format("text") == DerivationFormat::text);
  CHECK(parse_derivation_format("latex") == DerivationFormat::latex);
  CHECK(parse_derivation_format("json") == DerivationFormat::json);
  CHECK_THROWS_WITH(parse_derivation_format("pdf"),
                    Catch::Contains("unknown format 'pdf': use text, latex or json"));
}

TEST_CASE("derivation_writer text of a one-unit network is an answer file by section",
          "[derivation_writer]") {
  const Derivation d(parse_network("1 linear:1", "squared"));
  CHECK(written(d, Form::delta, DerivationFormat::text) ==
        "# deltacheck derive: network \"1 linear:1\", loss squared, form delta\n"
        "\n"
        "# forward pass\n"
        "z1_1 = w1_11*x1 + b1_1\n"
        "a1_1 = z1_1\n"
        "\n"
        "# output and loss\n"
        "yhat = a1_1\n"
        "L = 1/2*(a1_1 - y)^2\n"
        "\n"
        "# deltas, output layer first\n"
        "delta1_1 = a1_1 - y\n"
        "\n"
        "# gradients of every weight and bias, output layer first\n"
        "dL/dw1_11 = delta1_1*x1\n"
        "dL/db1_1 = delta1_1\n");
}

TEST_CASE("derivation_writer LaTeX and JSON of a one-unit network", "[derivation_writer]") {
  const Derivation d(parse_network("1 linear:1", "squared"));
  CHECK(
      written(d, Form::local, DerivationFormat::latex) ==
      "% deltacheck derive: network \"1 linear:1\", loss squared, form local\n"
      "% forward pass\n"
      "\\begin{align*}\n"
      "  z^{(1)}_{1} &= w^{(1)}_{11} x_{1} + b^{(1)}_{1} \\\\\n"
      "  a^{(1)}_{1} &= z^{(1)}_{1}\n"
      "\\end{align*}\n"
      "% output and loss\n"
      "\\begin{align*}\n"
      "  \\hat{y} &= a^{(1)}_{1} \\\\\n"
      "  L &= \\frac{1}{2} {\\left(a^{(1)}_{1} - y\\right)}^{2}\n"
      "\\end{align*}\n"
      "% gradients of every weight and bias, output layer first\n"
      "\\begin{align*}\n"
      "  \\frac{\\partial L}{\\partial w^{(1)}_{11}} &= \\left(a^{(1)}_{1} - y\\right) x_{1} \\\\\n"
      "  \\frac{\\partial L}{\\partial b^{(1)}_{1}} &= a^{(1)}_{1} - y\n"
      "\\end{align*}\n");
  CHECK(written(d, Form::local, DerivationFormat::json) ==
        "{\n"
        "  \"net\": \"1 linear:1\",\n"
        "  \"loss\": \"squared\",\n"
        "  \"form\": \"local\",\n"
        "  \"forward\": [\n"
        "    {\n"
        "      \"key\": \"z1_1\",\n"
        "      \"expression\": \"w1_1_1*x1 + b1_1\",\n"
        "      \"latex\": \"w^{(1)}_{11} x_{1} + b^{(1)}_{1}\"\n"
        "    },\n"
        "    {\n"
        "      \"key\": \"a1_1\",\n"
        "      \"expression\": \"z1_1\",\n"
        "      \"latex\": \"z^{(1)}_{1}\"\n"
        "    }\n"
        "  ],\n"
        "  \"outputs\": [\n"
        "    {\n"
        "      \"key\": \"yhat\",\n"
        "      \"expression\": \"a1_1\",\n"
        "      \"latex\": \"a^{(1)}_{1}\"\n"
        "    },\n"
        "    {\n"
        "      \"key\": \"L\",\n"
        "      \"expression\": \"1/2*(a1_1 - y)^2\",\n"
        "      \"latex\": \"\\\\frac{1}{2} {\\\\left(a^{(1)}_{1} - y\\\\right)}^{2}\"\n"
        "    }\n"
        "  ],\n"
        "  \"gradients\": [\n"
        "    {\n"
        "      \"key\": \"dL/dw1_1_1\",\n"
        "      \"expression\": \"(a1_1 - y)*x1\",\n"
        "      \"latex\": \"\\\\left(a^{(1)}_{1} - y\\\\right) x_{1}\"\n"
        "    },\n"
        "    {\n"
        "      \"key\": \"dL/db1_1\",\n"
        "      \"expression\": \"a1_1 - y\",\n"
        "      \"latex\": \"a^{(1)}_{1} - y\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE(
    "derivation_writer solution of a numeric exercise prints each value two places beyond the decimals asked",
    "[derivation_writer]") {
  const Exercise ex = load_exercise("numeric-q2-step");
  SolutionSheet sheet;
  for (std::size_t i = 0; i < ex.parts.size(); ++i) sheet.part_values.push_back(Real50(i) / 8);
  std::ostringstream out;
  write_solution(out, ex, sheet, ex.form, DerivationFormat::text, "alice");
  CHECK(out.str() ==
        "# deltacheck derive: exercise numeric-q2-step, student alice\n"
        "z1_1 = 0.000000\n"
        "a1_1 = 0.125000\n"
        "z2_1 = 0.250000\n"
        "z2_2 = 0.375000\n"
        "a2_1 = 0.500000\n"
        "a2_2 = 0.625000\n"
        "delta2_1 = 0.750000\n"
        "delta2_2 = 0.875000\n"
        "delta1_1 = 1.000000\n"
        "dL/dw2_11 = 1.125000\n"
        "dL/dw2_21 = 1.250000\n"
        "dL/db2_1 = 1.375000\n"
        "dL/db2_2 = 1.500000\n"
        "dL/dw1_11 = 1.625000\n"
        "dL/dw1_12 = 1.750000\n"
        "dL/db1_1 = 1.875000\n"
        "new_w2_11 = 2.000000\n"
        "new_w2_21 = 2.125000\n"
        "new_b2_1 = 2.250000\n"
        "new_b2_2 = 2.375000\n"
        "new_w1_11 = 2.500000\n"
        "new_w1_12 = 2.625000\n"
        "new_b1_1 = 2.750000\n");
}

TEST_CASE("derivation_writer solution of a network exercise keeps only the parts asked",
          "[derivation_writer]") {
  const Exercise ex = parse_exercise(
      "id: tiny\ntitle: t\nnetwork: \"1 linear:1\"\nloss: squared\nparts: [dL/db1_1]\n",
      "tiny.yaml");
  SolutionSheet sheet;
  sheet.derivation.emplace(ex.net());
  std::ostringstream out;
  write_solution(out, ex, sheet, Form::local, DerivationFormat::text);
  CHECK(out.str() ==
        "# deltacheck derive: exercise tiny, network \"1 linear:1\", loss squared, form local\n"
        "\n"
        "# gradients of every weight and bias, output layer first\n"
        "dL/db1_1 = a1_1 - y\n");
}

TEST_CASE(
    "derivation_writer solution of a symbolic exercise: its steps, then its solution as written",
    "[derivation_writer]") {
  const Exercise ex = parse_exercise(
      "id: tiny\ntitle: t\nsymbols: {w0: [-1, 1], x: [-1, 1], y: [-1, 1]}\nparts:\n"
      "  - key: dL/dw0\n    ask: a\n    truth: \"diff((w0*x - y)^2, w0)\"\n"
      "    solution: \"2*(w0*x - y)*x\"\n    steps: [\"With $h = w0*x$: $dL/dh = 2*(h - y)$.\"]\n"
      "  - {key: new_w0, ask: b, truth: \"w0 - (w0*x - y)\", solution: \"w0 - (w0*x - y)\"}\n",
      "tiny.yaml");
  const SolutionSheet sheet = solve_exercise(ex, "", SheetContents::answers);
  std::ostringstream text, latex, json;
  write_solution(text, ex, sheet, ex.form, DerivationFormat::text);
  write_solution(latex, ex, sheet, ex.form, DerivationFormat::latex);
  write_solution(json, ex, sheet, ex.form, DerivationFormat::json);
  CHECK(text.str() ==
        "# deltacheck derive: exercise tiny\n"
        "\n"
        "# With h = w0*x: dL/dh = 2*(h - y).\n"
        "dL/dw0 = 2*(w0*x - y)*x\n"
        "new_w0 = w0 - (w0*x - y)\n");
  CHECK(
      latex.str() ==
      "% deltacheck derive: exercise tiny\n"
      "\\begin{align*}\n"
      "  \\intertext{With $h = w_{0} x$: $\\frac{\\partial L}{\\partial h} = 2 \\left(h - y\\right)$.}\n"
      "  \\frac{\\partial L}{\\partial w_{0}} &= 2 \\left(w_{0} x - y\\right) x \\\\\n"
      "  \\text{new\\_w0} &= w_{0} - \\left(w_{0} x - y\\right)\n"
      "\\end{align*}\n");
  const nlohmann::json doc = nlohmann::json::parse(json.str());
  CHECK(doc["parts"][0]["expression"] == "2*(w0*x - y)*x");
  CHECK(doc["parts"][0]["steps"][0] == "With h = w0*x: dL/dh = 2*(h - y).");
  CHECK(doc["parts"][0]["steps_latex"][0] ==
        "With $h = w_{0} x$: $\\frac{\\partial L}{\\partial h} = 2 \\left(h - y\\right)$.");
  CHECK(!doc["parts"][1].contains("steps"));
}
