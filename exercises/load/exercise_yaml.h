// Reading exercise YAML: positions for located messages, and the checks every field shares.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/text.h"
#include "exercises/model/exercise.h"
#include "symbolic/tokenizer.h"

namespace deltacheck::detail {

/// The lines of a YAML text, for messages that quote the line of a node.
class YamlSource {
 public:
  /// Keeps the lines of `text`; `name` names the file in messages.
  YamlSource(const std::string& text, const std::string& name);
  /// File, line, column and quoted line of a mark (line 0 when the mark has no place).
  SourceLocation at(const YAML::Mark& m) const;
  /// Throws UserError at `node` with `message`.
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const;
  /// The file's name.
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string> lines_;
};

/// The value of `node`, which must be a single value (fails naming `field` otherwise).
std::string scalar(const YamlSource& src, const YAML::Node& node, const std::string& field);

/// The number `n` in [min, max]; fails naming `field` and the range otherwise.
double number(const YamlSource& src, const YAML::Node& n, const std::string& field, double min,
              double max);

/// A list of single values; fails naming `field` otherwise.
std::vector<std::string> string_list(const YamlSource& src, const YAML::Node& n,
                                     const std::string& field);

/// True for letters, digits and '_' starting with a letter or '_'.
bool is_name(const std::string& s);

/// Refuses fields of `map` not in `known`, naming the known ones and `what` holds them.
template <std::size_t N>
void check_fields(const YamlSource& src, const YAML::Node& map, const char* const (&known)[N],
                  const std::string& what) {
  for (const auto& field : map) {
    const std::string name = field.first.Scalar();
    if (std::find(std::begin(known), std::end(known), name) != std::end(known)) continue;
    src.fail(field.first, "unknown field '" + name + "' (the fields of " + what + " are " +
                              join(known, ", ") + ")");
  }
}

/// Runs `read`, which reads text as it would be read at check time; an ExpressionError
/// fails at `node` with "`what`: the error".
template <class F>
void refuse_unreadable(const YamlSource& src, const YAML::Node& node, const std::string& what,
                       F&& read) {
  try {
    read();
  } catch (const ExpressionError& error) {
    src.fail(node, what + ": " + error.what());
  }
}

/// The fields a part given as a map may have (any kind).
extern const char* const kPartFields[7];

// One loader per kind of exercise: its section of the YAML, its parts, and what it refuses.

/// Reads 'network' and 'loss' into `n`, refusing 'given' (network and numeric exercises).
void load_network_section(const YamlSource& src, const YAML::Node& root, NetworkExercise& n);
/// Reads 'allow_deltas' into `n` when present.
void load_allow_deltas(const YamlSource& src, const YAML::Node& root, NetworkExercise& n);
/// Reads the parts of a network or numeric exercise: group words, keys, maps with points.
void load_network_parts(const YamlSource& src, const YAML::Node& parts, double points, Exercise& e);
/// Refuses a network whose gradients in the exercise's form are too large to print.
void check_network_form(const YamlSource& src, const YAML::Node& root, const Exercise& e);

/// Refuses the fields of network exercises in an exercise with 'symbols'.
void refuse_network_fields(const YamlSource& src, const YAML::Node& root);
/// Reads 'symbols' and 'given'.
SymbolicExercise load_symbolic_section(const YamlSource& src, const YAML::Node& root);
/// Reads the parts of a symbolic exercise: maps with key, ask, truth and optionally uses, points,
/// mistakes.
void load_symbolic_parts(const YamlSource& src, const YAML::Node& parts, double points,
                         Exercise& e);
/// Refuses givens, truths, 'uses' and mistakes that could not be read at check time.
void check_symbolic_readable(const YamlSource& src, const YAML::Node& root, const Exercise& e);

/// Reads the 'numeric' section into `n`.
void load_numeric_section(const YamlSource& src, const YAML::Node& numeric, NumericExercise& n);

}  // namespace deltacheck::detail
