// Loading symbolic exercises: free symbols and their ranges, given names, parts with truths,
// named mistakes and worked solutions (proven equal to the truths).
#include <algorithm>
#include <memory>

#include "exercises/judge/judge_symbolic.h"
#include "exercises/load/exercise_yaml.h"
#include "exercises/model/symbolic_context.h"
#include "symbolic/written_form.h"

namespace deltacheck::detail {

namespace {

/// The fields of a symbolic part: those of every part, and its worked solution.
const char* const kSymbolicPartFields[9] = {"key",      "points",  "ask",      "truth", "uses",
                                            "mistakes", "aliases", "solution", "steps"};

FreeSymbol free_symbol(const YamlSource& src, const YAML::const_iterator::value_type& s) {
  FreeSymbol f;
  f.name = s.first.Scalar();
  if (!is_name(f.name))
    src.fail(s.first, "'" + f.name + "' is not a name: letters, digits and '_'");
  if (!s.second.IsSequence() || s.second.size() != 2)
    src.fail(s.second, "a symbol's range is [LOW, HIGH]");
  f.low = number(src, s.second[0], "range", -1e6, 1e6);
  f.high = number(src, s.second[1], "range", -1e6, 1e6);
  if (!(f.low < f.high)) src.fail(s.second, "a range [LOW, HIGH] needs LOW < HIGH");
  return f;
}

std::vector<KnownMistake> known_mistakes(const YamlSource& src, const YAML::Node& m) {
  if (!m.IsSequence()) src.fail(m, "'mistakes' is a list of {answer: ..., feedback: ...}");
  std::vector<KnownMistake> out;
  for (const YAML::Node& k : m) {
    if (!k.IsMap() || !k["answer"] || !k["feedback"])
      src.fail(k, "a mistake is {answer: EXPRESSION, feedback: WORDS}");
    out.push_back({scalar(src, k["answer"], "answer"), scalar(src, k["feedback"], "feedback")});
  }
  return out;
}

// The key of a symbolic part, spaces removed; refuses an empty key, '=', '#' and repeats.
std::string part_key(const YamlSource& src, const YAML::Node& node, const Exercise& e) {
  std::string key = scalar(src, node, "key");
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == ' ' || c == '\t'; }),
            key.end());
  if (key.empty() || key.find('=') != std::string::npos || key.find('#') != std::string::npos)
    src.fail(node, "a key may not be empty or contain '=' or '#'");
  for (const Part& other : e.parts)
    if (other.answer_key == key) src.fail(node, "part " + key + " is asked twice");
  return key;
}

// Each part's steps must typeset, and its solution as printed read with the names its answers
// may use.
void check_solutions_readable(const YamlSource& src, const YAML::Node& item, const Part& p,
                              const SymbolicContext& context) {
  const SymbolicPart& s = p.symbolic;
  for (std::size_t k = 0; k < s.steps.size(); ++k)
    refuse_unreadable(src, item["steps"][k],
                      "step " + std::to_string(k + 1) + " of " + p.answer_key + " cannot be read",
                      [&] { (void)step_latex(s.steps[k]); });
  if (!s.solution.empty())
    refuse_unreadable(
        src, item["solution"], "the solution of " + p.answer_key + " cannot be read", [&] {
          (void)read_expression(print_written(s.solution, Syntax::text), context.names(s.uses));
        });
}

// Every solution, as printed, must be its part's truth by the test `check` gives a right
// answer: equal at the exercise's sample points to 1e-30 relative, with 50 digits
// (exercises/judge/judge.h). So the printed solution always gets full marks from `check`.
void refuse_unequal_solutions(const YamlSource& src, const YAML::Node& parts, const Exercise& e) {
  if (std::none_of(e.parts.begin(), e.parts.end(),
                   [](const Part& p) { return !p.symbolic.solution.empty(); }))
    return;
  SymbolicJudge judge(e);
  for (std::size_t i = 0; i < e.parts.size(); ++i) {
    const Part& p = e.parts[i];
    if (p.symbolic.solution.empty()) continue;
    // The solution as printed, read with the judge's own names (its own symbols).
    const GiNaC::ex written =
        read_expression(print_written(p.symbolic.solution, Syntax::text), judge.names(i)).value;
    if (judge.matches_truth(i, written)) continue;
    const std::size_t at = judge.first_difference(written, judge.truth_rhs(i)).value_or(0);
    src.fail(parts[i]["solution"],
             "the solution of " + p.answer_key + " is not its truth: at " + judge.point_text(at) +
                 " it is " + judge.value_at(at, written).str(12) + " but the truth is " +
                 judge.value_at(at, judge.truth_rhs(i)).str(12) +
                 "; correct the solution, or leave it out to print the truth as derived");
  }
}

}  // namespace

void refuse_network_fields(const YamlSource& src, const YAML::Node& root) {
  for (const char* field : {"loss", "numeric", "form", "allow_deltas"})
    if (root[field])
      src.fail(root[field], std::string("'") + field +
                                "' belongs to network exercises, not to one with 'symbols'");
}

SymbolicExercise load_symbolic_section(const YamlSource& src, const YAML::Node& root) {
  SymbolicExercise s;
  const YAML::Node symbols = root["symbols"];
  if (!symbols.IsMap() || symbols.size() == 0)
    src.fail(symbols,
             "'symbols' maps each name to its sample range, e.g. {yhat: [0.05, 0.95], y: [0, 1]}");
  for (const auto& symbol : symbols) s.symbols.push_back(free_symbol(src, symbol));
  if (const YAML::Node given = root["given"]) {
    if (!given.IsMap())
      src.fail(given, "'given' maps names to expressions, e.g. {s1: exp(z1)/(exp(z1) + exp(z2))}");
    for (const auto& g : given) {
      const std::string name = g.first.Scalar();
      if (!is_name(name)) src.fail(g.first, "'" + name + "' is not a name");
      s.given.emplace_back(name, scalar(src, g.second, name));
    }
  }
  return s;
}

void load_symbolic_parts(const YamlSource& src, const YAML::Node& parts, double points,
                         Exercise& e) {
  for (const YAML::Node& item : parts) {
    if (!item.IsMap())
      src.fail(item, "a part of a symbolic exercise is a map: {key: ..., ask: ..., truth: ...}");
    check_fields(src, item, kSymbolicPartFields, "a part");
    Part p;
    p.kind = PartKind::symbolic;
    for (const char* field : {"key", "ask", "truth"})
      if (!item[field]) src.fail(item, std::string("a part needs '") + field + "'");
    p.answer_key = part_key(src, item["key"], e);
    p.symbolic.ask = scalar(src, item["ask"], "ask");
    p.symbolic.truth = scalar(src, item["truth"], "truth");
    p.points = item["points"] ? number(src, item["points"], "points", 0, 1000) : points;
    if (item["uses"]) p.symbolic.uses = string_list(src, item["uses"], "uses");
    if (const YAML::Node m = item["mistakes"]) p.symbolic.mistakes = known_mistakes(src, m);
    if (item["aliases"]) p.aliases = string_list(src, item["aliases"], "aliases");
    if (item["solution"]) p.symbolic.solution = scalar(src, item["solution"], "solution");
    if (item["steps"]) p.symbolic.steps = string_list(src, item["steps"], "steps");
    e.parts.push_back(p);
  }
}

void check_symbolic_readable(const YamlSource& src, const YAML::Node& root, const Exercise& e) {
  std::unique_ptr<SymbolicContext> context;
  refuse_unreadable(src, root["given"], "a given name cannot be read",
                    [&] { context = std::make_unique<SymbolicContext>(e); });
  std::size_t i = 0;
  for (const YAML::Node& item : root["parts"]) {
    const Part& p = e.parts[i++];
    const SymbolicPart& s = p.symbolic;
    refuse_unreadable(src, item["truth"], "the truth of " + p.answer_key + " cannot be read",
                      [&] { (void)context->truth(s.truth); });
    for (const std::string& name : s.uses)
      refuse_unreadable(src, item["uses"], "'uses' of " + p.answer_key,
                        [&] { (void)context->names()(name, 0); });
    std::size_t m = 0;
    for (const KnownMistake& k : s.mistakes)
      refuse_unreadable(src, item["mistakes"][m++]["answer"],
                        "a mistake of " + p.answer_key + " cannot be read",
                        [&] { (void)read_expression(k.answer, context->names(s.uses)); });
    check_solutions_readable(src, item, p, *context);
  }
  refuse_unequal_solutions(src, root["parts"], e);
}

}  // namespace deltacheck::detail
