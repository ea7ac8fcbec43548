// Which targets a loss accepts: cross-entropy compares probabilities, so its targets must be
// probabilities.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/network.h"

namespace deltacheck {

/// The largest |sum - 1| accepted for the targets of a softmax output (room for decimals
/// written to 6 places, such as 0.333333 three times).
constexpr double kTargetSumTolerance = 1e-6;

/// A target the network's loss cannot take: its index in target order (y1 is 0) and what is wrong.
struct TargetProblem {
  std::size_t index = 0;
  std::string message;
};

/// Why one target value cannot be a target of `net`'s loss (cross-entropy: outside [0, 1]),
/// naming it `name` and writing the value as `value_text`; nothing when it can.
std::optional<std::string> target_value_problem(const Network& net, const std::string& name,
                                                double value, const std::string& value_text);

/// The first problem of `targets` (one example's, in target order) for the network's loss:
/// with cross-entropy each target lies in [0, 1] and, for a softmax output, they sum to 1
/// (within kTargetSumTolerance); the message names the target and its value. Squared loss
/// accepts every number. O(number of targets).
std::optional<TargetProblem> target_problem(const Network& net, const std::vector<double>& targets);

/// Throws UserError at `where` with the message of target_problem when there is a problem.
void check_targets(const Network& net, const std::vector<double>& targets,
                   const SourceLocation& where);

}  // namespace deltacheck
