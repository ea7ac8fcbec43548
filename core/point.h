// A point at which a network is evaluated: exact values of its inputs, parameters and targets.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/names.h"
#include "core/network.h"

namespace deltacheck {

/// Exact values of named quantities. For a network point it holds every input,
/// weight, bias and target (see `check_complete`).
class Point {
 public:
  /// Sets the value of q (canonical quantity).
  void set(const Quantity& q, const Decimal& value) { values_[q] = value; }
  /// The value of q; throws std::out_of_range when absent (a programming error).
  const Decimal& at(const Quantity& q) const { return values_.at(q); }
  /// True when q has a value.
  bool has(const Quantity& q) const { return values_.count(q) != 0; }
  /// All values in canonical order.
  const std::map<Quantity, Decimal>& values() const { return values_; }

 private:
  std::map<Quantity, Decimal> values_;
};

/// Reads POINT.json: a flat object name -> decimal string (docs/DESIGN.md §6), names in any
/// accepted spelling. Every input, parameter and target of `net` must be there, nothing
/// else, each name once; with cross-entropy every target lies in [0, 1], and with a softmax
/// output the targets sum to 1. The file is read as read_input_file does, at most
/// kPointFile.max_bytes. Throws UserError naming the file, the entry (with its line and
/// column) and what is wrong.
Point read_point_json(const std::string& path, const Network& net);

/// Parses POINT.json text (as read_point_json; `path` is used in messages only).
Point parse_point_json(const std::string& text, const std::string& path, const Network& net);

/// The names (separated form) of every input, parameter and target in canonical order.
std::vector<Quantity> point_quantities(const Network& net);

}  // namespace deltacheck
