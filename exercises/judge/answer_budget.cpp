// Counting an answer's nodes and digits before it is judged, and the refusals when over budget.
#include "exercises/judge/answer_budget.h"

#include <algorithm>

#include "symbolic/dag_memo.h"
#include "symbolic/expression_size.h"

namespace deltacheck {

namespace {

// Decimal digits of an exact integer: its bit length times log10(2), rounded up.
std::size_t digits_of_integer(const GiNaC::numeric& n) {
  return static_cast<std::size_t>(n.int_length()) * 30103 / 100000 + 1;
}

std::size_t digits_of(const GiNaC::numeric& n) {
  if (n.is_integer()) return digits_of_integer(n);
  if (n.is_rational()) return digits_of_integer(n.numer()) + digits_of_integer(n.denom());
  return 20;  // an inexact number: converted as 20 digits or so
}

// Digits of the numbers of the tree of `e`, saturating at `limit`; the DAG is walked once.
std::size_t digits_in(const GiNaC::ex& e, std::size_t limit, DagMemo<std::size_t>& memo) {
  if (GiNaC::is_exactly_a<GiNaC::numeric>(e))
    return std::min(limit, digits_of(GiNaC::ex_to<GiNaC::numeric>(e)));
  if (const std::size_t* known = memo.find(e)) return *known;
  std::size_t n = 0;
  for (std::size_t i = 0; i < e.nops() && n < limit; ++i)
    n = std::min(limit, n + digits_in(e.op(i), limit, memo));
  return memo.remember(e, n);
}

}  // namespace

AnswerCost answer_cost(const GiNaC::ex& answer) {
  DagMemo<std::size_t> memo;
  return {tree_size(answer, kMaxAnswerNodes + 1), digits_in(answer, kMaxAnswerDigits + 1, memo)};
}

std::string over_budget(const AnswerCost& cost, std::size_t file_nodes, std::size_t answers) {
  if (answers >= kMaxAnswersJudged)
    return "only the first " + std::to_string(kMaxAnswersJudged) +
           " answers of a file are checked; split the exercise into smaller ones";
  if (cost.nodes > kMaxAnswerNodes)
    return "this answer is too long to check: more than " + std::to_string(kMaxAnswerNodes) +
           " numbers, names, operations and functions; write it with the quantities of the network (a2_1, z3_1, ...) instead of expanding them";
  if (cost.digits > kMaxAnswerDigits)
    return "the numbers of this answer have more than " + std::to_string(kMaxAnswerDigits) +
           " digits in all; write shorter numbers";
  if (file_nodes + cost.nodes > kMaxFileNodes)
    return "the answers before this one use most of the " + std::to_string(kMaxFileNodes) +
           " numbers, names, operations and functions checked in one file; write the answers with the quantities of the network (a2_1, z3_1, ...)";
  return "";
}

}  // namespace deltacheck
