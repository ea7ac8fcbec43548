// The answer template of an exercise: every key to fill in, each with a comment saying what it
// asks.
#pragma once

#include <ostream>
#include <string>

#include "exercises/model/exercise.h"

namespace deltacheck {

/// Writes an answer file for `ex`: the title, statement and notation (for a numeric exercise
/// the numbers of `student`) as comments, their $...$ formulas as plain text (plain_prose),
/// then one `KEY = ` line per part under a comment describing it. Checked as it is, every
/// part is missing.
void write_answer_template(std::ostream& out, const Exercise& ex, const std::string& student = "");

}  // namespace deltacheck
