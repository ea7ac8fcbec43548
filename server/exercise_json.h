// The JSON of one exercise for the page: statement, notation, parts with points, answer template,
// network SPEC.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "exercises/model/exercise.h"

namespace deltacheck::server {

/// {"id", "title", "kind", "statement", "notes": [LINE], "parts": [{"key", "points", "ask"}],
/// "max_score", "template", "student", "network": {"spec", "loss"} or null (symbolic)}. The
/// notes and template are those of `deltacheck show` and `template` (for a numeric exercise
/// with the numbers of `student`). Uses GiNaC (numeric exercises): call it in one thread.
nlohmann::ordered_json exercise_json(const Exercise& ex, const std::string& student);

/// exercise_json printed as the API sends it (invalid UTF-8 replaced).
std::string exercise_json_text(const Exercise& ex, const std::string& student);

}  // namespace deltacheck::server
