// Writing the verdicts of `deltacheck check`: a readable table with the score, or the JSON of
// docs/DESIGN.md §6.
#pragma once

#include <ostream>

#include "exercises/judge/checker.h"

namespace deltacheck {

/// Text: one row per part (key, verdict, score, feedback). Under a part, indented by two
/// spaces: the chain steps of its answer, then the definitions it is the first part to use
/// (file order); each step row has no score and shows how the step was read. A part's own
/// reading ("read as: ...") is shown with `echo`, and without it for a part that is
/// `carried` or `incomplete` or has step rows under it. Definitions no part uses follow the
/// table under "definitions no part uses:", then the problems and notes, then the score
/// line ("(N of M parts correct)", with ", K carried" and ", I incomplete" when there are
/// any). Multi-line feedback (an error quoted with its caret) is indented under its row.
/// The key and verdict columns widen only for a row that needs it, so a result without
/// steps, carried or incomplete parts prints as it always has.
void write_check_text(std::ostream& out, const CheckResult& r, bool echo);

/// JSON: check_result_json (exercises/grade/check_result_json.h) printed with two-space
/// indents and a final newline; scores that are whole numbers print without a fraction.
void write_check_json(std::ostream& out, const CheckResult& r);

}  // namespace deltacheck
