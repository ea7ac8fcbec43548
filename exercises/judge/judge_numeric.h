// Judging the parts of a numeric exercise: numbers at one student's point, to the exercise's
// decimals.
#pragma once

#include "exercises/judge/judge_network.h"

namespace deltacheck {

/// The point of a numeric exercise for a student: the exercise's fixed values, the rest drawn
/// from student_seed. Throws UserError when the fixed values cannot avoid a ReLU kink.
Point numeric_point(const Exercise& ex, const std::string& student);

/// Judges numeric exercises: every answer is a number (names are refused) compared with the
/// truth at the student's one point to the exercise's decimals; update parts are a weight or
/// bias after one gradient-descent step; a wrong number is matched against mistakes by rounding.
class NumericJudge : public NetworkJudge {
 public:
  /// Draws the student's point and computes every part's truth.
  NumericJudge(Exercise exercise, const std::string& student);

  /// Refuses every name: answers are numbers.
  NameResolver names(std::size_t part) override;
  /// Refuses every name, as names does.
  NameResolver step_names(const std::string&) override { return names(0); }
  /// As a network's, and 0,45 read as 0.45.
  /// w - eta*G for an update part.
  std::optional<GiNaC::ex> update_from(std::size_t part, const GiNaC::ex& gradient) override;
  ReadOptions read_options() override {
    ReadOptions o = NetworkJudge::read_options();
    o.decimal_comma = true;
    return o;
  }

 protected:
  /// |answer - value| <= 10^-decimals.
  bool agrees(std::size_t part, const Real50& answer, const Real50& value) const override;
  /// |a - b| <= 10^-decimals: a step rounded to the exercise's decimals still follows.
  bool close_values(const Real50& a, const Real50& b) const override;
  /// "correct to N decimal places".
  std::string correct_feedback() const override;
  /// "the exercise's numbers".
  std::string where(std::size_t i) const override;
  /// None: numbers are not proved.
  std::vector<GiNaC::ex> proof_candidates(std::size_t, const GiNaC::ex&) const override {
    return {};
  }
  /// For an update: its sign, eta, the step alone, and each plausible mistake of its gradient.
  std::vector<Mistake> mistakes_of(std::size_t part) override;
  /// A mistake whose value rounds the same way, the truth times -1, 2 or 1/2, or both numbers.
  void diagnose(std::size_t part, const std::vector<Real50>& answer, const GiNaC::ex& expression,
                PartResult& result) override;

 private:
  Real50 tolerance_;  // 10^-decimals
};

}  // namespace deltacheck
