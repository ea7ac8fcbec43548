// The feedback sheet of a check: each part's answer typeset beside its verdict, in LaTeX or
// Markdown, and the solutions of the missed parts when asked.
#include "reports/feedback_sheet.h"

#include <iomanip>
#include <sstream>

#include "exercises/model/symbolic_context.h"
#include "reports/answer_prose.h"
#include "reports/inline_math.h"
#include "reports/report_writer.h"
#include "symbolic/printer.h"
#include "symbolic/reader.h"
#include "symbolic/symbols.h"
#include "symbolic/written_form.h"
#include "core/text.h"

namespace deltacheck {

namespace {

// A located error's lines (message, the line as written, the caret), each without its indent.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const std::size_t start = line.find_first_not_of(' ');
    lines.push_back(start == std::string::npos ? "" : line.substr(start));
  }
  return lines;
}

// Text from the answer file (how it was read, the checker's feedback quoting it) as prose that
// holds no formula: each $ becomes \$, so a student cannot write LaTeX into the sheet.
std::string quoted(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '$' ? std::string("\\$") : std::string(1, c);
  return out;
}

// The student's answer as LaTeX, read again from how check read it; "" when it cannot be.
std::string answer_latex(const Exercise& ex, const std::string& read_as) {
  if (read_as.empty()) return "";
  try {
    // As the student wrote it: their order, grouping and names, nothing substituted.
    if (ex.kind() == ExerciseKind::symbolic) return print_written(read_as, Syntax::latex);
    SymbolTable symbols(ex.net());
    return print_expression(read_expression(read_as, symbols), ex.net(), {Syntax::latex});
  } catch (const std::exception&) {
    return "";
  }
}

// The worked solution of part `i` as LaTeX (its right-hand side), "" when there is none.
std::string solution_latex(const Exercise& ex, const SolutionSheet& sheet, std::size_t i) {
  if (ex.kind() == ExerciseKind::symbolic) return sheet.part_solutions[i].latex;
  if (ex.kind() == ExerciseKind::numeric) {
    std::ostringstream v;
    v << std::fixed << std::setprecision(ex.numeric().decimals) << sheet.part_values[i];
    return v.str();
  }
  const Derivation& d = *sheet.derivation;
  const EquationKey& key = ex.parts[i].equation;
  for (const auto& list : {d.forward(), d.outputs(), d.deltas(), d.gradients(ex.form)})
    for (const Equation& e : list)
      if (e.key.quantity == key.quantity && e.key.gradient == key.gradient) return print_expression(e.rhs, ex.net(), {Syntax::latex});
  return "";
}

// The part's key typeset: the network's notation, or key_latex for a symbolic exercise.
std::string part_key_latex(const Exercise& ex, std::size_t i) {
  const Part& p = ex.parts[i];
  return p.kind == PartKind::equation ? p.equation.latex(ex.net()) : key_latex(p.answer_key);
}

// A formula set inline that LaTeX may break inside its parentheses: \left( and \right) make
// unbreakable boxes, so plain parentheses stand for them.
std::string breakable(std::string latex) {
  for (const char* sized : {"\\left", "\\right"})
    for (std::size_t at; (at = latex.find(sized)) != std::string::npos;)
      latex.erase(at, std::string(sized).size());
  return latex;
}

// The network whose names an exercise's feedback uses, or none (a symbolic exercise).
const Network* network_of(const Exercise& ex) {
  return ex.kind() == ExerciseKind::symbolic ? nullptr : &ex.net();
}

// One part's lines of prose with $...$ (the same for both formats): its verdict and score with
// the answer, then for a part not correct the feedback and, when asked, the solution.
std::vector<std::string> part_lines(const Exercise& ex, const PartResult& r,
                                    const SolutionSheet* solutions, std::size_t i) {
  const std::string lhs = part_key_latex(ex, i);
  const std::string typeset = breakable(answer_latex(ex, r.read_as));
  const std::vector<std::string> error = split_lines(r.feedback);  // message, line, caret
  const bool unread = r.verdict == Verdict::invalid && error.size() >= 2;
  const std::string answer = r.verdict == Verdict::missing ? "$" + lhs + "$: no answer."
                             : unread            ? "written as " + quoted(error[1])
                             : typeset.empty()   ? quoted(r.read_as)
                                                 : "$" + lhs + " = " + typeset + "$";
  std::vector<std::string> lines{verdict_name(r.verdict) + (", " + number_text(r.score)) +
                                 " of " + number_text(r.max_score) +
                                 (r.max_score == 1 ? " point: " : " points: ") + answer};
  if (r.verdict == Verdict::correct) return lines;
  if (!r.feedback.empty())
    lines.push_back("Feedback: " + (unread ? quoted(error[0])  // the message names the column
                                    : r.verdict == Verdict::invalid
                                        ? quoted(r.feedback)
                                        : answer_prose(r.feedback, network_of(ex))));
  const std::string solution = solutions ? breakable(solution_latex(ex, *solutions, i)) : "";
  if (solution.empty()) return lines;
  if (ex.kind() == ExerciseKind::symbolic)  // the working before the solution, as derive gives it
    for (const std::string& step : solutions->part_solutions[i].steps_latex) lines.push_back(step);
  lines.push_back("Solution: $" + lhs + " = " + solution + "$");
  return lines;
}

// A line for Markdown: < > & as entities, so no HTML comes through from an answer file.
std::string markdown_text(const std::string& line) {
  std::string out;
  for (char c : line)
    out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
  return out;
}

}  // namespace

std::string feedback_sheet(const Exercise& ex, const CheckResult& result,
                           const SolutionSheet* solutions, const std::string& student,
                           FeedbackFormat format) {
  const bool latex = format == FeedbackFormat::latex;
  std::ostringstream out;
  const std::string who = student.empty() ? "" : ", student " + student;
  const std::string score = "Score: " + number_text(result.score) + " of " +
                            number_text(result.max_score) + " points.";
  if (latex)
    out << "\\documentclass[11pt]{article}\n\\usepackage[margin=2cm]{geometry}\n"
           "\\usepackage{cmap}\n\\usepackage[T1]{fontenc}\n\\usepackage{amsmath,amssymb}\n"
           "\\emergencystretch=3em\n\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{0.5em}\n"
        << "\\title{Feedback: " << latex_prose(ex.title) << "}\n\\author{deltacheck check: "
        << latex_escape(ex.id + who) << "}\n\\date{}\n\\begin{document}\n\\maketitle\n"
        << latex_escape(score) << "\n\n";
  else
    out << "# Feedback: " << ex.title << "\n\n*deltacheck check: " << ex.id << who
        << ". The mathematics is written as $...$, which GitHub and Jupyter render.*\n\n"
        << score << "\n\n";
  // One paragraph a part, its lines broken (\newline; two spaces at a line's end in Markdown).
  for (std::size_t i = 0; i < result.parts.size(); ++i) {
    const std::string part = "Part " + std::to_string(i + 1);
    out << (latex ? "\\textbf{" + part + "}, " : "**" + part + "**, ");
    const std::vector<std::string> lines = part_lines(ex, result.parts[i], solutions, i);
    for (std::size_t k = 0; k < lines.size(); ++k)
      out << (k == 0 ? "" : latex ? "\\newline\n\\hspace*{1.5em}" : "  \n")
          << (latex ? latex_prose(lines[k]) : markdown_text(lines[k]));
    out << "\n\n";
  }
  if (latex) out << "\\end{document}\n";
  return out.str();
}

}  // namespace deltacheck
