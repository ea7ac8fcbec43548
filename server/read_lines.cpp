// The preview: each answer's reading from the checker, typeset again with the printer.
#include "server/read_lines.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "exercises/model/symbolic_context.h"
#include "symbolic/printer.h"
#include "symbolic/reader.h"

namespace deltacheck::server {

namespace {

// "answers.txt:L:C: message\n quoted line\n caret" as {"line", "column", "message"}; a message
// without that prefix keeps line `line` and column 0.
nlohmann::ordered_json located(const std::string& text, int line) {
  const std::string prefix = std::string(kAnswerFileName) + ":";
  std::string first = text.substr(0, text.find('\n'));
  int column = 0;
  if (first.compare(0, prefix.size(), prefix) == 0) {
    char* end = nullptr;
    const char* at = first.c_str() + prefix.size();
    const long l = std::strtol(at, &end, 10);
    if (*end == ':') {
      const long c = std::strtol(end + 1, &end, 10);
      if (*end == ':') {
        line = static_cast<int>(l), column = static_cast<int>(c);
        first = std::string(end + 1);
        first.erase(0, first.find_first_not_of(' '));
      }
    }
  }
  return {{"line", line}, {"column", column}, {"message", first}};
}

// The reading `read_as` typeset with every product's \cdot (as explicit as the text reading), or
// "" when it cannot be read back (a form the reader of the exercise's names does not take).
std::string latex_of(const Exercise& ex, const std::string& read_as) {
  if (read_as.empty()) return "";
  try {
    if (ex.kind() == ExerciseKind::symbolic) {
      const SymbolicContext context(ex);
      const GiNaC::ex e = context.fold_givens(read_expression(read_as, context.names()).value);
      PrintStyle style{Syntax::latex, NameStyle::short_form, true, true};
      return print_expression(e, Network{}, style);
    }
    SymbolTable symbols(ex.net());
    PrintStyle style{Syntax::latex};
    style.explicit_products = true;
    return print_expression(read_expression(read_as, network_names(symbols)).value, ex.net(),
                            style);
  } catch (const std::exception&) {
    return "";
  }
}

// How `text` (one step as written) reads in the exercise's own names, or "" when they alone
// cannot read it (a name the student defined, a syntax error: the checker's entries say why).
std::string echo_of(const Exercise& ex, const std::string& text) {
  try {
    if (ex.kind() == ExerciseKind::symbolic) {
      const SymbolicContext context(ex);
      return read_expression(text, context.names()).echo;
    }
    SymbolTable symbols(ex.net());
    return read_expression(text, network_names(symbols)).echo;
  } catch (const std::exception&) {
    return "";
  }
}

// The reading shown on a part's first line: for a chain KEY = A = B the reading of A (each
// further step has an entry of its own, on its line), else the answer's reading.
std::string first_reading(const Exercise& ex, const AnswerFile& file, const PartResult& p) {
  if (p.steps.empty()) return p.read_as;
  for (const Answer& a : file.answers) {
    if (a.line != p.line || a.steps.size() < 2) continue;
    const std::string echo = echo_of(ex, a.step(0));
    return echo.empty() ? p.read_as : echo;
  }
  return p.read_as;
}

nlohmann::ordered_json line_json(const Exercise& ex, int line, const std::string& key,
                                 const std::string& read_as) {
  return {{"line", line},
          {"key", key},
          {"read_as", read_as},
          {"latex", latex_of(ex, read_as)},
          {"error", nullptr}};
}

nlohmann::ordered_json error_json(int line, const std::string& key, const std::string& text) {
  nlohmann::ordered_json error = located(text, line);
  return {{"line", error["line"]}, {"key", key}, {"read_as", ""}, {"latex", ""}, {"error", error}};
}

// Line order; lines without a number (the count of lines left out) last.
bool before(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
  const int x = a["line"].get<int>(), y = b["line"].get<int>();
  return (x == 0 ? INT32_MAX : x) < (y == 0 ? INT32_MAX : y);
}

}  // namespace

nlohmann::ordered_json read_lines_json(Checker& checker, const AnswerFile& file) {
  const CheckResult r = checker.check(file, /*prove=*/false);
  const Exercise& ex = checker.exercise();
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  const auto add_steps = [&](const std::vector<StepResult>& steps) {
    for (const StepResult& s : steps)
      lines.push_back(s.verdict == Verdict::invalid ? error_json(s.line, s.key, s.feedback)
                                                    : line_json(ex, s.line, s.key, s.read_as));
  };
  for (const PartResult& p : r.parts) {
    if (p.line == 0) continue;
    lines.push_back(p.verdict == Verdict::invalid
                        ? error_json(p.line, p.key, p.feedback)
                        : line_json(ex, p.line, p.key, first_reading(ex, file, p)));
    add_steps(p.steps);
  }
  add_steps(r.steps);
  for (const std::string& problem : r.problems) lines.push_back(error_json(0, "", problem));
  std::stable_sort(lines.begin(), lines.end(), before);
  return {{"lines", lines}};
}

}  // namespace deltacheck::server
