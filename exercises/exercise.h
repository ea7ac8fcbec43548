// The exercise model: a network, what is asked of it, and how many points each part earns; loaded from YAML.
#pragma once

#include <string>
#include <vector>

#include "core/network.h"
#include "symbolic/derivation.h"

namespace deltacheck {

/// One part asked: a key of the answer file and its points.
struct Part {
  EquationKey key;
  double points = 1;
};

/// An exercise (DESIGN §7): its network and loss, the parts asked, and what answers may use.
struct Exercise {
  std::string id, title, statement;
  std::string source;           // "built-in" or the YAML file's path
  Network net;
  std::vector<Part> parts;      // in the order of the answer template
  bool allow_deltas = false;    // answers may use delta{l}_j names
  Form form = Form::local;      // the form of the worked solution (derive --exercise)
  int sample_points = 8;        // points each answer is checked at (at least 8, DESIGN §5)

  /// The part with this key, or nullptr.
  const Part* find(const EquationKey& key) const;
  /// The key as the answer file writes it ("dL/dw2_11", "z1_1").
  std::string key_text(const EquationKey& key) const;
  /// Total points.
  double max_score() const;
};

/// True when two keys name the same equation.
bool same_key(const EquationKey& a, const EquationKey& b);

/// Reads a key of an answer file ("dL/dw2_11", "dL/dw2_1_1", "z1_1", "yhat", "L", "delta2_1")
/// as a key of `net`; returns nothing when it is not one, with the reason in `why`.
std::optional<EquationKey> parse_key(const std::string& text, const Network& net, std::string& why);

/// What a part asks, in words: "z1_1: the pre-activation of unit 1 of layer 1 (relu)".
std::string describe_part(const EquationKey& key, const Network& net);

/// The ids of the built-in exercises (exercises/library/*.yaml), sorted.
std::vector<std::string> builtin_exercise_ids();

/// A built-in exercise by id, or a YAML file by path (anything containing '/' or ending in
/// .yaml/.yml). Throws UserError for an unknown id (listing the ids) or a bad file (with
/// file, line and column of the offending YAML node).
Exercise load_exercise(const std::string& id_or_path);

/// Parses exercise YAML; `source` names it in messages. Refuses at load time anything that
/// could not be checked later: unknown fields, keys that are not in the network, a form too
/// large to print.
Exercise parse_exercise(const std::string& yaml, const std::string& source);

}  // namespace deltacheck
