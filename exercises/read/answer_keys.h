// What the key of an answer line names (docs/DESIGN.md §4): a part, a quantity of the network the
// exercise does not ask, a name of the student's own, or nothing known.
#pragma once

#include <optional>
#include <string>

#include "exercises/model/exercise.h"

namespace deltacheck {

/// What a key names.
enum class KeyKind {
  part,       // a part of the exercise
  network,    // a quantity of the network the exercise does not ask (judged as a step)
  own,        // a name of the student's own (e = a3_1 - y)
  not_asked,  // a key of the exercise's kind that is not judged (new_w of a numeric exercise)
  unknown,    // none of these (a problem line)
};

/// A key as read.
struct KeyReading {
  KeyKind kind = KeyKind::unknown;
  std::size_t part = 0;  // kind part: its index
  /// The canonical name: the part's key, the network key ("delta2_1", "dL/da3_1", "yhat"),
  /// the own name as written.
  std::string name;
  std::string note;  // "read dL/dW1_13 as dL/dw1_13" when read as another key; the not_asked text
  std::string why;   // unknown: why, in words that say what to write
};

/// Reads `written` (spaces ignored) as a key of `ex`, in this order: a part's key as the
/// exercise writes it; a network key in any spelling (yhat for the output activation part and
/// back, dC/, dJ/, dE/, dloss/ for dL/, dL/dz for the delta, a chain-rule factor dA/dB);
/// the same in lower case (a note names the reading); an identifier that is no name of the
/// network, not within reach of a part's key (own); a key within reach of exactly one part's
/// key, compared in lower case without underscores (equal for keys under 4 such characters,
/// within edit distance 1 up to 6, 2 beyond; a note names the reading); else unknown.
KeyReading read_key(const Exercise& ex, const std::string& written);

/// The number of single-character insertions, deletions, substitutions and swaps of two
/// neighbours that turn `a` into `b` (optimal string alignment). Cost: O(|a| |b|).
std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace deltacheck
