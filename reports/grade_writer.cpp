// Gradebooks and summaries: CSV, Gradescope JSON, per-student JSON, and the class summary in text
// and JSON.
#include "reports/grade_writer.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "core/text.h"
#include "core/text_escape.h"
#include "exercises/grade/check_result_json.h"

namespace deltacheck {

namespace {

std::string dump(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// "1 wrong step", "3 wrong steps".
std::string counted(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "2 carried parts, 1 wrong step"; "" when the counts are all 0.
std::string counts_text(const WorkingCounts& c) {
  std::vector<std::string> items;
  if (c.carried) items.push_back(counted(c.carried, "carried part", "carried parts"));
  if (c.incomplete) items.push_back(counted(c.incomplete, "incomplete part", "incomplete parts"));
  if (c.wrong_steps) items.push_back(counted(c.wrong_steps, "wrong step", "wrong steps"));
  return join(items, ", ");
}

nlohmann::ordered_json step_mistakes_json(const std::vector<StepMistake>& steps) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const StepMistake& m : steps)
    out.push_back({{"step", m.step}, {"mistake", m.mistake}, {"students", m.students}});
  return out;
}

// A part's line of the summary and the lines of its mistakes and wrong steps.
void write_part_summary(std::ostream& out, const PartSummary& p, int students) {
  out << "  " << printable(p.key) << ": " << p.correct << " of " << students << " correct";
  if (p.carried) out << ", " << p.carried << " carried";
  if (p.incomplete) out << ", " << p.incomplete << " incomplete";
  if (p.incorrect) out << ", " << p.incorrect << " incorrect";
  if (p.invalid) out << ", " << p.invalid << " invalid";
  if (p.missing) out << ", " << p.missing << " missing";
  out << "\n";
  for (const auto& [what, count] : p.mistakes)
    out << "    " << count << " of " << students << ": " << printable(what) << "\n";
  for (const StepMistake& m : p.step_mistakes)
    out << "    " << m.students << " of " << students << " at " << printable(m.step) << ": "
        << printable(m.mistake) << "\n";
}

}  // namespace

std::string score_line(const CheckResult& r) {
  const std::string counts = counts_text(working_counts(r));
  return "deltacheck " + r.exercise + ": " + number_text(r.score) + "/" + number_text(r.max_score) +
         (counts.empty() ? "" : " (" + counts + ")");
}

std::string step_text(const StepResult& s) {
  std::string out = s.line > 0 ? "line " + std::to_string(s.line) + ", " : "";
  out += s.key + ": " + verdict_name(s.verdict);
  if (!s.feedback.empty()) out += ": " + s.feedback;
  if (!s.read_as.empty()) out += "\n  read as: " + s.read_as;
  return out;
}

std::string part_working_text(const CheckResult& r, std::size_t i) {
  std::vector<std::string> lines;
  const PartResult& p = r.parts.at(i);
  if (!p.read_as.empty()) lines.push_back("read as: " + p.read_as);
  for (const StepResult& s : p.steps) lines.push_back(step_text(s));
  for (const StepResult& s : r.steps)
    if (s.used_by == static_cast<int>(i)) lines.push_back(step_text(s));
  return join(lines, "\n");
}

std::string unused_definitions_text(const CheckResult& r) {
  std::vector<std::string> lines;
  for (const StepResult& s : r.steps)
    if (s.used_by < 0 || s.used_by >= static_cast<int>(r.parts.size()))
      lines.push_back(step_text(s));
  return join(lines, "\n");
}

std::string gradebook_csv(const Exercise& ex, const std::vector<StudentGrade>& grades) {
  std::vector<const StudentGrade*> sorted;
  for (const StudentGrade& g : grades) sorted.push_back(&g);
  std::stable_sort(sorted.begin(), sorted.end(), [](const StudentGrade* a, const StudentGrade* b) {
    return a->student < b->student;
  });
  std::string out = "student,score,max_score";
  for (const Part& p : ex.parts) out += "," + csv_cell(p.answer_key);
  out += ",carried_parts,wrong_steps\n";
  for (const StudentGrade* g : sorted) {
    out += csv_cell(g->student) + "," + number_text(g->result.score) + "," +
           number_text(g->result.max_score);
    for (const PartResult& p : g->result.parts) out += "," + number_text(p.score);
    const WorkingCounts counts = working_counts(g->result);
    out += "," + std::to_string(counts.carried) + "," + std::to_string(counts.wrong_steps) + "\n";
  }
  return out;
}

std::string gradescope_json(const StudentGrade& g) {
  nlohmann::ordered_json doc;
  doc["score"] = g.result.score;
  std::string output = score_line(g.result);
  if (!g.fault.empty()) output += "\nThe submission could not be graded: " + g.fault;
  for (const std::string& p : g.result.problems)
    if (p != g.fault) output += "\n" + p;
  for (const std::string& n : g.result.notes) output += "\n" + n;
  const std::string unused = unused_definitions_text(g.result);
  if (!unused.empty()) output += "\ndefinitions no part uses:\n" + unused;
  doc["output"] = output;
  doc["output_format"] = "text";
  doc["visibility"] = "visible";
  doc["stdout_visibility"] = "hidden";
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < g.result.parts.size(); ++i) {
    const PartResult& p = g.result.parts[i];
    const std::string working = part_working_text(g.result, i);
    nlohmann::ordered_json t;
    t["name"] = p.key;
    t["number"] = std::to_string(i + 1);
    t["score"] = p.score;
    t["max_score"] = p.max_score;
    t["status"] = p.verdict == Verdict::correct ? "passed" : "failed";
    t["output"] = std::string(verdict_name(p.verdict)) + ": " + p.feedback +
                  (working.empty() ? "" : "\n" + working);
    t["output_format"] = "text";
    t["visibility"] = "visible";
    tests.push_back(t);
  }
  doc["tests"] = tests;
  return dump(doc);
}

std::string student_json(const StudentGrade& g) {
  nlohmann::ordered_json doc;
  doc["student"] = g.student;
  doc.update(check_result_json(g.result));
  const WorkingCounts counts = working_counts(g.result);
  doc["carried_parts"] = counts.carried;
  doc["incomplete_parts"] = counts.incomplete;
  doc["wrong_steps"] = counts.wrong_steps;
  doc["fault"] = g.fault;
  return dump(doc);
}

std::string summary_text(const ClassSummary& s) {
  std::ostringstream out;
  out << "class summary: " << printable(s.exercise) << ", " << s.students << " students";
  if (s.faults) out << " (" << s.faults << " could not be graded)";
  out << "\nscores out of " << number_text(s.max_score) << ": mean " << std::fixed
      << std::setprecision(2) << s.mean << ", median " << s.median << ", lowest " << s.lowest
      << ", highest " << s.highest << "\n"
      << std::defaultfloat;
  int widest = 1;
  for (int c : s.distribution) widest = std::max(widest, c);
  for (int b = 0; b < 10; ++b) {
    const std::string range =
        std::to_string(b * 10) + "-" + (b == 9 ? "100" : std::to_string(b * 10 + 10)) + "%";
    out << "  " << std::setw(8) << range << "  " << std::setw(4) << s.distribution[b] << "  "
        << std::string(s.distribution[b] * 40 / widest, '#') << "\n";
  }
  if (!s.wrong_steps.empty()) {
    const StepMistake& m = s.wrong_steps.front();
    out << "\nmost common wrong step: " << printable(m.step) << ", " << m.students << " of "
        << s.students << " students: " << printable(m.mistake) << "\n";
  }
  out << "\nparts:\n";
  for (const PartSummary& p : s.parts) write_part_summary(out, p, s.students);
  return out.str();
}

std::string summary_json(const ClassSummary& s) {
  nlohmann::ordered_json doc;
  doc["exercise"] = s.exercise;
  doc["students"] = s.students;
  doc["not_graded"] = s.faults;
  doc["max_score"] = s.max_score;
  doc["mean"] = s.mean;
  doc["median"] = s.median;
  doc["lowest"] = s.lowest;
  doc["highest"] = s.highest;
  nlohmann::ordered_json bins = nlohmann::ordered_json::array();
  for (int b = 0; b < 10; ++b)
    bins.push_back(
        {{"from_percent", b * 10}, {"to_percent", b * 10 + 10}, {"students", s.distribution[b]}});
  doc["distribution"] = bins;
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const PartSummary& p : s.parts) {
    nlohmann::ordered_json mistakes = nlohmann::ordered_json::array();
    for (const auto& [what, count] : p.mistakes)
      mistakes.push_back({{"mistake", what}, {"students", count}});
    parts.push_back({{"key", p.key},
                     {"correct", p.correct},
                     {"incorrect", p.incorrect},
                     {"invalid", p.invalid},
                     {"missing", p.missing},
                     {"carried", p.carried},
                     {"incomplete", p.incomplete},
                     {"mistakes", mistakes},
                     {"step_mistakes", step_mistakes_json(p.step_mistakes)}});
  }
  doc["parts"] = parts;
  doc["wrong_steps"] = step_mistakes_json(s.wrong_steps);
  doc["most_common_wrong_step"] = s.wrong_steps.empty()
                                      ? nlohmann::ordered_json(nullptr)
                                      : step_mistakes_json({s.wrong_steps.front()}).front();
  return dump(doc);
}

std::string grades_table(const std::vector<StudentGrade>& grades) {
  std::size_t width = 7;
  for (const StudentGrade& g : grades) width = std::max(width, printable(g.student).size());
  std::ostringstream out;
  out << "student" << std::string(width - 7, ' ') << "  score\n";
  for (const StudentGrade& g : grades) {
    const std::string student = printable(g.student);
    out << student << std::string(width - student.size(), ' ') << "  "
        << number_text(g.result.score) << "/" << number_text(g.result.max_score);
    if (!g.fault.empty()) out << "  (not graded: " << printable(g.fault) << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace deltacheck
