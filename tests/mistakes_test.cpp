// Tests of exercises/mistakes: each mutant differs from the truth, and the chain-rule mutants are
// what they claim.
#include <catch2/catch.hpp>

#include "exercises/judge/mistakes.h"
#include "exercises/model/exercise.h"
#include "solver/sample_points.h"
#include "symbolic/evaluate.h"

using namespace deltacheck;
using namespace GiNaC;

TEST_CASE("every mistake is wrong: it differs from the truth at some sample point", "[mistakes]") {
  for (const std::string id :
       {"assign-q1-squared", "assign-q1-crossentropy", "assign-q2-crossentropy"}) {
    const Exercise exercise = load_exercise(id);
    Derivation d(exercise.net());
    std::vector<Evaluator<double>> at(8);
    const std::vector<Point> points = sample_points(exercise.net(), 8, 7);
    for (std::size_t i = 0; i < points.size(); ++i) bind_derivation(at[i], d, points[i]);
    for (const Part& part : exercise.parts) {
      const std::vector<Mistake> mistakes = plausible_mistakes(part.equation, d);
      CHECK(!mistakes.empty());
      for (const Mistake& m : mistakes) {
        INFO(id << " " << exercise.key_text(part.equation) << ": " << m.kind << ": "
                << m.description);
        CHECK(!m.description.empty());
        double largest = 0;
        for (auto& ev : at)
          largest =
              std::max(largest, std::abs(ev.evaluate(m.value) - ev.evaluate(d.rhs(part.equation))));
        CHECK(largest > 1e-9);
      }
    }
  }
}

TEST_CASE("the dropped-derivative mutant of the output layer is the truth without sigmoid'",
          "[mistakes]") {
  const Exercise exercise = load_exercise("assign-q1-squared");
  Derivation d(exercise.net());
  SymbolTable& s = d.symbols();
  const EquationKey key{{QuantityKind::weight, 3, 1, 1}, true};
  const GiNaC::ex a3 = s({QuantityKind::activation, 3, 1, 0}),
                  y = s({QuantityKind::target, 0, 1, 0}),
                  a2 = s({QuantityKind::activation, 2, 1, 0});
  bool found = false;
  for (const Mistake& m : plausible_mistakes(key, d))
    if (m.kind == std::string(mistake_kind::kLossDeltaMixup) &&
        normal(m.value - (a3 - y) * a2).is_zero())
      found = true;
  CHECK(found);
}
