// Checking an answer file: each answer matched to its part, read, and judged by the exercise kind's
// judge.
#include "exercises/judge/checker.h"

#include <algorithm>

#include "core/text.h"
#include "exercises/judge/answer_budget.h"
#include "exercises/judge/judge_network.h"
#include "exercises/judge/judge_numeric.h"
#include "exercises/judge/judge_symbolic.h"
#include "exercises/judge/proof.h"

namespace deltacheck {

namespace {

std::unique_ptr<Judge> judge_for(Exercise exercise, const std::string& student) {
  switch (exercise.kind()) {
    case ExerciseKind::network:
      return std::make_unique<NetworkJudge>(std::move(exercise));
    case ExerciseKind::symbolic:
      return std::make_unique<SymbolicJudge>(std::move(exercise));
    case ExerciseKind::numeric:
      return std::make_unique<NumericJudge>(std::move(exercise), student);
  }
  throw std::logic_error("unknown exercise kind");
}

// Every part unanswered, with its points.
CheckResult unanswered(const Exercise& ex, const AnswerFile& file) {
  CheckResult out;
  out.exercise = ex.id;
  out.answers = file.path;
  for (const Part& p : ex.parts) {
    PartResult r;
    r.key = p.answer_key;
    r.max_score = p.points;
    r.feedback = "no answer";
    out.parts.push_back(r);
  }
  return out;
}

// The located problems of the file and of `unknown` (both in line order) merged by line:
// the first kMaxProblemLines, then how many more there were.
void add_problems(const AnswerFile& file, std::vector<std::pair<int, std::string>>& unknown,
                  std::size_t unknown_left_out, CheckResult& out) {
  std::vector<std::pair<int, std::string>> problems;  // by line
  for (const UserError& e : file.problems) problems.emplace_back(e.where().line, e.formatted());
  problems.insert(problems.end(), std::make_move_iterator(unknown.begin()),
                  std::make_move_iterator(unknown.end()));
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t kept = std::min(problems.size(), kMaxProblemLines);
  for (std::size_t i = 0; i < kept; ++i) out.problems.push_back(std::move(problems[i].second));
  const std::size_t more = problems.size() - kept + file.problems_left_out + unknown_left_out;
  if (more > 0)
    out.problems.push_back("and " + std::to_string(more) + " more lines that are not answers");
}

void mark_proved(const ProofQueue& proofs, CheckResult& out) {
  const std::vector<bool> proved = prove_all(proofs.candidates, kProofSeconds, kProofTotalSeconds);
  for (std::size_t k = 0; k < proved.size(); ++k) {
    if (!proved[k]) continue;
    PartResult& r = out.parts[proofs.parts[k]];
    r.proved = true;
    r.feedback = "proved";
  }
}

// What the answers judged so far in a file used of the budgets of answer_budget.h.
struct BudgetUsed {
  std::size_t nodes = 0, answers = 0;
};

// False, with `r` invalid and the located reason, when the answer read as `value` is over a
// budget of answer_budget.h; else true, and the answer is added to `used`.
bool within_budget(const AnswerFile& file, const Answer& a, const GiNaC::ex& value,
                   BudgetUsed& used, PartResult& r) {
  const AnswerCost cost = answer_cost(value);
  const std::string refused = over_budget(cost, used.nodes, used.answers);
  if (refused.empty()) {
    used.nodes += cost.nodes;
    ++used.answers;
    return true;
  }
  r.verdict = Verdict::invalid;
  r.feedback = UserError(file.locate(a, a.expression_begin), refused).formatted();
  return false;
}

}  // namespace

struct Checker::Assignment {
  std::vector<const Answer*> given;  // per part
  std::vector<bool> twice;           // per part: given more than once (invalid)
};

Checker::Checker(Exercise exercise, const std::string& student)
    : judge_(judge_for(std::move(exercise), student)) {}

std::string Checker::unknown_key(const AnswerFile& file, const Answer& a,
                                 const std::string& why) const {
  const std::vector<Part>& parts = exercise().parts;
  const std::string keys = parts.size() <= 3
                               ? join(parts, ", ", [](const Part& p) { return p.answer_key; })
                               : parts.front().answer_key + " .. " + parts.back().answer_key;
  return UserError(file.locate(a, a.key_begin),
                   "unknown key '" + a.key() + "': " + why + " (this exercise asks for " + keys +
                       "; deltacheck template " + exercise().id + " lists them)")
      .formatted();
}

// Which answer belongs to which part; keys not asked become notes, unknown keys problems,
// a part answered twice is invalid.
Checker::Assignment Checker::assign_answers(const AnswerFile& file, CheckResult& out) const {
  const Exercise& ex = exercise();
  Assignment assigned{std::vector<const Answer*>(ex.parts.size(), nullptr),
                      std::vector<bool>(ex.parts.size(), false)};
  std::vector<std::pair<int, std::string>> unknown;  // by line, at most kMaxProblemLines
  std::size_t unknown_left_out = 0;
  for (const Answer& a : file.answers) {
    PartOrNote found;
    try {
      found = ex.part_for(a.key());
    } catch (const ExpressionError& e) {
      if (unknown.size() < kMaxProblemLines)
        unknown.emplace_back(a.line, unknown_key(file, a, e.what()));
      else
        ++unknown_left_out;
      continue;
    }
    if (const auto* note = std::get_if<std::string>(&found)) {
      out.notes.push_back(file.path + ":" + std::to_string(a.line) + ": " + *note + "; not graded");
      continue;
    }
    const std::size_t index = std::get<std::size_t>(found);
    if (const Answer* first = assigned.given[index]) {
      assigned.twice[index] = true;
      PartResult& r = out.parts[index];
      r.verdict = Verdict::invalid;
      r.feedback = UserError(file.locate(a, a.key_begin),
                             r.key + " is given twice (lines " + std::to_string(first->line) +
                                 " and " + std::to_string(a.line) + "): keep one")
                       .formatted();
      continue;
    }
    assigned.given[index] = &a;
  }
  add_problems(file, unknown, unknown_left_out, out);
  return assigned;
}

// Reads each part's one answer with the names the part allows, and judges it.
void Checker::judge_answers(const AnswerFile& file, const Assignment& assigned, CheckResult& out,
                            ProofQueue& proofs) {
  BudgetUsed used;
  for (std::size_t i = 0; i < assigned.given.size(); ++i) {
    if (!assigned.given[i] || assigned.twice[i]) continue;
    const Answer& a = *assigned.given[i];
    PartResult& r = out.parts[i];
    r.line = a.line;
    if (a.expression().empty()) {
      r.feedback = "no answer after '='";
      continue;
    }
    ReadExpression read;
    try {
      read = read_expression(a.expression(), judge_->names(i));
    } catch (const ExpressionError& e) {
      r.verdict = Verdict::invalid;
      r.feedback = UserError(file.locate(a, a.expression_begin + e.offset()), e.what()).formatted();
      continue;
    }
    if (!within_budget(file, a, read.value, used, r)) continue;
    r.read_as = read.echo;
    judge_->judge(i, read.value, r, proofs);
  }
}

CheckResult Checker::check(const AnswerFile& file, bool prove) {
  CheckResult out = unanswered(exercise(), file);
  const Assignment assigned = assign_answers(file, out);
  ProofQueue proofs;
  judge_answers(file, assigned, out, proofs);
  if (prove) mark_proved(proofs, out);
  for (const PartResult& r : out.parts) {
    out.score += r.score;
    out.max_score += r.max_score;
  }
  return out;
}

}  // namespace deltacheck
