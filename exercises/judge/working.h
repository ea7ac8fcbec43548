// The student's working in an answer file: every name it defines (parts, quantities of the
// network, names of one's own), read order-free and substituted into the lines that use them.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <ginac/ginac.h>

#include "exercises/judge/judge.h"
#include "exercises/judge/read_memo.h"
#include "exercises/read/answer_file.h"
#include "exercises/read/answer_keys.h"

namespace deltacheck {

/// One step of a definition as read.
struct ReadStep {
  const Answer* answer = nullptr;
  std::size_t index = 0;  // in answer->steps
  bool readable = false;
  GiNaC::ex value;    // as read: each defined name as its definition's symbol
  std::string echo;   // how it was read
  std::string error;  // located, when it could not be read
  std::vector<std::pair<std::size_t, std::size_t>> uses;     // (definition, offset in the text)
  std::vector<std::pair<std::string, std::size_t>> factors;  // chain-rule factors read as true
  /// The step as written in its line.
  std::string text() const { return answer->step(index); }
  /// Where its text starts in answer->text.
  std::size_t begin() const { return answer->steps[index].first; }
  /// The 1-based line of the file where it is written.
  int line() const {
    const std::size_t at = std::min(begin(), answer->origin.size() - 1);
    return answer->origin.empty() ? answer->line : answer->origin[at].first + 1;
  }
};

/// A name the answer file defines, with every line that gives it (a key given twice is one
/// chain: the earlier lines' steps, then the later ones').
struct Definition {
  KeyReading key;
  std::vector<const Answer*> lines;  // in file order
  std::vector<ReadStep> steps;       // every step of every line, in order
  bool has_symbol = false;           // other lines may use it by name
  bool quantity = false;             // its symbol is the network's, bound to the truth
  GiNaC::ex symbol;                  // what stands for it in them
  std::optional<std::size_t> truth;  // the judge's truth of it (parts and network keys)
  // Filled by Working::substitute.
  bool ok = false;        // it has a value
  GiNaC::ex value;        // its last step, every definition it uses substituted
  GiNaC::ex effective;    // what replaces its symbol elsewhere: its symbol when right, else value
  std::string error;      // located, when it has no value
  bool constant = false;  // its value is the same at every point
  std::set<std::size_t> reaches;  // every definition its last step uses, through others
  std::set<std::string> factors;  // every true-valued factor it uses, through others
  /// The last step (the answer).
  const ReadStep& last() const { return steps.back(); }
  /// The line where it is first given.
  int line() const { return lines.front()->line; }
};

/// Most lines a cycle of definitions names in its message ("line 3 (a) and line 4 (b)"); a
/// longer cycle names the first ones and how many more.
constexpr std::size_t kMaxCycleLinesNamed = 4;

/// The definitions of one answer file for one exercise. Construction reads every key (notes for
/// keys read as another spelling or not graded, problems for unknown keys, in `out`), reads
/// every step with the names its key allows plus the defined names (each text read once per
/// `memo`), and substitutes: a cycle of definitions is refused on every line of it, naming both
/// lines.
class Working {
 public:
  Working(const AnswerFile& file, Judge& judge, ReadMemo& memo, CheckResult& out);

  /// Every definition, in the file order of their first lines.
  const std::vector<Definition>& definitions() const { return defs_; }
  /// The definition answering part `part`, or nullptr.
  const Definition* part(std::size_t part) const;
  /// The value of `step` of `def` with every definition substituted except those in `keep`,
  /// which stay their symbols (the judge binds a network quantity's symbol to its truth).
  GiNaC::ex substituted(const ReadStep& step, const std::set<std::size_t>& keep = {}) const;
  /// The answers whose key names nothing known, with why, in file order.
  const std::vector<std::pair<const Answer*, std::string>>& unknown() const { return unknown_; }
  /// The located message of `what` at `offset` of `step`'s text.
  std::string located(const ReadStep& step, std::size_t offset, const std::string& what) const;

 private:
  /// Sorts every answer by its key into definitions, notes and problems.
  void collect(CheckResult& out);
  /// The judge's truth of the network name `name`, or nothing (none, or no value at a point).
  std::optional<std::size_t> truth_of(const std::string& name);
  /// Reads every step of every definition.
  void read_all();
  /// Reads one step of `def` (index `self`), or takes its reading from the memo.
  void read_step(std::size_t self, ReadStep& step);
  /// Reads `text` as a step of definition `self`, recording every name asked about.
  StepReading read_text(std::size_t self, const std::string& text);
  /// True when every name `reading` asked about means here what it meant then (defined by
  /// this file as the same symbol, or not defined), so the reading holds for this file.
  bool still_meant(std::size_t self, const StepReading& reading) const;
  /// Fills `step` from `reading`: the uses of this file's definitions, the factors, the value,
  /// or the error located in this file.
  void take(const StepReading& reading, ReadStep& step) const;
  /// True for a part of a symbolic exercise whose key is a name (dw): other lines may use it
  /// (w_next = w + dw), as its answer.
  bool answers_named_part(const KeyReading& k) const;
  /// The definition a name written in an answer stands for, if the file defines it.
  std::optional<std::size_t> defined(const std::string& name) const;
  /// Substitutes definition `d` (depth first, in order of use); `path` holds the ones in
  /// progress, for cycles.
  void substitute(std::size_t d, std::vector<std::size_t>& path);
  /// Marks every definition on the cycle path[from..] and the one closing it as refused.
  void refuse_cycle(const std::vector<std::size_t>& path, std::size_t from, std::size_t closing);

  const AnswerFile& file_;
  Judge& judge_;
  ReadMemo& memo_;
  std::vector<Definition> defs_;
  std::map<std::string, std::size_t> by_name_;  // lookup name -> definition
  std::vector<int> state_;                      // 0 new, 1 in progress, 2 done
  std::vector<std::pair<const Answer*, std::string>> unknown_;
};

}  // namespace deltacheck
