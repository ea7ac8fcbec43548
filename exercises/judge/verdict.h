// The verdicts on an answer file: per part (docs/DESIGN.md §5), the lines that are no part, the
// score.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace deltacheck {

/// docs/DESIGN.md §5. `carried`: wrong only because a definition it uses is wrong (with the
/// true value in place of that definition it would be correct); `incomplete`: right, but still
/// in chain-rule factors where the exercise requires evaluated answers.
enum class Verdict { correct, incorrect, invalid, missing, carried, incomplete };

/// "correct", "incorrect", "invalid", "missing", "carried", "incomplete".
const char* verdict_name(Verdict v);

/// One line of working that earns nothing itself: a definition (a name of the student's own,
/// or a quantity of the network the exercise does not ask), or one step of a chain
/// `KEY = A = B = C`. Network quantities and chain steps are judged (correct, incorrect with
/// the mistake named, invalid); a name of the student's own is `correct` once read.
struct StepResult {
  std::string key;  // "delta2_1", "e", or for a chain step "step 2 -> 3"
  Verdict verdict = Verdict::missing;
  std::string feedback;  // as PartResult::feedback
  std::string mistake;   // the tag of a recognised mistake, or ""
  std::string read_as;   // how the step was read
  int line = 0;          // where it is written
  int used_by = -1;      // definitions: the first part (index) whose answer uses it; -1: none
};

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
  std::vector<StepResult> steps;  // the chain steps of its own answer, in order
  std::string carried_from;       // carried: the student's definition it follows from
};

/// The verdicts on an answer file.
struct CheckResult {
  std::string exercise, answers;  // exercise id, answer file path
  std::vector<PartResult> parts;  // in the exercise's order
  std::vector<std::string>
      problems;  // located errors of lines that are no part (unknown key, no '='), at most 100,
                 // then "and N more lines that are not answers"
  std::vector<std::string> notes;  // located remarks that change no verdict (a key read as another)
  std::vector<StepResult> steps;   // definitions that are no part, in file order
  double score = 0, max_score = 0;
  /// Every part correct and no problem lines.
  bool all_correct() const;
};

}  // namespace deltacheck
