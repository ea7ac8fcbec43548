// Solving an exercise for its solution documents: the same steps, in the same order, as checking
// it.
#include "exercises/solve/solution_sheet.h"

#include "exercises/judge/checker.h"
#include "symbolic/functions.h"
#include "symbolic/printer.h"
#include "symbolic/written_form.h"

namespace deltacheck {

namespace {

// e with every x/|x| written sign(x), as the notes write it (equal wherever e has a value).
GiNaC::ex with_signs(const GiNaC::ex& e) {
  const GiNaC::ex x = GiNaC::wild(0);
  return e.subs(x * GiNaC::pow(GiNaC::abs(x), -1) == signum(x), GiNaC::subs_options::algebraic);
}

// Each part's solution printed: as the exercise writes it, or the truth as derived (the free
// symbols by their own names, x/|x| as sign(x)).
void print_solutions(const Exercise& ex, SolutionSheet& sheet) {
  const Network names = parse_network("1 linear:1", "squared");
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    const SymbolicPart& part = ex.parts[i].symbolic;
    WrittenSolution w;
    if (part.solution.empty()) {
      for (const Syntax syntax : {Syntax::text, Syntax::latex})
        (syntax == Syntax::text ? w.text : w.latex) = print_expression(
            with_signs(sheet.part_expressions[i]), names, {syntax, NameStyle::short_form, true});
    } else {
      w.text = print_written(part.solution, Syntax::text);
      w.latex = print_written(part.solution, Syntax::latex);
    }
    for (const std::string& step : part.steps) {
      w.steps_text.push_back(step_text(step));
      w.steps_latex.push_back(step_latex(step));
    }
    sheet.part_solutions.push_back(std::move(w));
  }
}

// The truth of every part from one Checker: expressions for a symbolic exercise, numbers at
// the student's point for a numeric one.
void solve_parts(const Exercise& ex, const std::string& student, SolutionSheet& sheet) {
  const Checker checker(ex, student);
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    if (ex.kind() == ExerciseKind::symbolic)
      sheet.part_expressions.push_back(checker.solution_expression(i));
    else
      sheet.part_values.push_back(checker.truth(i, 0));
  }
  if (ex.kind() == ExerciseKind::numeric) sheet.numbers = checker.points()[0];
  if (ex.kind() == ExerciseKind::symbolic) print_solutions(ex, sheet);
}

// The network's equations, the gradients in the delta and printed forms, the parts' numbers
// and the verification, in this order: GiNaC numbers its symbols as they are made, and the
// order of terms in the printed sums follows.
SolutionSheet worked_network(const Exercise& ex, const std::string& student) {
  SolutionSheet sheet;
  sheet.derivation.emplace(ex.net());
  sheet.delta_gradients = sheet.derivation->gradients(Form::delta);
  sheet.printed_gradients =
      sheet.derivation->gradients(ex.form == Form::expanded ? Form::expanded : Form::local);
  if (ex.kind() == ExerciseKind::numeric) solve_parts(ex, student, sheet);
  sheet.verification = verify_network(ex.net(), 4, 50, 1);
  return sheet;
}

}  // namespace

SolutionSheet solve_exercise(const Exercise& ex, const std::string& student,
                             SheetContents contents) {
  if (contents == SheetContents::worked_solution && ex.kind() != ExerciseKind::symbolic)
    return worked_network(ex, student);
  SolutionSheet sheet;
  if (ex.kind() == ExerciseKind::network)
    sheet.derivation.emplace(ex.net());
  else
    solve_parts(ex, student, sheet);
  return sheet;
}

}  // namespace deltacheck
