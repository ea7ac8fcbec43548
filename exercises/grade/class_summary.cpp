// Counting the class's verdicts and mistakes part by part.
#include "exercises/grade/class_summary.h"

#include <algorithm>
#include <map>

namespace deltacheck {

ClassSummary summarize(const Exercise& ex, const std::vector<StudentGrade>& grades) {
  ClassSummary s;
  s.exercise = ex.id;
  s.students = static_cast<int>(grades.size());
  s.max_score = ex.max_score();
  s.distribution.assign(10, 0);
  std::vector<double> scores;
  for (const StudentGrade& g : grades) {
    scores.push_back(g.result.score);
    s.faults += g.fault.empty() ? 0 : 1;
    const double fraction = s.max_score > 0 ? g.result.score / s.max_score : 0;
    s.distribution[std::min(9, static_cast<int>(fraction * 10))]++;
  }
  if (!scores.empty()) {
    std::sort(scores.begin(), scores.end());
    double total = 0;
    for (double v : scores) total += v;
    s.mean = total / scores.size();
    const std::size_t n = scores.size();
    s.median = n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
    s.lowest = scores.front();
    s.highest = scores.back();
  }
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    PartSummary p;
    p.key = ex.parts[i].answer_key;
    std::map<std::string, int> mistakes;
    for (const StudentGrade& g : grades) {
      if (i >= g.result.parts.size()) continue;
      const PartResult& r = g.result.parts[i];
      switch (r.verdict) {
        case Verdict::correct:
          ++p.correct;
          break;
        case Verdict::incorrect:
          ++p.incorrect;
          ++mistakes[r.mistake.empty() ? "no known mistake" : r.feedback];
          break;
        case Verdict::invalid:
          ++p.invalid;
          break;
        case Verdict::missing:
          ++p.missing;
          break;
      }
    }
    p.mistakes.assign(mistakes.begin(), mistakes.end());
    std::stable_sort(p.mistakes.begin(), p.mistakes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    s.parts.push_back(p);
  }
  return s;
}

}  // namespace deltacheck
