// Reading and converting exact decimal numbers.
#include "core/decimal.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace deltacheck {

std::optional<Decimal> Decimal::parse(const std::string& s) {
  size_t i = 0;
  std::string out;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') out += '-';
    ++i;
  }
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) out += s[i++], ++digits;
  if (i < s.size() && s[i] == '.') {
    out += s[i++];
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) out += s[i++], ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    out += 'e';
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) out += s[i++];
    size_t exp_digits = 0;
    long exponent = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (exponent < 1000000) exponent = exponent * 10 + (s[i] - '0');
      out += s[i++], ++exp_digits;
    }
    if (exp_digits == 0 || exponent > 100000) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  if (out.back() == '.') out.pop_back();  // "2." -> "2"
  if (out[0] == '.' || (out[0] == '-' && out[1] == '.')) out.insert(out[0] == '-' ? 1 : 0, "0");
  Decimal d;
  d.text_ = out;
  return d;
}

Decimal Decimal::from_double(double value, int significant_digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant_digits, value);
  return *parse(buffer);
}

Rational Decimal::rational() const {
  using boost::multiprecision::cpp_int;
  const auto e = text_.find('e');
  const std::string mantissa = text_.substr(0, e);
  long exponent = e == std::string::npos ? 0 : std::stol(text_.substr(e + 1));
  std::string digits;
  for (char c : mantissa) {
    if (c == '.') continue;
    digits += c;
  }
  const auto dot = mantissa.find('.');
  if (dot != std::string::npos) exponent -= static_cast<long>(mantissa.size() - dot - 1);
  // cpp_int reads a leading 0 as octal: strip leading zeros (keeping the sign).
  const bool negative = !digits.empty() && digits[0] == '-';
  size_t first = negative ? 1 : 0;
  while (first + 1 < digits.size() && digits[first] == '0') ++first;
  digits = (negative ? "-" : "") + digits.substr(first);
  Rational value{cpp_int(digits)};
  const cpp_int scale = boost::multiprecision::pow(
      cpp_int(10), static_cast<unsigned>(exponent < 0 ? -exponent : exponent));
  return exponent < 0 ? value / Rational(scale) : value * Rational(scale);
}

double Decimal::to_double() const { return std::strtod(text_.c_str(), nullptr); }

}  // namespace deltacheck
