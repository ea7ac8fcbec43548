// Formatting of user errors: one line per problem, with a caret under the spot when known.
#include "core/error.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

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

// The quoted line as shown: control bytes and invalid UTF-8 as '?', and for a long line only
// a window around the column, with "..." where it is cut. `caret` becomes the column in it.
std::string shown(const std::string& line, int& caret) {
  std::vector<std::string> chars;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = utf8_sequence_length(line, i);
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F)))
      chars.push_back(c == '\t' ? " " : "?");
    else
      chars.push_back(line.substr(i, n));
    i += n == 0 ? 1 : n;
  }
  const int before = 60, after = 40;
  const int first = std::max(0, caret - 1 - before);
  const int last = std::min(static_cast<int>(chars.size()), caret - 1 + after);
  std::string out = first > 0 ? "..." : "";
  caret = caret - first + (first > 0 ? 3 : 0);
  for (int i = first; i < last; ++i) out += chars[i];
  if (last < static_cast<int>(chars.size())) out += "...";
  return out;
}
}  // namespace

UserError::UserError(const std::string& message) : std::runtime_error(message), message_(message) {}

UserError::UserError(SourceLocation where, const std::string& message)
    : std::runtime_error(prefix(where) + message), where_(std::move(where)), message_(message) {}

std::string UserError::formatted() const {
  std::string out = what();
  if (!where_.source_line.empty() && where_.column > 0) {
    int caret = where_.column;
    const std::string line = shown(where_.source_line, caret);
    out += "\n    " + line + "\n    " + std::string(caret - 1, ' ') + "^";
  }
  return out;
}

}  // namespace deltacheck
