// Tests of the built-in library (exercises/library/*.yaml): every exercise loads, its worked
// solution gets full marks, a wrong answer to any part gets none, and bad files are refused.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <fstream>
#include <set>
#include <sstream>

#include "exercises/judge/checker.h"
#include "reports/derivation_writer.h"

using namespace deltacheck;

namespace {

std::string solution(const Exercise& ex, const std::string& student = "") {
  std::ostringstream out;
  write_solution(out, ex, solve_exercise(ex, student, SheetContents::answers), ex.form,
                 DerivationFormat::text, student);
  return out.str();
}

}  // namespace

TEST_CASE("the library has the ten exercises of docs/DESIGN.md §7 and numeric ones",
          "[exercise_library]") {
  const std::vector<std::string> ids = builtin_exercise_ids();
  const std::set<std::string> have(ids.begin(), ids.end());
  for (const char* id : {"assign-q1-squared", "assign-q1-crossentropy", "assign-q2-crossentropy",
                         "mlp-sigmoid-squared", "delta-rules", "chain-rule-paths", "bce-derivative",
                         "softmax-jacobian", "linreg-gd", "regularized-update", "momentum-update"})
    CHECK(have.count(id) == 1);
  int numeric = 0;
  for (const std::string& id : ids) numeric += load_exercise(id).kind() == ExerciseKind::numeric;
  CHECK(numeric >= 2);
}

TEST_CASE("every exercise's worked solution gets full marks, and a wrong answer to any part none",
          "[exercise_library]") {
  for (const std::string& id : builtin_exercise_ids()) {
    INFO(id);
    const Exercise ex = load_exercise(id);
    CHECK(ex.id == id);
    CHECK(!ex.title.empty());
    CHECK(!ex.statement.empty());
    Checker checker(ex);
    const std::string right = solution(ex);
    const CheckResult r = checker.check(parse_answer_file(right, "solution.txt"));
    for (const PartResult& p : r.parts) {
      INFO(p.key << ": " << p.feedback);
      CHECK(p.verdict == Verdict::correct);
    }
    CHECK(r.score == ex.max_score());
    CHECK(r.all_correct());
    // Each line of the solution made wrong: (expression) + 1.
    std::istringstream in(right);
    std::string wrong;
    for (std::string line; std::getline(in, line);) {
      const auto eq = line.find(" = ");
      wrong += line.empty() || line[0] == '#' || eq == std::string::npos
                   ? line + "\n"
                   : line.substr(0, eq) + " = (" + line.substr(eq + 3) + ") + 1\n";
    }
    // In a numeric exercise a number equal to the truth computed from the student's own
    // wrong numbers (dL/db2_1 = delta2_1, both one too large) is carried, for part credit.
    const CheckResult w = checker.check(parse_answer_file(wrong, "wrong.txt"));
    for (const PartResult& p : w.parts) {
      INFO(p.key << ": " << p.feedback);
      const bool carried = ex.kind() == ExerciseKind::numeric && p.verdict == Verdict::carried;
      CHECK((p.verdict == Verdict::incorrect || carried));
      CHECK(p.score == (carried ? ex.carried_credit * p.max_score : 0));
      CHECK((!carried || !p.carried_from.empty()));
      CHECK(!p.feedback.empty());
    }
  }
}

TEST_CASE("bad exercise files are refused with file, line, column and what is wrong",
          "[exercise_library]") {
  const std::string dir = DELTACHECK_SOURCE_DIR "/tests/data/broken_exercises";
  DIR* d = opendir(dir.c_str());
  REQUIRE(d != nullptr);
  std::vector<std::string> files;
  while (const dirent* e = readdir(d))
    if (std::string(e->d_name).size() > 5 &&
        std::string(e->d_name).substr(std::string(e->d_name).size() - 5) == ".yaml")
      files.push_back(e->d_name);
  closedir(d);
  REQUIRE(files.size() >= 12);
  for (const std::string& name : files) {
    INFO(name);
    std::ifstream in(dir + "/" + name);
    std::string first;
    std::getline(in, first);
    REQUIRE(first.rfind("# expect: ", 0) == 0);
    const std::string expected = first.substr(10);
    try {
      load_exercise(dir + "/" + name);
      FAIL("loaded");
    } catch (const UserError& e) {
      CHECK_THAT(e.formatted(), Catch::Contains(expected));
    }
  }
}

TEST_CASE(
    "numeric exercises: the same student always gets the same numbers, another student others",
    "[exercise_library]") {
  const Exercise ex = load_exercise("numeric-q2-step");
  const Point alice = numeric_point(ex, "alice"), again = numeric_point(ex, "alice"),
              bob = numeric_point(ex, "bob");
  CHECK(alice.values() == again.values());
  CHECK(!(alice.values() == bob.values()));
  CHECK(!(numeric_point(ex, "").values() == alice.values()));
  // Values are hand-sized: one decimal place, nonzero, in [-1, 1]; cross-entropy targets are 0
  // or 1.
  for (const auto& [q, v] : alice.values()) {
    INFO(quantity_name(q, ex.net()));
    if (q.kind == QuantityKind::target)
      CHECK((v.text() == "0" || v.text() == "1"));
    else
      CHECK((v.to_double() != 0 && v.to_double() >= -1 && v.to_double() <= 1 &&
             v.text().size() <= 4));
  }
  // Alice's solution is right for alice and wrong for bob.
  const std::string solution_alice = solution(ex, "alice");
  CHECK(Checker(ex, "alice").check(parse_answer_file(solution_alice, "a.txt")).all_correct());
  CHECK(Checker(ex, "bob").check(parse_answer_file(solution_alice, "a.txt")).score <
        ex.max_score());
}

TEST_CASE("numeric exercises name the mistakes of a hand calculation", "[exercise_library]") {
  const Exercise ex = load_exercise("numeric-mlp-step");
  Checker checker(ex, "carol");
  const CheckResult right = checker.check(parse_answer_file(solution(ex, "carol"), "a.txt"));
  REQUIRE(right.all_correct());
  // Answers a student would get by a known mistake, computed from the truth's own mutants.
  const Point p = numeric_point(ex, "carol");
  Derivation d(ex.net());
  Evaluator<double> ev;
  bind_derivation(ev, d, p);
  const auto value = [&](const GiNaC::ex& e) {
    std::ostringstream out;
    out.precision(8);
    out << std::fixed << ev.evaluate(e);
    return out.str();
  };
  const EquationKey w211{{QuantityKind::weight, 2, 1, 1}, true};
  const GiNaC::ex w = d.symbols()(w211.quantity), g = d.rhs(w211);
  const double eta = 0.1;
  std::string text = "dL/dw2_11 = " + value(-g) + "\n";  // wrong sign
  text += "new_w2_11 = " + value(w + eta * g) + "\n";    // stepped up the gradient
  text += "new_b2_1 = " +
          value(d.symbols()({QuantityKind::bias, 2, 1, 0}) -
                d.rhs({{QuantityKind::bias, 2, 1, 0}, true})) +
          "\n";  // no eta
  const CheckResult r = checker.check(parse_answer_file(text, "a.txt"));
  std::map<std::string, std::string> mistake;
  for (const PartResult& part : r.parts) mistake[part.key] = part.mistake;
  CHECK(mistake["dL/dw2_11"] == mistake_kind::kWrongSign);
  CHECK(mistake["new_w2_11"] == mistake_kind::kWrongSign);
  CHECK(mistake["new_b2_1"] == mistake_kind::kMissingLearningRate);
}

TEST_CASE(
    "numeric answers are numbers: names are refused, and answers count to the stated decimals",
    "[exercise_library]") {
  const Exercise ex = load_exercise("numeric-q2-step");
  Checker checker(ex);
  const double z = checker.truth(0, 0).convert_to<double>();
  std::ostringstream close, far;
  close.precision(4);
  close << std::fixed << z;  // rounded to 4 places: within 1e-4
  far.precision(4);
  far << std::fixed << z + 0.0003;  // 3 units off in the 4th place
  const CheckResult a = checker.check(parse_answer_file("z1_1 = " + close.str() + "\n", "a.txt"));
  CHECK(a.parts[0].verdict == Verdict::correct);
  const CheckResult b = checker.check(parse_answer_file("z1_1 = " + far.str() + "\n", "a.txt"));
  CHECK(b.parts[0].verdict == Verdict::incorrect);
  CHECK_THAT(b.parts[0].feedback, Catch::Contains("to 4 decimal places"));
  const CheckResult c =
      checker.check(parse_answer_file("z1_1 = w1_11*x1 + w1_12*x2 + b1_1\n", "a.txt"));
  CHECK(c.parts[0].verdict == Verdict::invalid);
  CHECK_THAT(c.parts[0].feedback, Catch::Contains("this exercise asks for numbers"));
}
