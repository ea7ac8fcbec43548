// Judging the parts of a symbolic exercise: expressions of free symbols at drawn values, with the
// mistakes the exercise names.
#pragma once

#include <memory>

#include "exercises/judge/judge.h"
#include "exercises/model/symbolic_context.h"

namespace deltacheck {

/// Judges symbolic exercises: each part's truth is an expression of the exercise's symbols
/// (or diff(...) of one), checked at points whose symbols are drawn from their ranges (seeded
/// by the exercise id); answers may use the part's `uses`; the mistakes are those the exercise
/// names.
class SymbolicJudge : public Judge {
 public:
  /// Reads the givens and truths and draws the points.
  explicit SymbolicJudge(Exercise exercise);

  /// The exercise's symbols and givens, or the part's `uses`.
  NameResolver names(std::size_t part) override;
  /// Every symbol and given name of the exercise (a line of working of one's own).
  NameResolver step_names(const std::string& name) override;
  /// The truth with the given names written back where they appear whole.
  GiNaC::ex solution_expression(std::size_t part) const override;

 protected:
  /// The mistakes the exercise names for the part.
  std::vector<Mistake> mistakes_of(std::size_t part) override;
  /// The mistakes the exercise names for `part` itself.
  std::vector<Mistake> named_mistakes(std::size_t part) const;
  /// Truths compared for inheriting mistakes are sized up to this many nodes (enough for any
  /// exercise's formula; larger ones inherit nothing).
  static constexpr std::size_t kInheritSizeLimit = 400;

 private:
  /// Draws `count` points: each symbol a 6-place decimal in its range, seeded by the exercise id.
  void draw_points(std::size_t count);

  std::unique_ptr<SymbolicContext> context_;
};

}  // namespace deltacheck
