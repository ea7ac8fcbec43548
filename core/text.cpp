// Small text idioms and the number-to-text rules that need no template.
#include "core/text.h"

#include <charconv>

namespace deltacheck {

std::string without_spaces(const std::string& written) {
  std::string t;
  for (char c : written)
    if (c != ' ' && c != '\t') t += c;
  return t;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string shortest_text(double v) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, v).ptr;
  return std::string(text, end);
}

std::string bytes_text(std::size_t bytes) {
  const std::size_t mib = std::size_t{1} << 20, gib = std::size_t{1} << 30;
  if (bytes >= gib && bytes % gib == 0) return std::to_string(bytes / gib) + " GiB";
  if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace deltacheck
