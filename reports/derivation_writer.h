// Writing a derivation as an answer file (text), LaTeX or JSON.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "exercises/model/exercise.h"
#include "exercises/solve/solution_sheet.h"
#include "symbolic/derivation.h"

namespace deltacheck {

/// Output format of `derive`.
enum class DerivationFormat { text, latex, json };

/// Reads "text", "latex" or "json"; throws UserError otherwise.
DerivationFormat parse_derivation_format(const std::string& text);

/// Writes the forward equations, yhat, the loss, the deltas (delta form) and every gradient
/// in `form`. Text is an answer file (`KEY = EXPRESSION`, `#` comments) that `check`
/// accepts; JSON uses separated names everywhere (docs/DESIGN.md §6). Same input, same bytes.
/// Throws UserError when the form is too large to print (see Derivation::gradients).
void write_derivation(std::ostream& out, const Derivation& d, Form form, DerivationFormat format);

/// As write_derivation, keeping only the equations `keep` accepts; `heading` starts the title line.
void write_derivation(std::ostream& out, const Derivation& d, Form form, DerivationFormat format,
                      const std::function<bool(const EquationKey&)>& keep,
                      const std::string& heading);

/// The worked solution of an exercise from its `sheet` (solve_exercise with answers, for the
/// same `student`): the equations of its parts (and, in the delta form, the delta rules they
/// use); for a symbolic exercise each part's written solution (SolutionSheet::part_solutions)
/// after its steps (`#` comments in text, \intertext in LaTeX, lists in JSON); for a numeric
/// one each value (of `student`'s numbers) to two more places than asked. As text it is an
/// answer file that `check` gives full marks.
void write_solution(std::ostream& out, const Exercise& ex, const SolutionSheet& sheet, Form form,
                    DerivationFormat format, const std::string& student = "");

}  // namespace deltacheck
