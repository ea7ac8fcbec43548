// Prose with $...$ formulas: split once, rendered for LaTeX (escaped text, formulas kept) or as
// plain text (formulas read back into deltacheck's answer notation).
#include "reports/inline_math.h"

#include <cctype>
#include <map>

namespace deltacheck {

namespace detail {

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Commands printed as other text; any command not here prints as its name (\sigma -> sigma).
const std::map<std::string, std::string>& command_words() {
  static const std::map<std::string, std::string> words = {
      {"cdot", "*"},        {"times", "*"}, {"leftarrow", "<-"}, {"gets", "<-"},   {"to", "->"},
      {"rightarrow", "->"}, {"le", "<="},   {"leq", "<="},       {"ge", ">="},     {"geq", ">="},
      {"ne", "!="},         {"neq", "!="},  {"approx", "~="},    {"ldots", ".."},  {"dots", ".."},
      {"cdots", ".."},      {"quad", " "},  {"qquad", " "},      {"mid", "|"},     {"vert", "|"},
      {"lvert", "|"},       {"rvert", "|"}, {"ell", "l"},        {"infty", "inf"}, {"left", ""},
      {"right", ""},        {"big", ""},    {"Big", ""},         {"bigl", ""},     {"bigr", ""},
      {"displaystyle", ""}};
  return words;
}

// Reads a LaTeX formula left to right, writing its plain form.
class PlainFormula {
 public:
  explicit PlainFormula(const std::string& s) : s_(s) {}

  // How far the reading has come.
  std::size_t at() const { return i_; }

  // Everything up to the end, or to the '}' closing the group being read (consumed).
  std::string until_close() {
    std::string out;
    while (i_ < s_.size() && s_[i_] != '}') step(out);
    if (i_ < s_.size()) ++i_;
    return out;
  }

 private:
  const std::string& s_;
  std::size_t i_ = 0;
  bool after_superscript_ = false;              // w^{(2)}_{11}: the subscript keeps its _
  std::size_t name_start_ = std::string::npos;  // where the name after a \partial's d starts

  void skip_spaces() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }

  // One argument: a {group}, a command, or one character.
  std::string argument() {
    skip_spaces();
    if (i_ >= s_.size()) return "";
    if (s_[i_] == '{') return ++i_, until_close();
    std::string out;
    if (s_[i_] == '\\') return command(out), out;
    return std::string(1, s_[i_++]);
  }

  // ^{(l)} names a layer: w{l}, or w2 for a number; other superscripts stay powers.
  void superscript(std::string& out) {
    const std::string a = argument();
    if (a.size() > 2 && a.front() == '(' && a.back() == ')' &&
        a.find_first_of("()", 1) == a.size() - 1) {
      const std::string inner = a.substr(1, a.size() - 2);
      bool digits = true;
      for (char c : inner) digits = digits && is_digit(c);
      out += digits ? inner : "{" + inner + "}";
      after_superscript_ = true;
      return;
    }
    out += "^" + (a.size() == 1 ? a : "(" + a + ")");
  }

  // z_1 -> z1 (a one-letter name with a number: the answer files' names); s_i, w2_11 keep _.
  void subscript(std::string& out) {
    const bool layered = after_superscript_;
    const std::string a = argument();
    bool digits = !a.empty();
    for (char c : a) digits = digits && is_digit(c);
    const std::size_t n = out.size();
    const bool one_letter =
        n >= 1 && is_letter(out[n - 1]) &&
        (n == 1 || n - 1 == name_start_ || !(is_letter(out[n - 2]) || is_digit(out[n - 2])));
    out += (digits && one_letter && !layered ? "" : "_") + a;
  }

  static std::string wrapped(const std::string& a, const char* operators) {
    return a.find_first_of(operators) == std::string::npos ? a : "(" + a + ")";
  }

  void command(std::string& out) {
    ++i_;  // the backslash
    if (i_ >= s_.size()) return;
    if (!is_letter(s_[i_])) {  // \, \; \! \  \{ \} \$ \\ .
      const char c = s_[i_++];
      out += c == '{' || c == '}' || c == '$' || c == '|' ? std::string(1, c) : c == '!' ? "" : " ";
      return;
    }
    std::size_t j = i_;
    while (j < s_.size() && is_letter(s_[j])) ++j;
    const std::string name = s_.substr(i_, j - i_);
    i_ = j;
    if (name == "frac" || name == "tfrac" || name == "dfrac") {
      const std::string top = argument(), bottom = argument();
      out += wrapped(top, " +-") + "/" + wrapped(bottom, " +-*/");
    } else if (name == "hat" || name == "bar" || name == "tilde") {
      out += argument() + name;
    } else if (name == "sqrt") {
      out += "sqrt(" + argument() + ")";
    } else if (name == "text" || name == "mathrm" || name == "operatorname" || name == "mathit" ||
               name == "mathbf" || name == "textrm") {
      out += argument();
    } else if (name == "partial") {
      out += "d";
      skip_spaces();
      name_start_ = out.size();
    } else {
      const auto word = command_words().find(name);
      out += word == command_words().end() ? name : word->second;
    }
  }

  void step(std::string& out) {
    const char c = s_[i_];
    const bool layered = after_superscript_;
    after_superscript_ = false;
    if (c == '\\') return command(out);
    if (c == '^') return ++i_, superscript(out);
    if (c == '_') return ++i_, after_superscript_ = layered, subscript(out);
    if (c == '{') return ++i_, void(out += until_close());
    out += c;
    ++i_;
  }
};

}  // namespace detail

std::vector<ProsePiece> split_prose(const std::string& s) {
  std::vector<ProsePiece> pieces;
  std::string text;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "\\$") == 0) {
      text += '$', i += 2;
      continue;
    }
    if (s.compare(i, 2, "$$") == 0) {  // display maths stays text
      text += "$$", i += 2;
      continue;
    }
    if (s[i] != '$') {
      text += s[i++];
      continue;
    }
    std::size_t close = i + 1;
    while (close < s.size() && s[close] != '$' && s.compare(close, 2, "\n\n") != 0)
      close += s[close] == '\\' && close + 1 < s.size() ? 2 : 1;
    if (close >= s.size() || s[close] != '$' || close == i + 1) {
      text += s[i++];
      continue;
    }
    if (!text.empty()) pieces.push_back({false, text}), text.clear();
    pieces.push_back({true, s.substr(i + 1, close - i - 1)});
    i = close + 1;
  }
  if (!text.empty()) pieces.push_back({false, text});
  return pieces;
}

std::string latex_prose(const std::string& s) {
  std::string out;
  for (const ProsePiece& p : split_prose(s))
    out += p.math ? "$" + p.text + "$" : latex_escape(p.text);
  return out;
}

std::string plain_formula(const std::string& latex) {
  std::string out;
  detail::PlainFormula reader(latex);
  for (std::size_t before = 0;;) {  // a stray '}' ends a group, not the formula
    out += reader.until_close();
    if (reader.at() == before || reader.at() >= latex.size()) break;
    before = reader.at();
  }
  for (std::size_t at; (at = out.find("  ")) != std::string::npos;) out.erase(at, 1);
  return out;
}

std::string plain_prose(const std::string& s) {
  std::string out;
  for (const ProsePiece& p : split_prose(s)) out += p.math ? plain_formula(p.text) : p.text;
  return out;
}

}  // namespace deltacheck
