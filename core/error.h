// Typed errors the user can cause, carried up to app/ which prints them once.
// The rule: an error the user caused is thrown as UserError with the file, line and column and
// what to write instead. Code that sees only one piece of text (an expression, an answer key)
// throws ExpressionError with an offset into it; the caller that knows the file turns it into a
// located UserError. A check whose caller adds the place returns std::optional<std::string>
// (nothing when fine). std::logic_error is only for programming errors, never for input.
#pragma once

#include <stdexcept>
#include <string>

namespace deltacheck {

/// Where an error was found. `line` and `column` are 1-based; 0 means unknown.
/// `source_line` is the offending line, quoted under the message with a caret.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string source_line;
};

/// An error caused by the user's input (bad spec, file, option, point).
/// Library code throws it; app/ catches it once and exits with status 2.
class UserError : public std::runtime_error {
 public:
  /// An error with no position: the message says what is wrong and what would be right.
  explicit UserError(const std::string& message);
  /// An error at a place in a file or argument.
  UserError(SourceLocation where, const std::string& message);

  /// The location (possibly empty).
  const SourceLocation& where() const { return where_; }
  /// The bare message, without the location prefix.
  const std::string& message() const { return message_; }
  /// "file:line:col: message", then the quoted line with a caret under the column when known.
  std::string formatted() const;

 private:
  SourceLocation where_;
  std::string message_;
};

/// A point where a ReLU unit sits on its kink, so the gradient is not defined there.
class KinkError : public UserError {
 public:
  using UserError::UserError;
};

}  // namespace deltacheck
