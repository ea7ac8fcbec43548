// Tests of exercises/solve/solution_sheet: the worked solutions of the symbolic exercises, printed
// as the notes write them, each pinned, and each proven equal to its part's truth.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "exercises/judge/proof.h"
#include "exercises/model/symbolic_context.h"
#include "exercises/solve/solution_sheet.h"

using namespace deltacheck;

namespace {

// Each part's key with its printed solution, "KEY = TEXT | LATEX".
std::vector<std::string> printed(const std::string& id) {
  const Exercise ex = load_exercise(id);
  const SolutionSheet sheet = solve_exercise(ex, "", SheetContents::answers);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    out.push_back(ex.parts[i].answer_key + " = " + sheet.part_solutions[i].text + " | " +
                  sheet.part_solutions[i].latex);
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("solution sheet of softmax-jacobian: the softmax Jacobian in s, and dL/dz2 = s2 - y2",
          "[solution_sheet]") {
  const Lines expected{
      "ds1/dz1 = s1*(1 - s1) | s_{1} \\left(1 - s_{1}\\right)",
      "ds1/dz2 = -s1*s2 | -s_{1} s_{2}",
      "ds2/dz1 = -s2*s1 | -s_{2} s_{1}",
      "ds3/dz3 = s3*(1 - s3) | s_{3} \\left(1 - s_{3}\\right)",
      "ds3/dz4 = -s3*s4 | -s_{3} s_{4}",
      "ds4/dz2 = -s4*s2 | -s_{4} s_{2}",
      "dL/dz2 = s2 - y2 | s_{2} - y_{2}",
  };
  CHECK(printed("softmax-jacobian") == expected);
}

TEST_CASE("solution sheet of bce-derivative: dl/dz = a - y, the point of the exercise",
          "[solution_sheet]") {
  const Lines expected{
      "dl/dyhat = -y/yhat + (1 - y)/(1 - yhat) | -\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}}",
      "dl/dz = a - y | a - y",
  };
  CHECK(printed("bce-derivative") == expected);
}

TEST_CASE("solution sheet of regularized-update: the L1 penalty through sign(w1)",
          "[solution_sheet]") {
  const Lines expected{
      "dE1/dw1 = (o - t)*o*(1 - o)*x1 + lambda*sign(w1) | \\left(o - t\\right) o \\left(1 - o\\right) x_{1} + \\lambda \\operatorname{sign}\\left(w_{1}\\right)",
      "new_w1_L1 = w1 - eta*((o - t)*o*(1 - o)*x1 + lambda*sign(w1)) | w_{1} - \\eta \\left(\\left(o - t\\right) o \\left(1 - o\\right) x_{1} + \\lambda \\operatorname{sign}\\left(w_{1}\\right)\\right)",
      "dE2/dw1 = (o - t)*o*(1 - o)*x1 + lambda*w1 | \\left(o - t\\right) o \\left(1 - o\\right) x_{1} + \\lambda w_{1}",
      "new_w1_L2 = w1 - eta*((o - t)*o*(1 - o)*x1 + lambda*w1) | w_{1} - \\eta \\left(\\left(o - t\\right) o \\left(1 - o\\right) x_{1} + \\lambda w_{1}\\right)",
  };
  CHECK(printed("regularized-update") == expected);
}

TEST_CASE(
    "solution sheet of linreg-gd: the gradients share one factor, w0 + w1*x - y, and updates read w - alpha*(...)",
    "[solution_sheet]") {
  const Lines expected{
      "dLoss/dw0 = 2*(w0 + w1*x - y) | 2 \\left(w_{0} + w_{1} x - y\\right)",
      "dLoss/dw1 = 2*(w0 + w1*x - y)*x | 2 \\left(w_{0} + w_{1} x - y\\right) x",
      "w0_new = w0 - alpha*(w0 + w1*x - y) | w_{0} - \\alpha \\left(w_{0} + w_{1} x - y\\right)",
      "w1_new = w1 - alpha*(w0 + w1*x - y)*x | w_{1} - \\alpha \\left(w_{0} + w_{1} x - y\\right) x",
      "w0_batch = w0 - alpha*((w0 + w1*x1 - y1) + (w0 + w1*x2 - y2) + (w0 + w1*x3 - y3)) | w_{0} - \\alpha \\left(\\left(w_{0} + w_{1} x_{1} - y_{1}\\right) + \\left(w_{0} + w_{1} x_{2} - y_{2}\\right) + \\left(w_{0} + w_{1} x_{3} - y_{3}\\right)\\right)",
      "w1_batch = w1 - alpha*((w0 + w1*x1 - y1)*x1 + (w0 + w1*x2 - y2)*x2 + (w0 + w1*x3 - y3)*x3) | w_{1} - \\alpha \\left(\\left(w_{0} + w_{1} x_{1} - y_{1}\\right) x_{1} + \\left(w_{0} + w_{1} x_{2} - y_{2}\\right) x_{2} + \\left(w_{0} + w_{1} x_{3} - y_{3}\\right) x_{3}\\right)",
  };
  CHECK(printed("linreg-gd") == expected);
}

TEST_CASE(
    "solution sheet of momentum-update: the change and the new weight as the notes write them",
    "[solution_sheet]") {
  const Lines expected{
      "dw = -eta*g + alpha*(w - w_prev) | -\\eta g + \\alpha \\left(w - w_{\\mathrm{prev}}\\right)",
      "w_next = w - eta*g + alpha*(w - w_prev) | w - \\eta g + \\alpha \\left(w - w_{\\mathrm{prev}}\\right)",
  };
  CHECK(printed("momentum-update") == expected);
}

TEST_CASE("solution sheet: steps print as text and typeset as LaTeX", "[solution_sheet]") {
  const Exercise ex = load_exercise("bce-derivative");
  const WrittenSolution w = solve_exercise(ex, "", SheetContents::answers).part_solutions[1];
  CHECK(w.steps_text ==
        Lines{"With a in place of yhat, dl/da = -y/a + (1 - y)/(1 - a) = (a - y)/(a*(1 - a)).",
              "The sigmoid's derivative da/dz = sigmoid'(z) = a*(1 - a) cancels that denominator "
              "in dl/dz = dl/da*da/dz."});
  CHECK(
      w.steps_latex ==
      Lines{
          "With $a$ in place of $\\hat{y}$, $\\frac{\\partial l}{\\partial a} = -\\frac{y}{a} + "
          "\\frac{1 - y}{1 - a} = \\frac{a - y}{a \\left(1 - a\\right)}$.",
          "The sigmoid's derivative $\\frac{\\partial a}{\\partial z} = \\sigma'\\left(z\\right) = a "
          "\\left(1 - a\\right)$ cancels that denominator in $\\frac{\\partial l}{\\partial z} = "
          "\\frac{\\partial l}{\\partial a} \\frac{\\partial a}{\\partial z}$."});
}

TEST_CASE("solution sheet: a part without a solution prints its truth as derived",
          "[solution_sheet]") {
  const Exercise ex = parse_exercise(
      "id: x\ntitle: t\nsymbols: {w1: [0.1, 1], lambda: [0, 1]}\n"
      "parts:\n  - {key: g, ask: a, truth: \"diff(lambda*w1^2, w1)\"}\n",
      "x.yaml");
  const WrittenSolution w = solve_exercise(ex, "", SheetContents::answers).part_solutions[0];
  CHECK(w.text == "2*lambda*w1");
  CHECK(w.latex == "2 \\lambda w_{1}");
  CHECK(w.steps_text.empty());
  // Where no solution is written, x/abs(x) prints as the notes write it, sign(x).
  const Exercise l1 = parse_exercise(
      "id: x\ntitle: t\nsymbols: {w1: [0.1, 1], lambda: [0, 1]}\n"
      "parts:\n  - {key: g, ask: a, truth: \"lambda*w1/abs(w1) + 1\"}\n",
      "x.yaml");
  CHECK(solve_exercise(l1, "", SheetContents::answers).part_solutions[0].text ==
        "1 + lambda*sign(w1)");
}

TEST_CASE("solution sheet: a solution that is not its truth refuses the exercise, naming the part",
          "[solution_sheet]") {
  const std::string yaml =
      "id: x\ntitle: t\nsymbols: {w1: [0.1, 1], lambda: [0, 1]}\nparts:\n"
      "  - {key: g, ask: a, truth: \"diff(lambda*w1^2, w1)\", solution: \"2*(lambda*w1)\"}\n"
      "  - {key: h, ask: a, truth: \"diff(lambda*w1^2, w1)\", solution: \"lambda*w1\"}\n";
  try {
    parse_exercise(yaml, "x.yaml");
    FAIL("loaded");
  } catch (const UserError& e) {
    CHECK_THAT(e.formatted(), Catch::StartsWith("x.yaml:6:"));
    CHECK_THAT(e.formatted(),
               Catch::Contains("the solution of h is not its truth: at sample point"));
  }
}

TEST_CASE("solution sheet: every printed solution, text and LaTeX, is proven equal to its truth",
          "[solution_sheet]") {
  int proved = 0;
  for (const std::string& id : builtin_exercise_ids()) {
    const Exercise ex = load_exercise(id);
    if (ex.kind() != ExerciseKind::symbolic) continue;
    const SolutionSheet sheet = solve_exercise(ex, "", SheetContents::answers);
    const SymbolicContext context(ex);
    REQUIRE(sheet.part_solutions.size() == ex.parts.size());
    for (std::size_t i = 0; i < ex.parts.size(); ++i) {
      const SymbolicPart& part = ex.parts[i].symbolic;
      INFO(id << " " << ex.parts[i].answer_key << " = " << sheet.part_solutions[i].text);
      CHECK(!part.solution.empty());
      const GiNaC::ex truth = context.truth(part.truth);
      // The text, and the LaTeX too: the reader reads LaTeX pasted from a solution sheet.
      for (const std::string& printed :
           {sheet.part_solutions[i].text, sheet.part_solutions[i].latex}) {
        INFO(printed);
        CHECK(proves_zero(read_expression(printed, context.names(part.uses)).value - truth));
      }
      ++proved;
    }
  }
  CHECK(proved == 21);
}
