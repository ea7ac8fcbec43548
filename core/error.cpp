// Formatting of user errors: one line per problem, with a caret under the spot when known.
#include "core/error.h"

namespace deltacheck {

namespace {
std::string prefix(const SourceLocation& w) {
  if (w.file.empty()) return "";
  std::string p = w.file;
  if (w.line > 0) {
    p += ":" + std::to_string(w.line);
    if (w.column > 0) p += ":" + std::to_string(w.column);
  }
  return p + ": ";
}
}  // namespace

UserError::UserError(const std::string& message) : std::runtime_error(message), message_(message) {}

UserError::UserError(SourceLocation where, const std::string& message)
    : std::runtime_error(prefix(where) + message), where_(std::move(where)), message_(message) {}

std::string UserError::formatted() const {
  std::string out = what();
  if (!where_.source_line.empty() && where_.column > 0) {
    out += "\n    " + where_.source_line + "\n    " + std::string(where_.column - 1, ' ') + "^";
  }
  return out;
}

}  // namespace deltacheck
