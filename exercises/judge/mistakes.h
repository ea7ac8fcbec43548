// The mistakes students make in backprop, made by mutating the true derivation (not by matching
// strings).
#pragma once

#include <string>
#include <vector>

#include <ginac/ginac.h>

#include "symbolic/derivation.h"

namespace deltacheck {

/// A plausible wrong answer to one part: a stable tag (for class summaries), what it is in
/// plain words with the expected factor in the notation of the notes, and its value as an
/// expression in the network's symbols.
struct Mistake {
  std::string kind;
  std::string description;
  GiNaC::ex value;
};

/// The tags `plausible_mistakes` uses.
namespace mistake_kind {
constexpr const char* kDroppedDerivative = "dropped-activation-derivative";
constexpr const char* kWrongDerivative = "wrong-activation-derivative";
constexpr const char* kZForA = "z-for-a";
constexpr const char* kWrongUnit = "wrong-unit-or-layer";
constexpr const char* kTransposedWeight = "transposed-weight";
constexpr const char* kWrongWeight = "wrong-weight";
constexpr const char* kMissingPath = "missing-path";
constexpr const char* kWrongSign = "wrong-sign";
constexpr const char* kConstantFactor = "constant-factor";
constexpr const char* kLossDeltaMixup = "loss-delta-mixup";
constexpr const char* kActivationGradientForDelta = "dL/da-for-delta";
constexpr const char* kMissingBias = "missing-bias";
constexpr const char* kMissingTerm = "missing-term";
constexpr const char* kMissingInputFactor = "missing-input-factor";
constexpr const char* kBiasWithInput = "bias-with-input";
constexpr const char* kWrongActivation = "wrong-activation";
constexpr const char* kMissingActivation = "missing-activation";
constexpr const char* kWrongPart = "answer-of-another-part";
constexpr const char* kSoftmaxDiagonal = "softmax-diagonal-only";
constexpr const char* kWrongLoss = "wrong-loss";
constexpr const char* kMissingLearningRate = "missing-learning-rate";
constexpr const char* kStepForWeight = "step-for-weight";
constexpr const char* kKnownMistake = "named-by-exercise";
}  // namespace mistake_kind

/// Wrong versions of the answer to `key`, most common first: for gradients and deltas, each
/// activation derivative of the chain dropped or replaced by a typical wrong one (a(1-a) in z,
/// 1 - a for tanh, relu for step), weights of the backward sum transposed or of the wrong unit,
/// one path left out, the output delta of the other loss or dL/da for dL/dz, the input factor
/// dropped, of the wrong unit, or z for a; for forward equations the bias or a term left out,
/// z for a, transposed weights, the wrong activation; and the answers of the other parts.
/// Sign and constant-factor mistakes are found by the checker on top of these (any ratio).
std::vector<Mistake> plausible_mistakes(const EquationKey& key, Derivation& d);

}  // namespace deltacheck
