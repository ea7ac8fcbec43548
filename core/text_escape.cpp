// Escaping text for terminals and spreadsheets.
#include "core/text_escape.h"

#include <cstdio>

#include "core/utf8.h"

namespace deltacheck {

namespace {

std::string hex_byte(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
  return buffer;
}

// One control byte as shown: the C escapes people read at once, \xNN for the others.
std::string control(unsigned char c) {
  if (c == '\n') return "\\n";
  if (c == '\r') return "\\r";
  if (c == '\t') return "\\t";
  return hex_byte(c);
}

std::string escaped(const std::string& text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += hex_byte(c);
      ++i;
      continue;
    }
    const unsigned code = utf8_decode(text, i, n);
    if (code == '\n' && keep_newlines)
      out += '\n';
    else if (code < 0x20 || code == 0x7F)
      out += control(c);
    else if (code >= 0x80 && code <= 0x9F)
      out += "\\u00" + hex_byte(static_cast<unsigned char>(code)).substr(2);
    else
      out.append(text, i, n);
    i += n;
  }
  return out;
}

}  // namespace

std::string printable(const std::string& text) { return escaped(text, false); }

std::string printable_lines(const std::string& text) { return escaped(text, true); }

std::string csv_cell(const std::string& text) {
  const bool formula = !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos;
  const std::string cell = formula ? "'" + text : text;
  if (!formula && cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\textbackslash{}";
    else if (c == '~')
      out += "\\textasciitilde{}";
    else if (c == '^')
      out += "\\textasciicircum{}";
    else if (std::string("&%$#_{}").find(c) != std::string::npos)
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

}  // namespace deltacheck
