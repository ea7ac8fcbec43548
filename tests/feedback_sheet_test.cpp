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
