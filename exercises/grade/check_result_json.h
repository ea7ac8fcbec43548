// The JSON of a check result (docs/DESIGN.md §6, check --json), written and read back: one shape
// for reports and grading workers.
#pragma once

#include <nlohmann/json.hpp>

#include "exercises/judge/checker.h"

namespace deltacheck {

/// {"exercise", "score", "max_score", "parts": [{"key", "verdict", "feedback", "score",
/// "max_score", "mistake", "read_as", "proved", "line"}], "problems", "notes"}; scores that are
/// whole numbers without a fraction.
nlohmann::ordered_json check_result_json(const CheckResult& r);

/// The CheckResult a check_result_json wrote (the answer file path is not kept). Throws
/// nlohmann::json::exception on a document of another shape.
CheckResult check_result_from_json(const nlohmann::json& doc);

}  // namespace deltacheck
