// Reading an answer file's definitions in any order, with cycles refused, and substituting them.
#include "exercises/judge/working.h"

#include <cctype>

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace deltacheck {

Working::Working(const AnswerFile& file, Judge& judge, ReadMemo& memo, CheckResult& out)
    : file_(file), judge_(judge), memo_(memo) {
  collect(out);
  read_all();
  state_.assign(defs_.size(), 0);
  for (std::size_t d = 0; d < defs_.size(); ++d) {
    std::vector<std::size_t> path;
    substitute(d, path);
  }
}

const Definition* Working::part(std::size_t part) const {
  for (const Definition& d : defs_)
    if (d.key.kind == KeyKind::part && d.key.part == part) return &d;
  return nullptr;
}

std::string Working::located(const ReadStep& step, std::size_t offset,
                             const std::string& what) const {
  return UserError(file_.locate(*step.answer, step.begin() + offset), what).formatted();
}

// One definition per name: a part by its index, a network name by what all its spellings share,
// an own name as written. Other lines may use it when it has a symbol.
void Working::collect(CheckResult& out) {
  std::map<std::string, std::size_t> identity;
  for (const Answer& a : file_.answers) {
    const KeyReading k = read_key(judge_.exercise(), a.key());
    const std::string where = file_.path + ":" + std::to_string(a.line) + ": ";
    if (k.kind == KeyKind::unknown) {
      unknown_.emplace_back(&a, k.why);
      continue;
    }
    if (k.kind == KeyKind::not_asked) {
      out.notes.push_back(where + k.note + "; not graded");
      continue;
    }
    if (!k.note.empty()) out.notes.push_back(where + k.note);
    const auto network = judge_.network_name(k.kind == KeyKind::own ? "" : k.name);
    const std::string id = k.kind == KeyKind::part ? "#" + std::to_string(k.part)
                           : network               ? network->lookup
                                                   : k.name;
    auto [at, added] = identity.emplace(id, defs_.size());
    if (added) {
      Definition d;
      d.key = k;
      if (network && network->symbol) {
        // A z or a in an answer is the network's value (never the student's line for it);
        // a delta, once defined, is the student's.
        d.quantity = true;
        d.has_symbol = !network->forward;
        d.symbol = *network->symbol;
      } else if (k.kind == KeyKind::own || network || answers_named_part(k)) {
        d.has_symbol = true;
        d.symbol = memo_.own_symbol(k.name);
      }
      d.truth = k.kind == KeyKind::part ? std::optional<std::size_t>(k.part) : truth_of(k.name);
      if (d.has_symbol) by_name_[network ? network->lookup : k.name] = defs_.size();
      defs_.push_back(std::move(d));
    }
    defs_[at->second].lines.push_back(&a);
  }
}

bool Working::answers_named_part(const KeyReading& k) const {
  if (k.kind != KeyKind::part || judge_.exercise().kind() != ExerciseKind::symbolic) return false;
  const std::string& n = k.name;
  return !n.empty() && (std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_') &&
         std::all_of(n.begin(), n.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
         });
}

std::optional<std::size_t> Working::truth_of(const std::string& name) {
  try {
    return judge_.truth_of_name(name);
  } catch (const UserError&) {
    return std::nullopt;  // no value at some point: shown as a step of one's own
  }
}

void Working::read_all() {
  for (std::size_t d = 0; d < defs_.size(); ++d) {
    for (const Answer* a : defs_[d].lines)
      for (std::size_t i = 0; i < a->steps.size(); ++i) {
        ReadStep step;
        step.answer = a;
        step.index = i;
        defs_[d].steps.push_back(std::move(step));
      }
    for (ReadStep& step : defs_[d].steps) read_step(d, step);
  }
}

std::optional<std::size_t> Working::defined(const std::string& name) const {
  const auto network = judge_.network_name(name);
  const auto found = by_name_.find(network ? network->lookup : name);
  if (found == by_name_.end()) return std::nullopt;
  return found->second;
}

// A step is read once per checker (read_memo.h): again only when a name it asked about means
// something else in this file.
void Working::read_step(std::size_t self, ReadStep& step) {
  const Definition& d = defs_[self];
  const std::string text = step.text();
  if (text.empty()) {
    if (step.index + 1 < step.answer->steps.size())
      step.error = located(step, 0, "an empty step: write an expression between the two '='");
    return;
  }
  const std::string resolver =
      d.key.kind == KeyKind::part ? "#" + std::to_string(d.key.part) : d.key.name;
  const StepReading* known = memo_.find(resolver, text);
  if (known && still_meant(self, *known)) {
    take(*known, step);
    return;
  }
  StepReading fresh = read_text(self, text);
  take(fresh, step);
  memo_.remember(resolver, text, std::move(fresh));
}

// Defined names stand for their definition's symbol; every other name is read with the names
// the definition's key allows. Every question is recorded, answered or refused.
StepReading Working::read_text(std::size_t self, const std::string& text) {
  const Definition& d = defs_[self];
  const NameResolver base =
      d.key.kind == KeyKind::part ? judge_.names(d.key.part) : judge_.step_names(d.key.name);
  StepReading out;
  const NameResolver names = [&](const std::string& name, std::size_t offset) -> NameMeaning {
    StepReading::Lookup asked{name, offset, false, {}, false};
    const auto used = defined(name);
    if (used && *used != self) {
      asked.defined = true;
      asked.meaning = {defs_[*used].symbol, defs_[*used].key.name};
      out.lookups.push_back(asked);
      return asked.meaning;
    }
    out.lookups.push_back(asked);
    NameMeaning m = base(name, offset);
    if (name.find('/') != std::string::npos) {
      out.lookups.back().factor = true;
      out.lookups.back().meaning = m;
    }
    return m;
  };
  try {
    const ReadExpression read = read_expression(text, names, judge_.read_options());
    out.value = read.value;
    out.echo = read.echo;
    out.readable = true;
  } catch (const ExpressionError& e) {
    out.error_offset = e.offset();
    out.error = e.what();
  }
  return out;
}

bool Working::still_meant(std::size_t self, const StepReading& reading) const {
  for (const StepReading::Lookup& asked : reading.lookups) {
    const auto used = defined(asked.name);
    const bool defined_here = used && *used != self;
    if (defined_here != asked.defined) return false;
    if (defined_here && (!defs_[*used].symbol.is_equal(asked.meaning.value) ||
                         defs_[*used].key.name != asked.meaning.canonical))
      return false;
  }
  return true;
}

void Working::take(const StepReading& reading, ReadStep& step) const {
  for (const StepReading::Lookup& asked : reading.lookups) {
    if (asked.defined) step.uses.emplace_back(*defined(asked.name), asked.offset);
    if (asked.factor) step.factors.emplace_back(asked.meaning.canonical, asked.offset);
  }
  step.readable = reading.readable;
  step.value = reading.value;
  step.echo = reading.echo;
  if (!reading.readable) step.error = located(step, reading.error_offset, reading.error);
}

GiNaC::ex Working::substituted(const ReadStep& step, const std::set<std::size_t>& keep) const {
  GiNaC::exmap replace;
  for (const auto& [u, offset] : step.uses) {
    const Definition& d = defs_[u];
    if (!d.ok || keep.count(u)) continue;
    const bool right = d.effective.is_equal(d.symbol);
    replace[d.symbol] = keep.empty() || right ? d.effective : substituted(d.last(), keep);
  }
  return step.value.subs(replace);
}

void Working::refuse_cycle(const std::vector<std::size_t>& path, std::size_t from,
                           std::size_t closing) {
  std::vector<std::size_t> cycle(path.begin() + static_cast<std::ptrdiff_t>(from), path.end());
  const auto named = [&](std::size_t d) {
    return "line " + std::to_string(defs_[d].line()) + " (" + defs_[d].key.name + ")";
  };
  // Every line of the cycle gets the message: a long cycle names its first lines only, or the
  // messages would grow as the square of its length.
  std::string lines = join(cycle, " and ", named);
  if (cycle.size() > kMaxCycleLinesNamed) {
    const std::vector<std::size_t> first(cycle.begin(), cycle.begin() + kMaxCycleLinesNamed - 1);
    lines = join(first, ", ", named) + " and " + std::to_string(cycle.size() - first.size()) +
            " more lines";
  }
  for (std::size_t i = 0; i < cycle.size(); ++i) {
    Definition& d = defs_[cycle[i]];
    const std::size_t next = i + 1 < cycle.size() ? cycle[i + 1] : closing;
    std::size_t offset = 0;
    for (const auto& [u, at] : d.last().uses)
      if (u == next) offset = at;
    d.error = located(
        d.last(), offset,
        "the definitions on " + lines + " use each other: define one of them without the other");
    state_[cycle[i]] = 2;
  }
}

// Depth first: every definition the last step uses gets its value first.
void Working::substitute(std::size_t d, std::vector<std::size_t>& path) {
  if (state_[d] != 0) return;
  state_[d] = 1;
  path.push_back(d);
  Definition& def = defs_[d];
  const ReadStep& last = def.last();
  for (const auto& [u, offset] : last.uses) {
    if (state_[u] == 1) {
      refuse_cycle(
          path, static_cast<std::size_t>(std::find(path.begin(), path.end(), u) - path.begin()), u);
      continue;
    }
    substitute(u, path);
  }
  path.pop_back();
  if (state_[d] == 2) return;  // refused as part of a cycle
  state_[d] = 2;
  if (!last.readable) {
    def.error = last.error;
    return;
  }
  for (const auto& [u, offset] : last.uses) {
    const Definition& used = defs_[u];
    if (!used.ok) {
      def.error = located(last, offset,
                          "'" + used.key.name + "' (line " + std::to_string(used.line()) +
                              ") has no value to use: correct that line first");
      return;
    }
    def.reaches.insert(u);
    def.reaches.insert(used.reaches.begin(), used.reaches.end());
    def.factors.insert(used.factors.begin(), used.factors.end());
  }
  for (const auto& [name, offset] : last.factors) def.factors.insert(name);
  def.ok = true;
  def.value = substituted(last);
  def.constant = judge_.constant_everywhere(def.value);
  // A right quantity of the network stays its symbol (bound to the same values): the lines
  // using it are judged, and proved, as if it were given.
  def.effective = def.quantity && def.truth && judge_.matches_truth(*def.truth, def.value)
                      ? def.symbol
                      : def.value;
}

}  // namespace deltacheck
