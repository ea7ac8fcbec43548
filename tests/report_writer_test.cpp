// Tests of reports/report_writer: the solution document in Markdown and LaTeX from a given sheet.
#include <catch2/catch.hpp>

#include "reports/report_writer.h"

using namespace deltacheck;

namespace {

const char* kSlope =
    "id: slope\ntitle: A slope\nstatement: Differentiate.\nsymbols: {z: [0, 1]}\n"
    "parts:\n  - {key: d, ask: the slope, truth: \"diff(z^2, z)\", mistakes: [{answer: z, feedback: the power rule}]}\n";

// A symbolic sheet as solve_exercise gives it: one part, its truth 3z.
SolutionSheet slope_sheet() {
  SolutionSheet sheet;
  sheet.part_expressions.push_back(3 * GiNaC::symbol("z"));
  sheet.part_solutions.push_back({"3*z", "3 z", {}, {}});
  return sheet;
}

// A network sheet for "1 linear:1": the derivation, both forms of the gradients and a
// verification made by hand (so the table's digits are known).
SolutionSheet line_sheet(const Exercise& ex) {
  SolutionSheet sheet;
  sheet.derivation.emplace(ex.net());
  sheet.delta_gradients = sheet.derivation->gradients(Form::delta);
  sheet.printed_gradients = sheet.derivation->gradients(Form::local);
  VerifyResult v;
  v.net = ex.net();
  const Quantity w{QuantityKind::weight, 1, 1, 1}, b{QuantityKind::bias, 1, 1, 0};
  v.rows = {{{w, "", "", "", 50, 48.26, 47.91}, {b, "", "", "", 49.5, 46, 45.55}}};
  sheet.verification = v;
  return sheet;
}

}  // namespace

TEST_CASE(
    "report_writer Markdown of a symbolic exercise shows symbols, each part's truth and its mistakes",
    "[report_writer]") {
  const Exercise ex = parse_exercise(kSlope, "slope.yaml");
  CHECK(report_markdown(ex, slope_sheet(), {"", ""}) ==
        "# A slope\n"
        "\n"
        "*deltacheck report: slope. The mathematics is written as $...$ and $$...$$, which GitHub and "
        "Jupyter render.*\n"
        "\n"
        "## Statement\n"
        "\n"
        "Differentiate.\n"
        "\n"
        "## Symbols\n"
        "\n"
        "Symbols: $z$.\n"
        "\n"
        "## Solution\n"
        "\n"
        "### Part 1\n"
        "\n"
        "The slope.\n"
        "\n"
        "$$\n"
        "\\begin{aligned}\n"
        "d &= 3 z\n"
        "\\end{aligned}\n"
        "$$\n"
        "\n"
        "- A common mistake: $z$ -- the power rule\n"
        "\n");
}

TEST_CASE("report_writer LaTeX of a symbolic exercise escapes text and names the student",
          "[report_writer]") {
  const Exercise ex = parse_exercise(kSlope, "slope.yaml");
  CHECK(report_latex(ex, slope_sheet(), {"a_b", ""}) ==
        "% deltacheck report slope --student a_b\n"
        "\\documentclass[11pt]{article}\n"
        "\\usepackage[margin=2cm]{geometry}\n"
        "\\usepackage{cmap}\n"
        "\\usepackage[T1]{fontenc}\n"
        "\\usepackage{amsmath,amssymb}\n"
        "\\usepackage{tikz}\n"
        "\\usepackage{graphicx}\n"
        "\\usepackage{booktabs}\n"
        "\\allowdisplaybreaks\n"
        "\\emergencystretch=3em\n"
        "\\setlength{\\parindent}{0pt}\n"
        "\\setlength{\\parskip}{0.5em}\n"
        "\\title{A slope}\n"
        "\\author{deltacheck: slope, student a\\_b}\n"
        "\\date{}\n"
        "\\begin{document}\n"
        "\\maketitle\n"
        "\\section*{Statement}\n"
        "Differentiate.\n"
        "\n"
        "\\section*{Symbols}\n"
        "Symbols: $z$.\n"
        "\n"
        "\\section*{Solution}\n"
        "\\subsection*{Part 1}\n"
        "The slope.\n"
        "\n"
        "\\begin{align*}\n"
        "d &= 3 z\n"
        "\\end{align*}\n"
        "\\begin{itemize}\n"
        "\\item A common mistake: $z$ -- the power rule\n"
        "\\end{itemize}\n"
        "\\end{document}\n");
}

TEST_CASE(
    "report_writer Markdown of a network exercise has the passes, the gradients asked, the verification and figures",
    "[report_writer]") {
  const Exercise ex = parse_exercise(
      "id: line\ntitle: A line\nstatement: Fit it.\nnetwork: \"1 linear:1\"\nloss: squared\nparts: [dL/dw1_11]\n",
      "line.yaml");
  CHECK(
      report_markdown(ex, line_sheet(ex), {"", "line_plots"}) ==
      "# A line\n"
      "\n"
      "*deltacheck report: line. The mathematics is written as $...$ and $$...$$, which GitHub and "
        "Jupyter render.*\n"
      "\n"
      "## Statement\n"
      "\n"
      "Fit it.\n"
      "\n"
      "## The network\n"
      "\n"
      "The network has 1 input and an output layer of 1 linear unit, with the squared loss (in "
      "deltacheck's notation 1 linear:1). Each layer is fully connected to the next: $w^{(l)}_{jk}$ joins unit $k$ of layer $l-1$ to unit $j$ of layer $l$.\n"
      "\n"
      "```\n"
      "input     layer 1\n"
      "          linear\n"
      "x1    --> a1_1 = yhat\n"
      "```\n"
      "\n"
      "## Forward pass\n"
      "\n"
      "$$\n"
      "\\begin{aligned}\n"
      "z^{(1)}_{1} &= w^{(1)}_{11} x_{1} + b^{(1)}_{1} \\\\\n"
      "a^{(1)}_{1} &= z^{(1)}_{1} \\\\\n"
      "\\hat{y} &= a^{(1)}_{1} \\\\\n"
      "L &= \\frac{1}{2} {\\left(a^{(1)}_{1} - y\\right)}^{2}\n"
      "\\end{aligned}\n"
      "$$\n"
      "\n"
      "## Backward pass\n"
      "\n"
      "The deltas $\\delta^{(l)}_j = \\partial L / \\partial z^{(l)}_j$, output layer first. Simplifications used: for a linear unit, $f'(z) = 1$; squared loss: the output delta is $(a - y)\\, f'(z)$.\n"
      "\n"
      "$$\n"
      "\\begin{aligned}\n"
      "\\delta^{(1)}_{1} &= a^{(1)}_{1} - y\n"
      "\\end{aligned}\n"
      "$$\n"
      "\n"
      "### Gradient of $w^{(1)}_{11}$\n"
      "\n"
      "$$\n"
      "\\begin{aligned}\n"
      "\\frac{\\partial L}{\\partial w^{(1)}_{11}} &= \\frac{\\partial L}{\\partial z^{(1)}_{1}}\\, \\frac{\\partial z^{(1)}_{1}}{\\partial w^{(1)}_{11}} \\\\\n"
      " &= \\delta^{(1)}_{1} x_{1} \\\\\n"
      " &= \\left(a^{(1)}_{1} - y\\right) x_{1}\n"
      "\\end{aligned}\n"
      "$$\n"
      "\n"
      "## Verification\n"
      "\n"
      "Every gradient computed three ways at 4 sample points with 50 significant digits: the symbolic derivation, the backprop, and finite differences. The table gives the fewest digits on which each pair agrees (all must agree to 45).\n"
      "\n"
      "| parameter | symbolic vs backprop | symbolic vs finite differences | backprop vs finite differences |\n"
      "|---|---|---|---|\n"
      "| $w^{(1)}_{11}$ | 50.0 | 48.2 | 47.9 |\n"
      "| $b^{(1)}_{1}$ | 49.5 | 46.0 | 45.5 |\n"
      "\n"
      "## Training\n"
      "\n"
      "The loss per epoch, the decision boundary (for two inputs) and the gradient norm of each layer, from deltacheck train.\n"
      "\n"
      "![line_plots/loss](line_plots/loss.png)\n"
      "\n"
      "![line_plots/boundary](line_plots/boundary.png)\n"
      "\n"
      "![line_plots/gradients](line_plots/gradients.png)\n"
      "\n");
}

TEST_CASE("report_writer sets each numbered item of a statement as its own paragraph, formulas kept",
          "[report_writer]") {
  const Exercise ex = parse_exercise(
      "id: slope\ntitle: A slope\nstatement: |\n  Let $L = \\frac12 z^2$.\n  (1) Differentiate\n"
      "  it. (2) Again.\n  (3) Done.\nsymbols: {z: [0, 1]}\n"
      "parts:\n  - {key: d, ask: the slope, truth: \"diff(z^2, z)\"}\n",
      "slope.yaml");
  const std::string md = report_markdown(ex, slope_sheet(), {"", ""});
  CHECK_THAT(md, Catch::Contains("Let $L = \\frac12 z^2$.\n\n(1) Differentiate\nit. (2) Again.\n\n"
                                 "(3) Done.\n\n"));
  CHECK_THAT(report_latex(ex, slope_sheet(), {"", ""}),
             Catch::Contains("Let $L = \\frac12 z^2$.\n\n(1) Differentiate\nit. (2) Again.\n\n"));
}
