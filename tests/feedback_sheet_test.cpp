// Tests of check --report: the student's feedback sheet in Markdown, LaTeX and PDF.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::slurp;

namespace {

// An answer file for bce-derivative: the first part wrong, the second right.
std::string bce_answers() {
  return testing::write_file("bce.txt", "dl/dyhat = -y/yhat\ndl/dz = a - y\n");
}

}  // namespace

TEST_CASE("check --report writes the student's answers typeset with verdicts, solutions only when asked",
          "[feedback_sheet]") {
  const std::string answers = bce_answers(), md = testing::scratch("fb.md");
  REQUIRE(run("check bce-derivative " + answers + " --report " + md).status == 1);
  const std::string without = slurp(md);
  CHECK_THAT(without, Catch::Contains("**Part 1**, incorrect, 0 of 1 point: $\\frac{\\partial l}{\\partial \\hat{y}} = -\\frac{y}{\\hat{y}}$  \n") &&
                          Catch::Contains("**Part 2**, correct, 1 of 1 point: $\\frac{\\partial l}{\\partial z} = a - y$\n\n") &&
                          Catch::Contains("Feedback: the second term is missing") &&
                          Catch::Contains("Score: 1 of 2 points."));
  CHECK_THAT(without, !Catch::Contains("Solution:"));
  REQUIRE(run("check bce-derivative " + answers + " --report " + md + " --solutions").status == 1);
  const std::string with = slurp(md);
  CHECK_THAT(with, Catch::Contains("Solution: $\\frac{\\partial l}{\\partial \\hat{y}} = "));
  CHECK(with.find("Solution:") == with.rfind("Solution:"));  // only the part missed
  const std::string tex = testing::scratch("fb.tex");
  REQUIRE(run("check bce-derivative " + answers + " --report " + tex + " --solutions").status == 1);
  const std::string latex = slurp(tex);
  CHECK_THAT(latex, Catch::StartsWith("\\documentclass") && Catch::Contains("\\end{document}") &&
                        Catch::Contains("\\textbf{Part 1}, incorrect, 0 of 1 point: $\\frac{\\partial l}") &&
                        Catch::Contains("Solution: $"));
}

TEST_CASE("check --report keeps a student's dollars and LaTeX out of the sheet's mathematics",
          "[feedback_sheet]") {
  const std::string answers =
      testing::write_file("evil.txt", "dl/dyhat = $\\input{/etc/passwd}$ <b>\ndl/dz = a - y\n");
  const std::string tex = testing::scratch("evil.tex"), md = testing::scratch("evil.md");
  run("check bce-derivative " + answers + " --report " + tex);
  run("check bce-derivative " + answers + " --report " + md);
  CHECK_THAT(slurp(tex), Catch::Contains("\\end{document}") && !Catch::Contains("\\input{"));
  CHECK_THAT(slurp(md), !Catch::Contains("<b>"));
}

TEST_CASE("check --report builds a PDF without overfull boxes, and refuses other extensions",
          "[feedback_sheet]") {
  const std::string q1 = testing::scratch("q1.txt");
  {
    const testing::Run t = run("derive --exercise assign-q1-squared");
    testing::write_file("q1.txt", t.out + "dL/dw3_11 = a2_1\n");
  }
  const std::string tex = testing::scratch("q1fb.tex"), pdf = testing::scratch("q1fb.pdf");
  run("check assign-q1-squared " + q1 + " --report " + tex + " --solutions");
  REQUIRE(testing::run_argv({"latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                             "-outdir=" + testing::scratch("q1fb"), tex})
              .status == 0);
  const std::string log = slurp(testing::scratch("q1fb/q1fb.log"));
  CHECK(log.find("Overfull \\hbox") == std::string::npos);
  CHECK(run("check assign-q1-squared " + q1 + " --report " + pdf).status <= 1);
  CHECK(slurp(pdf).substr(0, 5) == "%PDF-");
  testing::check_user_error("check assign-q1-squared " + q1 + " --report x.html",
                            "--report x.html: name a .pdf, .tex or .md file");
}

TEST_CASE("check --report shows a symbolic answer as written, an unreadable one as typed, and the working of a missed part",
          "[feedback_sheet]") {
  const std::string answers = testing::write_file(
      "softmax.txt", "ds1/dz1 = s1(1 - s1)\nds1/dz2 = -s_1 s_2\nds3/dz3 = e^{z3}/S - s3^2\n");
  const std::string md = testing::scratch("softmax.md");
  REQUIRE(run("check softmax-jacobian " + answers + " --report " + md + " --solutions").status == 1);
  const std::string sheet = slurp(md);
  // The student's s1 and s2, not their definitions in exp(z): nothing is substituted.
  CHECK_THAT(sheet, Catch::Contains("**Part 1**, correct, 1 of 1 point: $\\frac{\\partial s_{1}}{\\partial z_{1}} = s_{1} (1 - s_{1})$"));
  CHECK_THAT(sheet, Catch::Contains("**Part 2**, correct, 1 of 1 point: $\\frac{\\partial s_{1}}{\\partial z_{2}} = -s_{1} s_{2}$"));
  CHECK_THAT(sheet, !Catch::Contains("e^{z_{1}}}{e^{z_{1}} +"));
  // An unreadable answer: the line as typed, and the message that names its column.
  CHECK_THAT(sheet, Catch::Contains("**Part 4**, invalid, 0 of 1 point: written as ds3/dz3 = e^{z3}/S - s3^2  \n"
                                    "Feedback: ") &&
                        Catch::Contains("unknown name 'S'"));
  // The working of a missed part comes before its solution, as derive gives it.
  const std::size_t working = sheet.find("By the chain rule through every $s_{i}$");
  const std::size_t solution = sheet.find("Solution: $\\frac{\\partial L}{\\partial z_{2}} = s_{2} - y_{2}$");
  REQUIRE(working != std::string::npos);
  REQUIRE(solution != std::string::npos);
  CHECK(working < solution);
}
