// The worked solution of an exercise as results: equations, numbers and verification, computed once
// for the writers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <ginac/ginac.h>

#include "core/point.h"
#include "exercises/model/exercise.h"
#include "exercises/verify/verify.h"
#include "solver/scalar.h"
#include "symbolic/derivation.h"

namespace deltacheck {

/// How much of the solution to compute: the parts' answers (what `derive` prints), or the
/// whole worked solution a report shows (also the gradients in two forms and a verification).
enum class SheetContents { answers, worked_solution };

/// A part's worked solution, printed: the one printing every writer uses (derive, report).
struct WrittenSolution {
  /// The right-hand side in the answer syntax and in LaTeX: the exercise's `solution:` as
  /// written (its order and grouping), or else the truth as the canonical printer prints it.
  std::string text, latex;
  /// The steps of working before it: as text (formulas without their '$'), and with each
  /// formula typeset between '$' marks and the prose as written (Markdown as it stands; for
  /// a LaTeX document escape the prose with latex_prose of reports/inline_math.h).
  std::vector<std::string> steps_text, steps_latex;
};

/// Everything a solution document shows, computed; the writers in reports/ only print it.
/// Which members are filled depends on the exercise's kind and the contents asked for.
struct SolutionSheet {
  /// Network and numeric exercises (numeric: worked_solution only): all equations of the network.
  std::optional<Derivation> derivation;
  /// worked_solution of a network or numeric exercise: every gradient in delta form, and the
  /// same in the exercise's printed form (local, or expanded when the exercise asks for it).
  std::vector<Equation> delta_gradients, printed_gradients;
  /// Symbolic exercises: the truth of each part, in the exercise's symbols.
  std::vector<GiNaC::ex> part_expressions;
  /// Symbolic exercises: the worked solution of each part, printed.
  std::vector<WrittenSolution> part_solutions;
  /// Numeric exercises: the student's numbers and the truth of each part at them.
  std::optional<Point> numbers;
  std::vector<Real50> part_values;
  /// worked_solution of a network or numeric exercise: the three-way check of every gradient
  /// at 4 points with 50 digits.
  std::optional<VerifyResult> verification;
};

/// Computes the solution of `ex` (for a numeric exercise at the numbers of `student`).
/// Cost: one Derivation and, for symbolic and numeric exercises, one Checker; worked_solution
/// adds the gradients in two forms and verify_network at 4 points (the slowest step).
/// Throws what Derivation, Checker and verify_network throw (UserError for sizes too large).
SolutionSheet solve_exercise(const Exercise& ex, const std::string& student,
                             SheetContents contents);

}  // namespace deltacheck
