// Writing the verdicts of `deltacheck check`: a readable table with the score, or the JSON of
// docs/DESIGN.md §6.
#pragma once

#include <ostream>

#include "exercises/judge/checker.h"

namespace deltacheck {

/// Text: one row per part (key, verdict, score, feedback; with `echo` also how the answer was
/// read), the problems and notes, then the score. Multi-line feedback (an error quoted with
/// its caret) is indented under its row.
void write_check_text(std::ostream& out, const CheckResult& r, bool echo);

/// JSON: {"exercise", "score", "max_score", "parts": [{"key", "verdict", "feedback", "score",
/// "max_score", "mistake", "read_as", "proved", "line"}], "problems", "notes"}; scores that
/// are whole numbers print without a fraction.
void write_check_json(std::ostream& out, const CheckResult& r);

}  // namespace deltacheck
