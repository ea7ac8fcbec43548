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
    PartResult& r = out.parts[proofs.parts[k]];
    if (!proved[k] || r.verdict != Verdict::correct) continue;
    r.proved = true;
    const std::size_t note = r.feedback.find(';');
    r.feedback = "proved" + (note == std::string::npos ? "" : r.feedback.substr(note));
  }
}

// What the answers judged so far in a file used of the budgets of answer_budget.h.
struct BudgetUsed {
  std::size_t nodes = 0, answers = 0;
};

// The reason the answer read as `value` is over a budget of answer_budget.h, located at `at`
// of `a`; "" when it is within them, and then it is added to `used`.
std::string over(const AnswerFile& file, const Answer& a, std::size_t at, const GiNaC::ex& value,
                 BudgetUsed& used) {
  const AnswerCost cost = answer_cost(value);
  const std::string refused = over_budget(cost, used.nodes, used.answers);
  if (!refused.empty()) return UserError(file.locate(a, at), refused).formatted();
  used.nodes += cost.nodes;
  ++used.answers;
  return "";
}

const char* kEvaluate = "right chain rule; now evaluate the factors";

// True when `s` was read and every definition it uses has a value.
bool usable_step(const Working& work, const ReadStep& s) {
  return s.readable && std::all_of(s.uses.begin(), s.uses.end(),
                                   [&](const auto& u) { return work.definitions()[u.first].ok; });
}

// A key given on several lines: a note when an earlier line's answer disagrees with the last,
// which is graded.
void twice_given_note(const AnswerFile& file, const Working& work, Judge& judge,
                      const Definition& def, std::vector<std::string>& notes) {
  if (def.lines.size() < 2 || !def.ok) return;
  const Answer* graded = def.lines.back();
  for (const ReadStep& s : def.steps) {
    if (s.answer == graded) return;
    if (s.index + 1 != s.answer->steps.size() || !usable_step(work, s)) continue;
    if (!judge.first_difference(work.substituted(s), def.value)) continue;
    const std::string lines =
        std::to_string(s.answer->line) + " and " + std::to_string(graded->line);
    notes.push_back(file.path + ":" + std::to_string(graded->line) + ": " + def.key.name +
                    " is given on lines " + lines + ", and they disagree: line " +
                    std::to_string(graded->line) + " is graded");
    return;
  }
}

}  // namespace

struct Checker::Pass {
  const AnswerFile& file;
  const Working& work;
  CheckResult& out;
  ProofQueue& proofs;
  BudgetUsed used;
  std::vector<Verdict> verdicts;       // per definition, once judged
  std::vector<std::string> feedbacks;  // per definition, once judged
  std::vector<std::string> mistakes;   // per definition, once judged: the mistake named, or ""
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

std::string Checker::refused_use(const Pass& pass, std::size_t i, const Definition& def) const {
  const std::vector<Definition>& defs = pass.work.definitions();
  for (const auto& [u, offset] : def.last().uses) {
    const Definition& used = defs[u];
    const auto symbol = used.quantity ? std::optional<GiNaC::ex>(used.symbol) : std::nullopt;
    if (const auto why = judge_->use_refusal(i, used.value, symbol, used.factors))
      return pass.work.located(def.last(), offset,
                               "'" + used.key.name + "' (defined on line " +
                                   std::to_string(used.line()) + ") stands for " + *why);
  }
  return "";
}

void Checker::judge_part(Pass& pass, std::size_t i) {
  const Definition* def = pass.work.part(i);
  if (!def) return;
  PartResult& r = pass.out.parts[i];
  const ReadStep& last = def->last();
  r.line = def->lines.back()->line;  // the line graded
  if (!last.readable && last.error.empty() && def->error.empty()) {
    r.feedback = "no answer after '='";
    return;
  }
  std::string invalid = def->ok ? refused_use(pass, i, *def) : def->error;
  if (invalid.empty()) invalid = over(pass.file, *last.answer, last.begin(), def->value, pass.used);
  if (!invalid.empty()) {
    r.verdict = Verdict::invalid;
    r.feedback = invalid;
    return;
  }
  r.read_as = last.echo;
  judge_->judge(i, def->value, r, pass.proofs);
  if (!def->factors.empty() && r.verdict == Verdict::correct) {
    if (exercise().require_evaluated) {
      r.verdict = Verdict::incomplete;
      r.score = 0;
      r.feedback = std::string(kEvaluate) + " (this exercise asks for answers without " +
                   join(def->factors, ", ", [](const std::string& f) { return f; }) + ")";
    } else {
      r.feedback += std::string("; ") + kEvaluate;
    }
  }
}

std::vector<StepResult> Checker::chain_rows(Pass& pass, const Definition& def,
                                            const std::string& prefix) {
  std::vector<StepResult> rows;
  const auto usable = [&](const ReadStep& s) { return usable_step(pass.work, s); };
  for (std::size_t k = 1; k < def.steps.size(); ++k) {
    const ReadStep &before = def.steps[k - 1], &after = def.steps[k];
    StepResult row;
    row.key = prefix + "step " + std::to_string(k) + " -> " + std::to_string(k + 1);
    row.line = after.line();
    row.read_as = after.echo;
    const ReadStep& bad = usable(before) ? after : before;
    if (!usable(before) || !usable(after)) {
      row.verdict = Verdict::invalid;
      row.feedback =
          bad.error.empty() ? row.key + ": a step that uses a line with no value" : bad.error;
      rows.push_back(row);
      continue;
    }
    const GiNaC::ex a = pass.work.substituted(before), b = pass.work.substituted(after);
    const std::string budget = over(pass.file, *after.answer, after.begin(), b, pass.used);
    if (!budget.empty()) {
      row.verdict = Verdict::invalid;
      row.feedback = budget;
      rows.push_back(row);
      continue;
    }
    const auto differs = judge_->first_difference(a, b);
    row.verdict = differs ? Verdict::incorrect : Verdict::correct;
    row.feedback =
        row.key + (differs ? ": step " + std::to_string(k + 1) + " differs from step " +
                                 std::to_string(k) + " at " + judge_->point_text(*differs)
                           : ": follows");
    if (differs && def.truth && judge_->matches_truth(*def.truth, a)) {
      PartResult named;
      ProofQueue none;
      none.wanted = false;
      judge_->judge(*def.truth, b, named, none);
      row.feedback = row.key + ": " + named.feedback;
      row.mistake = named.mistake;
    }
    rows.push_back(row);
  }
  return rows;
}

void Checker::judge_definitions(Pass& pass) {
  const std::vector<Definition>& defs = pass.work.definitions();
  for (std::size_t d = 0; d < defs.size(); ++d) {
    const Definition& def = defs[d];
    if (def.key.kind == KeyKind::part) continue;
    StepResult s;
    s.key = def.key.name;
    s.line = def.line();
    s.read_as = def.last().echo;
    for (std::size_t i = 0; i < pass.out.parts.size() && s.used_by < 0; ++i)
      if (const Definition* p = pass.work.part(i))
        if (p->reaches.count(d)) s.used_by = static_cast<int>(i);
    std::string invalid = def.ok ? "" : def.error;
    if (def.ok && def.truth)
      invalid = over(pass.file, *def.last().answer, def.last().begin(), def.value, pass.used);
    if (!def.ok && invalid.empty()) {
      s.feedback = "no expression after '='";
    } else if (!invalid.empty()) {
      s.verdict = Verdict::invalid;
      s.feedback = invalid;
    } else if (def.truth) {
      PartResult r;
      ProofQueue none;
      none.wanted = false;
      judge_->judge(*def.truth, def.value, r, none);
      s.verdict = r.verdict;
      s.feedback = r.feedback;
      s.mistake = r.mistake;
    } else {
      s.verdict = Verdict::correct;
      s.feedback = "";  // a name of one's own: its row shows how it was read
    }
    pass.verdicts[d] = s.verdict;
    pass.feedbacks[d] = s.feedback;
    pass.mistakes[d] = s.mistake;
    pass.out.steps.push_back(s);
    for (StepResult& row : chain_rows(pass, def, def.key.name + ": "))
      pass.out.steps.push_back(row);
    twice_given_note(pass.file, pass.work, *judge_, def, pass.out.notes);
  }
}

// With the true value in place of the wrong deltas a step of the answer's chain uses (kept as
// their symbols, which the judge binds to the truth; the step equal to the answer graded), or
// in a numeric exercise the student's wrong numbers in place of the true ones in the part's
// truth: the wrong definitions the answer follows from.
std::optional<std::set<std::size_t>> Checker::carried_from(Pass& pass, std::size_t i,
                                                           const Definition& def) {
  const std::vector<Definition>& defs = pass.work.definitions();
  const auto wrong = [&](std::size_t d) {
    return defs[d].quantity && defs[d].ok && pass.verdicts[d] == Verdict::incorrect;
  };
  for (auto s = def.steps.rbegin(); s != def.steps.rend(); ++s) {
    if (!usable_step(pass.work, *s)) continue;
    std::set<std::size_t> from;
    for (const auto& [u, offset] : s->uses) {
      if (wrong(u)) from.insert(u);
      for (std::size_t r : defs[u].reaches)
        if (wrong(r)) from.insert(r);
    }
    if (from.empty() || judge_->first_difference(pass.work.substituted(*s), def.value)) continue;
    if (judge_->matches_truth(i, pass.work.substituted(*s, from))) return from;
  }
  if (exercise().kind() != ExerciseKind::numeric) return std::nullopt;
  if (const auto g = given_gradient(pass, i)) {
    // An update follows from the student's own gradient when they gave it: w - eta*G.
    const Definition& gradient = defs[*g];
    const Verdict v = pass.out.parts[*gradient.truth].verdict;
    if (v != Verdict::incorrect && v != Verdict::carried) return std::nullopt;
    const auto truth = judge_->update_from(i, gradient.value);
    if (truth && judge_->matches(i, def.value, *truth)) return std::set<std::size_t>{*g};
    return std::nullopt;
  }
  std::set<std::size_t> in_truth;
  GiNaC::exmap students;
  for (std::size_t d = 0; d < defs.size(); ++d)
    if (wrong(d) && judge_->truth_rhs(i).has(defs[d].symbol)) {
      in_truth.insert(d);
      students[defs[d].symbol] = defs[d].value;
    }
  if (in_truth.empty()) return std::nullopt;
  if (judge_->matches(i, def.value, judge_->truth_rhs(i).subs(students))) return in_truth;
  return std::nullopt;
}

std::optional<std::size_t> Checker::given_gradient(const Pass& pass, std::size_t i) const {
  const Part& update = exercise().parts[i];
  if (update.kind != PartKind::update) return std::nullopt;
  const std::vector<Definition>& defs = pass.work.definitions();
  for (std::size_t d = 0; d < defs.size(); ++d) {
    const auto part = defs[d].truth;
    if (defs[d].key.kind != KeyKind::part || !part || !defs[d].ok) continue;
    const Part& p = exercise().parts[*part];
    if (p.kind == PartKind::equation && p.equation.gradient &&
        p.equation.quantity == update.equation.quantity)
      return d;
  }
  return std::nullopt;
}

void Checker::carry_errors(Pass& pass) {
  const std::vector<Definition>& defs = pass.work.definitions();
  const bool numbers = exercise().kind() == ExerciseKind::numeric;
  for (std::size_t i = 0; i < pass.out.parts.size(); ++i) {
    PartResult& r = pass.out.parts[i];
    const Definition* def = pass.work.part(i);
    if (r.verdict != Verdict::incorrect || !def || !def->ok) continue;
    const auto from = carried_from(pass, i, *def);
    if (!from) continue;
    const std::string names = join(*from, ", ", [&](std::size_t d) { return defs[d].key.name; });
    // A real attempt: not a constant (numbers: not 0), and a mistake deltacheck can name in
    // at least one of them (delta3_1 = y follows from nothing the student derived).
    const bool constant = std::any_of(from->begin(), from->end(), [&](std::size_t d) {
      return numbers ? judge_->value_at(0, defs[d].value) == 0 : defs[d].constant;
    });
    if (constant) {
      r.feedback += "; it follows from your " + names +
                    ", a constant instead of a derivation, which earns no credit";
      continue;
    }
    const bool named = std::any_of(from->begin(), from->end(),
                                   [&](std::size_t d) { return !pass.mistakes[d].empty(); });
    if (!named) {
      r.feedback += "; it follows from your " + names +
                    ", in which no known mistake can be named, so it earns no carried credit";
      continue;
    }
    r.verdict = Verdict::carried;
    r.carried_from = names;
    r.score = exercise().carried_credit * r.max_score;
    // The mistakes named in them (a definition wrong only through another says no more).
    std::vector<std::size_t> named_in;
    for (std::size_t d : *from)
      if (!pass.mistakes[d].empty()) named_in.push_back(d);
    r.feedback = "follows correctly from your " + names + ", which is wrong: " +
                 join(named_in, "; ", [&](std::size_t d) { return pass.feedbacks[d]; });
  }
}

CheckResult Checker::check(const AnswerFile& file, bool prove) {
  CheckResult out = unanswered(exercise(), file);
  const Working work(file, *judge_, reads_, out);
  std::vector<std::pair<int, std::string>> unknown;
  std::size_t unknown_left_out = 0;
  for (const auto& [a, why] : work.unknown()) {
    if (unknown.size() < kMaxProblemLines)
      unknown.emplace_back(a->line, unknown_key(file, *a, why));
    else
      ++unknown_left_out;
  }
  add_problems(file, unknown, unknown_left_out, out);
  ProofQueue proofs;
  proofs.wanted = prove;
  Pass pass{file, work, out, proofs, {}, {}, {}, {}};
  pass.verdicts.assign(work.definitions().size(), Verdict::missing);
  pass.feedbacks.assign(work.definitions().size(), "");
  pass.mistakes.assign(work.definitions().size(), "");
  for (std::size_t i = 0; i < out.parts.size(); ++i) judge_part(pass, i);
  for (std::size_t d = 0; d < work.definitions().size(); ++d) {
    const Definition& def = work.definitions()[d];
    if (def.key.kind != KeyKind::part) continue;
    pass.verdicts[d] = out.parts[def.key.part].verdict;
    pass.feedbacks[d] = out.parts[def.key.part].feedback;
    pass.mistakes[d] = out.parts[def.key.part].mistake;
    out.parts[def.key.part].steps = chain_rows(pass, def, "");
    twice_given_note(file, work, *judge_, def, out.notes);
  }
  judge_definitions(pass);
  carry_errors(pass);
  if (prove) mark_proved(proofs, out);
  for (const PartResult& r : out.parts) {
    out.score += r.score;
    out.max_score += r.max_score;
  }
  return out;
}

}  // namespace deltacheck
