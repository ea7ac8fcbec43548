// How each line of an answer file is read, before anything is graded: the preview of the page.
#pragma once

#include <nlohmann/json.hpp>

#include "exercises/judge/checker.h"
#include "exercises/read/answer_file.h"

namespace deltacheck::server {

/// The file name the API gives answer files in messages ("answers.txt:3:12: ...").
constexpr const char* kAnswerFileName = "answers.txt";

/// {"lines": [{"line", "key", "read_as", "latex", "error": null or {"line", "column",
/// "message"}}]} in line order: every part and step answered (its reading as text, with the
/// grouping made explicit, and as LaTeX, "" when it cannot be typeset; a chain KEY = A = B = C
/// as the part with the reading of A, then "step 1 -> 2" with B's and "step 2 -> 3" with C's,
/// each on the line where it is written), every unreadable answer
/// and every line that is no answer (the located error, key "" when there is none). Reads
/// through the checker without proofs and shows no verdict. The one place that turns the
/// reader's results into the preview: change it when the reader changes. Uses GiNaC: call it
/// in a child process. `file` must have been parsed with the path kAnswerFileName.
nlohmann::ordered_json read_lines_json(Checker& checker, const AnswerFile& file);

}  // namespace deltacheck::server
