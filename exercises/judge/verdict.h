// The verdicts on an answer file: per part (docs/DESIGN.md §5), the lines that are no part, the
// score.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace deltacheck {

/// docs/DESIGN.md §5.
enum class Verdict { correct, incorrect, invalid, missing };

/// "correct", "incorrect", "invalid", "missing".
const char* verdict_name(Verdict v);

/// The verdict on one part.
struct PartResult {
  std::string key;  // as the answer file writes it
  Verdict verdict = Verdict::missing;
  std::string feedback;  // plain words; for an invalid answer the located error with its caret line
  std::string mistake;   // the tag of a recognised mistake (mistake_kind), or ""
  std::string read_as;   // how the answer was read; "" when missing or unreadable
  bool proved = false;   // correct, and GiNaC proved it
  int line = 0;          // the answer's first line; 0 when missing
  double score = 0, max_score = 1;
};

/// The verdicts on an answer file.
struct CheckResult {
  std::string exercise, answers;  // exercise id, answer file path
  std::vector<PartResult> parts;  // in the exercise's order
  std::vector<std::string>
      problems;  // located errors of lines that are no part (unknown key, no '='), at most 100,
                 // then "and N more lines that are not answers"
  std::vector<std::string> notes;  // keys of the network the exercise does not ask (not graded)
  double score = 0, max_score = 0;
  /// Every part correct and no problem lines.
  bool all_correct() const;
};

}  // namespace deltacheck
