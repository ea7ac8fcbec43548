// Checking targets against the loss: probabilities in [0, 1] for cross-entropy, summing to 1 for a
// softmax.
#include "core/targets.h"

#include <cmath>

#include "core/names.h"
#include "core/text.h"

namespace deltacheck {

std::optional<std::string> target_value_problem(const Network& net, const std::string& name,
                                                double value, const std::string& value_text) {
  if (net.loss != Loss::crossentropy || (value >= 0 && value <= 1)) return std::nullopt;
  return "target " + name + " = " + value_text +
         " is not between 0 and 1: the cross-entropy loss compares probabilities (use the squared loss for other values)";
}

std::optional<TargetProblem> target_problem(const Network& net,
                                            const std::vector<double>& targets) {
  if (net.loss != Loss::crossentropy) return std::nullopt;
  const std::vector<Quantity> names = deltacheck::targets(net);
  double sum = 0;
  for (std::size_t j = 0; j < targets.size(); ++j) {
    sum += targets[j];
    const std::string name =
        j < names.size() ? quantity_name(names[j], net) : "target " + std::to_string(j + 1);
    if (auto problem = target_value_problem(net, name, targets[j], shortest_text(targets[j])))
      return TargetProblem{j, *problem};
  }
  if (net.activation(net.depth()) == Activation::softmax &&
      !(std::abs(sum - 1) <= kTargetSumTolerance))
    return TargetProblem{
        0, "the targets of a softmax output are class probabilities and sum to 1; these sum to " +
               shortest_text(sum)};
  return std::nullopt;
}

void check_targets(const Network& net, const std::vector<double>& targets,
                   const SourceLocation& where) {
  if (const auto problem = target_problem(net, targets)) throw UserError(where, problem->message);
}

}  // namespace deltacheck
