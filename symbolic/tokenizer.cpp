// The answer syntax's tokens: numbers, names, + - * / ^ ** ( ) [ ] | > <, with a precise message
// for every byte that is none of them.
#include "symbolic/tokenizer.h"

#include <cctype>
#include <cstdio>

namespace deltacheck {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

// What to write instead of a non-ASCII character students copy from notes and slides.
std::string non_ascii_hint(unsigned cp) {
  switch (cp) {
    case 0x03C3:
      return "write sigmoid(...) for the logistic function";  // σ
    case 0x03B4:
    case 0x0394:
      return "write delta2_1 and the like for the deltas";  // δ Δ
    case 0x2212:
    case 0x2013:
    case 0x2014:
      return "write the minus sign as -";  // − – —
    case 0x00D7:
    case 0x00B7:
    case 0x22C5:
    case 0x2219:
    case 0x2217:
      return "write multiplication as *";  // × · ⋅ ∙ ∗
    case 0x00F7:
    case 0x2215:
      return "write division as /";  // ÷ ∕
    case 0x00B2:
      return "write a square as ^2";  // ²
    case 0x00B3:
      return "write a cube as ^3";  // ³
    case 0x2032:
    case 0x2019:
    case 0x2018:
    case 0x00B4:  // ′ ’ ‘ ´
      return "write the prime as ', e.g. sigmoid'(z)";
    case 0x0177:
      return "write yhat for the output";  // ŷ
    case 0x03B7:
      return "write eta for the learning rate where an exercise uses it";  // η
    case 0x03BB:
      return "write lambda where an exercise uses it";  // λ
    case 0x2211:
      return "write sums out term by term with +";  // ∑
    case 0x221A:
      return "write sqrt(...)";  // √
    case 0x00A0:
    case 0x2009:
    case 0x200B:
      return "this is a non-breaking or invisible space: use a plain space";
    default:
      return "answers use plain ASCII: names like a1_1, operators + - * / ^";
  }
}

std::string ascii_hint(char c) {
  switch (c) {
    case '{':
    case '}':
      return "use parentheses ( ) for grouping";
    case '=':
      return "only one '=' per line: KEY = EXPRESSION";
    case '.':
      return "a number needs a digit, like 0.5";
    case '!':
    case '&':
    case '?':
    case '%':
    case '$':
    case '@':
    case '~':
    case '`':
    case '"':
    case ';':
      return "the operators are + - * / ^ (or **) and parentheses";
    default:
      return "";
  }
}

// The end of the number starting at `start`: digits, an optional fraction, an optional
// exponent. Refuses more than kMaxNumberDigits digits and exponents beyond kMaxDecimalExponent.
std::size_t number_end(const std::string& text, std::size_t start) {
  std::size_t i = start;
  while (i < text.size() && is_digit(text[i])) ++i;
  std::size_t digits = i - start;
  if (i < text.size() && text[i] == '.') {
    const std::size_t point = i++;
    while (i < text.size() && is_digit(text[i])) ++i;
    digits += i - point - 1;
  }
  if (digits > kMaxNumberDigits)
    throw ExpressionError(
        start, "number '" + text.substr(start, 12) + "...' has " + std::to_string(digits) +
                   " digits; at most " + std::to_string(kMaxNumberDigits) +
                   " are read: round it, or write it as a power such as 2^400 or 1.5e-120");
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && is_digit(text[j])) {
      const std::size_t first = j;
      while (j < text.size() && is_digit(text[j])) ++j;
      const std::string exponent = text.substr(first, j - first);
      if (exponent.size() > 4 || std::stoi(exponent) > kMaxDecimalExponent)
        throw ExpressionError(start, "number '" + text.substr(start, j - start) +
                                         "' is out of range: exponents go up to " +
                                         std::to_string(kMaxDecimalExponent));
      i = j;
    }
    // Otherwise 'e' is not part of the number: the parser reports the missing '*' there.
  }
  return i;
}

// The operator or bracket token at text[i] (a '*' followed by '*' is a power), or the
// error for a byte that starts no token.
TokenKind operator_kind(const std::string& text, std::size_t i) {
  const char c = text[i];
  switch (c) {
    case '+':
      return TokenKind::plus;
    case '-':
      return TokenKind::minus;
    case '/':
      return TokenKind::divide;
    case '^':
      return TokenKind::power;
    case '(':
    case '[':
      return TokenKind::open;
    case ')':
    case ']':
      return TokenKind::close;
    case '|':
      return TokenKind::bar;
    case '>':
      return TokenKind::greater;
    case '<':
      return TokenKind::less;
    case ',':
      return TokenKind::comma;
    case '\'':
      return TokenKind::prime;
    case '*':
      return i + 1 < text.size() && text[i + 1] == '*' ? TokenKind::power : TokenKind::times;
    default: {
      const std::string hint = ascii_hint(c);
      throw ExpressionError(i, "unexpected character '" + std::string(1, c) + "'" +
                                   (hint.empty() ? "" : ": " + hint));
    }
  }
}

}  // namespace

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  const auto add = [&](TokenKind kind, std::size_t start, std::size_t end) {
    tokens.push_back({kind, text.substr(start, end - start), start});
  };
  while (i < text.size()) {
    const char c = text[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (u >= 0x80) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0)
        throw ExpressionError(i,
                              "invalid UTF-8 (byte " + hex_byte(u) + "): answers are plain text");
      throw ExpressionError(i, "unexpected character '" + text.substr(i, n) +
                                   "': " + non_ascii_hint(utf8_decode(text, i, n)));
    }
    if (u < 0x20 || u == 0x7F)
      throw ExpressionError(
          i, "unexpected control character (byte " + hex_byte(u) + "): answers are plain text");
    if (is_digit(c) || (c == '.' && i + 1 < text.size() && is_digit(text[i + 1]))) {
      const std::size_t start = i;
      i = number_end(text, start);
      add(TokenKind::number, start, i);
      continue;
    }
    if (is_name_start(c)) {
      const std::size_t start = i;
      while (i < text.size() && is_name_char(text[i])) ++i;
      add(TokenKind::name, start, i);
      continue;
    }
    const std::size_t start = i;
    const TokenKind kind = operator_kind(text, i);
    i += kind == TokenKind::power && c == '*' ? 2 : 1;  // ** is one token
    add(kind, start, i);
  }
  tokens.push_back({TokenKind::end, "", text.size()});
  return tokens;
}

}  // namespace deltacheck
