// Splitting an answer expression into tokens, with byte offsets, and saying exactly what is wrong
// with a bad character.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace deltacheck {

/// An error at a byte offset of an expression's text. The reader's callers turn the offset
/// into file, line and column (see exercises/read/answer_file.h).
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(std::size_t offset, const std::string& message)
      : std::runtime_error(message), offset_(offset) {}
  /// Byte offset of the spot in the expression text.
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

/// The kinds of token of the answer syntax (docs/DESIGN.md §4).
enum class TokenKind {
  number,
  name,
  plus,
  minus,
  times,
  divide,
  power,
  open,
  close,
  comma,
  prime,
  bar,      // | of |w|
  greater,  // > of [z > 0]
  less,     // < of [z < 0]
  end
};

/// One token: its kind, its text as written (`**` for a power written so) and where it starts.
struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;
  std::size_t offset = 0;
};

/// Longest accepted number exponent: 1e-1000 .. 1e1000 (numbers are kept exact).
constexpr int kMaxDecimalExponent = 1000;

/// Most digits a number may be written with (integer and fraction parts, the exponent not
/// counted). Numbers in answers are short; a longer one costs time in every exact step, and
/// one that is truly large is written as a power (kept below kMaxPowerDigits of reader.h).
constexpr std::size_t kMaxNumberDigits = 100;

/// Tokens of `text`, ending with one `end` token. Spaces and tabs separate tokens; ( and [ are
/// `open`, ) and ] `close` (the token's text tells which).
/// Throws ExpressionError at the first byte that cannot start a token: a control byte (NUL
/// included), invalid UTF-8, a malformed number or one longer than kMaxNumberDigits digits,
/// braces, or a non-ASCII character (symbolic/notation.h rewrites those it knows first), with
/// what to write instead where one is known (σ: sigmoid, −: -, ×: *, ...).
std::vector<Token> tokenize(const std::string& text);

}  // namespace deltacheck
