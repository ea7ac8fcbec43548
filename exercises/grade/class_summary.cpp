// Counting the class's verdicts, mistakes and wrong steps part by part.
#include "exercises/grade/class_summary.h"

#include <algorithm>
#include <map>
#include <set>

namespace deltacheck {

namespace {

// (step, mistake) -> students.
using StepCounts = std::map<std::pair<std::string, std::string>, int>;

// How a wrong answer or step is grouped: the feedback of a named mistake, else one bucket.
std::string mistake_text(const std::string& tag, const std::string& feedback) {
  return tag.empty() ? "no known mistake" : feedback;
}

// Most frequent first; ties keep the map's alphabetical order.
std::vector<StepMistake> ranked(const StepCounts& counts) {
  std::vector<StepMistake> out;
  for (const auto& [what, students] : counts) out.push_back({what.first, what.second, students});
  std::stable_sort(out.begin(), out.end(), [](const StepMistake& a, const StepMistake& b) {
    return a.students > b.students;
  });
  return out;
}

// The score statistics and the distribution of `grades`.
void add_scores(ClassSummary& s, const std::vector<StudentGrade>& grades) {
  s.distribution.assign(10, 0);
  std::vector<double> scores;
  for (const StudentGrade& g : grades) {
    scores.push_back(g.result.score);
    s.faults += g.fault.empty() ? 0 : 1;
    const double fraction = s.max_score > 0 ? g.result.score / s.max_score : 0;
    s.distribution[std::min(9, static_cast<int>(fraction * 10))]++;
  }
  if (scores.empty()) return;
  std::sort(scores.begin(), scores.end());
  double total = 0;
  for (double v : scores) total += v;
  s.mean = total / scores.size();
  const std::size_t n = scores.size();
  s.median = n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
  s.lowest = scores.front();
  s.highest = scores.back();
}

// Counts one student's verdict on a part (and its mistake when it is wrong).
void add_verdict(PartSummary& p, const PartResult& r, std::map<std::string, int>& mistakes) {
  switch (r.verdict) {
    case Verdict::correct:
      ++p.correct;
      break;
    case Verdict::incorrect:
      ++p.incorrect;
      ++mistakes[mistake_text(r.mistake, r.feedback)];
      break;
    case Verdict::invalid:
      ++p.invalid;
      break;
    case Verdict::missing:
      ++p.missing;
      break;
    case Verdict::carried:
      ++p.carried;
      break;
    case Verdict::incomplete:
      ++p.incomplete;
      break;
  }
}

// One student's wrong steps under part `i` (its chain steps, the definitions it uses first),
// each (step, mistake) once.
std::set<std::pair<std::string, std::string>> wrong_steps_of_part(const CheckResult& r,
                                                                  std::size_t i) {
  std::set<std::pair<std::string, std::string>> out;
  for (const StepResult& s : r.parts[i].steps)
    if (s.verdict == Verdict::incorrect) out.insert({s.key, mistake_text(s.mistake, s.feedback)});
  for (const StepResult& s : r.steps)
    if (s.verdict == Verdict::incorrect && s.used_by == static_cast<int>(i))
      out.insert({s.key, mistake_text(s.mistake, s.feedback)});
  return out;
}

// One student's wrong steps over the file, a chain step named with its part, each once.
std::set<std::pair<std::string, std::string>> wrong_steps_of_file(const CheckResult& r) {
  std::set<std::pair<std::string, std::string>> out;
  for (const PartResult& p : r.parts)
    for (const StepResult& s : p.steps)
      if (s.verdict == Verdict::incorrect)
        out.insert({p.key + " " + s.key, mistake_text(s.mistake, s.feedback)});
  for (const StepResult& s : r.steps)
    if (s.verdict == Verdict::incorrect) out.insert({s.key, mistake_text(s.mistake, s.feedback)});
  return out;
}

// Part `i` of `ex` over the class.
PartSummary summarize_part(const Exercise& ex, std::size_t i,
                           const std::vector<StudentGrade>& grades) {
  PartSummary p;
  p.key = ex.parts[i].answer_key;
  std::map<std::string, int> mistakes;
  StepCounts steps;
  for (const StudentGrade& g : grades) {
    if (i >= g.result.parts.size()) continue;
    add_verdict(p, g.result.parts[i], mistakes);
    for (const auto& wrong : wrong_steps_of_part(g.result, i)) ++steps[wrong];
  }
  p.mistakes.assign(mistakes.begin(), mistakes.end());
  std::stable_sort(p.mistakes.begin(), p.mistakes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  p.step_mistakes = ranked(steps);
  return p;
}

}  // namespace

WorkingCounts working_counts(const CheckResult& r) {
  WorkingCounts c;
  for (const PartResult& p : r.parts) {
    c.carried += p.verdict == Verdict::carried;
    c.incomplete += p.verdict == Verdict::incomplete;
    for (const StepResult& s : p.steps) c.wrong_steps += s.verdict == Verdict::incorrect;
  }
  for (const StepResult& s : r.steps) c.wrong_steps += s.verdict == Verdict::incorrect;
  return c;
}

ClassSummary summarize(const Exercise& ex, const std::vector<StudentGrade>& grades) {
  ClassSummary s;
  s.exercise = ex.id;
  s.students = static_cast<int>(grades.size());
  s.max_score = ex.max_score();
  add_scores(s, grades);
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    s.parts.push_back(summarize_part(ex, i, grades));
  StepCounts steps;
  for (const StudentGrade& g : grades)
    for (const auto& wrong : wrong_steps_of_file(g.result)) ++steps[wrong];
  s.wrong_steps = ranked(steps);
  return s;
}

}  // namespace deltacheck
