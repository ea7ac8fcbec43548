// Exact decimal numbers as users write them ("0.1" is one tenth, never the nearest double).
#pragma once

#include <optional>
#include <string>

// Under -fsanitize=address GCC 12 reports -Wmaybe-uninitialized inside Boost's cpp_int and
// boost::rational (a false positive in Boost's own code); the silence covers Boost's lines only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/multiprecision/cpp_int.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace deltacheck {

/// An exact rational number, for sums and comparisons that must not round.
using Rational = boost::multiprecision::cpp_rational;

/// A decimal number read from text: [+-]digits[.digits][(e|E)[+-]digits].
/// `text()` is the normalised spelling every numeric type is built from, so that
/// double, 50-digit and N-digit values all round the same exact number.
class Decimal {
 public:
  Decimal() = default;
  /// Reads `text`; returns nothing when it is not a decimal number (or the exponent exceeds
  /// +-100000).
  static std::optional<Decimal> parse(const std::string& text);
  /// The exact value as a Decimal with up to 17 significant digits (for values made in double).
  static Decimal from_double(double value, int significant_digits = 17);

  /// Normalised text, e.g. "-0.25", "1e-30"; exact.
  const std::string& text() const { return text_; }
  /// The exact value as a rational.
  Rational rational() const;
  /// Nearest double (for display and training only).
  double to_double() const;
  /// Equal values (whatever the spelling).
  bool operator==(const Decimal& o) const { return text_ == o.text_ || rational() == o.rational(); }

 private:
  std::string text_ = "0";
};

}  // namespace deltacheck
