// The deterministic budgets of judging: what an answer may cost, counted before it is evaluated, so
// that grades never depend on the machine's load.
#pragma once

#include <cstddef>
#include <string>

#include <ginac/ginac.h>

namespace deltacheck {

/// Most nodes (numbers, names, operations, function calls) one answer may have once read,
/// counted as a tree (symbolic/expression_size.h). Each node is evaluated at every sample
/// point in 50 digits (about 0.1 ms for a function call at 8 points), so this bounds one part.
/// Every right answer of the built-in exercises, fully expanded (derive --form expanded), is within
/// it.
constexpr std::size_t kMaxAnswerNodes = 1000;

/// Most decimal digits of the exact numbers of one answer in all (numerators and
/// denominators, each use counted): every number is converted at every point, in time
/// quadratic in its digits. Numbers in answers are short (tokenizer.h kMaxNumberDigits).
constexpr std::size_t kMaxAnswerDigits = 1000;

/// Most nodes of all the answers of one file together, counted in the exercise's part
/// order: bounds a file of many parts each near kMaxAnswerNodes.
constexpr std::size_t kMaxFileNodes = 6000;

/// Most answers judged in one file, in the exercise's part order: each wrong one is tried
/// against up to kMaxMistakesTried mistakes (judge.h) whatever its size, so this bounds a file
/// of many tiny answers to an exercise of many parts. The built-in exercises have at most 27.
constexpr std::size_t kMaxAnswersJudged = 300;

/// What judging an answer will cost, each count saturating just above its budget.
struct AnswerCost {
  std::size_t nodes = 0;   // tree size
  std::size_t digits = 0;  // decimal digits of its exact numbers, per use
};

/// The cost of `answer`. Cost: linear in its DAG (memoised), never above the budgets.
AnswerCost answer_cost(const GiNaC::ex& answer);

/// Why an answer of `cost` is not judged when the `answers` judged before it in the file used
/// `file_nodes` nodes, in words that say what to write; "" when it is within every budget.
std::string over_budget(const AnswerCost& cost, std::size_t file_nodes, std::size_t answers);

}  // namespace deltacheck
