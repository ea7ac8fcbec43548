// Tests of exercises/solve/solution_sheet: the worked solutions of the symbolic exercises, printed
// as the notes write them, each pinned, and each proven equal to its part's truth.
#include <catch2/catch.hpp>

#include "exercises/judge/proof.h"
#include "exercises/model/symbolic_context.h"
#include "exercises/solve/solution_sheet.h"
#include "symbolic/functions.h"

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

TEST_CASE("solution sheet: every printed solution is proven equal to its truth",
          "[solution_sheet]") {
  // sign(x) = x/|x| away from 0, where every truth written with x/abs(x) has its value.
  const GiNaC::ex x = GiNaC::wild(0);
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
      const GiNaC::ex read =
          read_expression(sheet.part_solutions[i].text, context.names(part.uses)).value;
      const GiNaC::ex difference = (read - context.truth(part.truth)).subs(signum(x) == x / abs(x));
      CHECK(proves_zero(difference));
      ++proved;
    }
  }
  CHECK(proved == 21);
}
