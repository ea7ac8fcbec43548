// The rewriting of Unicode, LaTeX and Python notation into the answer syntax, one pass over the
// line with the source offset of every byte written.
#include "symbolic/notation.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/utf8.h"
#include "symbolic/function_table.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

namespace {

constexpr std::size_t kNone = std::string::npos;

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// What a rewritten word is: an operator or space, a name or function (kept apart from a
// following letter), or the d of a derivative (joined to the name that follows: dL, dw).
enum class Word { symbol, name, prefix, frac, hat, contents, sizing };

struct Mapping {
  const char* from;  // a LaTeX command without its backslash, or a character in UTF-8
  const char* to;
  Word kind;
};

// clang-format off
const Mapping kCommands[] = {
  {"cdot", "*", Word::symbol}, {"times", "*", Word::symbol}, {"ast", "*", Word::symbol},
  {"div", "/", Word::symbol}, {"quad", " ", Word::symbol}, {"qquad", " ", Word::symbol},
  {"gt", ">", Word::symbol}, {"lt", "<", Word::symbol}, {"vert", "|", Word::symbol},
  {"lvert", "|", Word::symbol}, {"rvert", "|", Word::symbol}, {"mid", "|", Word::symbol},
  {"lbrace", "(", Word::symbol}, {"rbrace", ")", Word::symbol}, {"lbrack", "[", Word::symbol},
  {"rbrack", "]", Word::symbol}, {"displaystyle", "", Word::symbol},
  {"textstyle", "", Word::symbol},
  {"sigma", "sigmoid", Word::name}, {"sigmoid", "sigmoid", Word::name},
  {"tanh", "tanh", Word::name},
  {"exp", "exp", Word::name}, {"log", "log", Word::name}, {"ln", "ln", Word::name},
  {"cosh", "cosh", Word::name}, {"sinh", "sinh", Word::name}, {"sqrt", "sqrt", Word::name},
  {"max", "max", Word::name}, {"sech", "sech", Word::name}, {"sgn", "sign", Word::name},
  {"sign", "sign", Word::name}, {"relu", "relu", Word::name}, {"ReLU", "relu", Word::name},
  {"alpha", "alpha", Word::name}, {"beta", "beta", Word::name}, {"gamma", "gamma", Word::name},
  {"delta", "delta", Word::name}, {"epsilon", "epsilon", Word::name},
  {"varepsilon", "epsilon", Word::name}, {"eta", "eta", Word::name}, {"theta", "theta", Word::name},
  {"lambda", "lambda", Word::name}, {"mu", "mu", Word::name},
  {"partial", "d", Word::prefix}, {"Delta", "d", Word::prefix},
  {"frac", "", Word::frac}, {"dfrac", "", Word::frac}, {"tfrac", "", Word::frac},
  {"hat", "", Word::hat}, {"widehat", "", Word::hat},
  {"mathrm", "", Word::contents}, {"text", "", Word::contents}, {"textrm", "", Word::contents},
  {"textit", "", Word::contents}, {"mathit", "", Word::contents}, {"mathbf", "", Word::contents},
  {"mathbb", "", Word::contents}, {"mathsf", "", Word::contents},
  {"boldsymbol", "", Word::contents},
  {"bm", "", Word::contents}, {"operatorname", "", Word::contents},
  {"mathcal", "", Word::contents}, {"prime", "'", Word::symbol},
  {"left", "", Word::sizing}, {"right", "", Word::sizing}, {"middle", "", Word::sizing},
  {"big", "", Word::sizing}, {"Big", "", Word::sizing}, {"bigg", "", Word::sizing},
  {"Bigg", "", Word::sizing}, {"bigl", "", Word::sizing}, {"bigr", "", Word::sizing},
  {"Bigl", "", Word::sizing}, {"Bigr", "", Word::sizing}, {"biggl", "", Word::sizing},
  {"biggr", "", Word::sizing}, {"Biggl", "", Word::sizing}, {"Biggr", "", Word::sizing},
};

// Characters with one meaning in the syntax (superscripts and subscripts are read apart).
const Mapping kCharacters[] = {
  {"\u2212", "-", Word::symbol}, {"\u2013", "-", Word::symbol}, {"\u2014", "-", Word::symbol},
  {"\u2012", "-", Word::symbol}, {"\u00D7", "*", Word::symbol}, {"\u00B7", "*", Word::symbol},
  {"\u22C5", "*", Word::symbol}, {"\u2219", "*", Word::symbol}, {"\u2217", "*", Word::symbol},
  {"\u00F7", "/", Word::symbol}, {"\u2215", "/", Word::symbol}, {"\u2248", "=", Word::symbol},
  {"\u2032", "'", Word::symbol}, {"\u2019", "'", Word::symbol}, {"\u2018", "'", Word::symbol},
  {"\u00B4", "'", Word::symbol}, {"\u2223", "|", Word::symbol},
  {"\u2022", "*", Word::symbol}, {"\u00BD", "(1/2)", Word::symbol},  // • ½
  {"\u00A0", " ", Word::symbol}, {"\u2002", " ", Word::symbol}, {"\u2003", " ", Word::symbol},
  {"\u2004", " ", Word::symbol}, {"\u2005", " ", Word::symbol}, {"\u2006", " ", Word::symbol},
  {"\u2007", " ", Word::symbol}, {"\u2008", " ", Word::symbol}, {"\u2009", " ", Word::symbol},
  {"\u200A", " ", Word::symbol}, {"\u202F", " ", Word::symbol}, {"\u205F", " ", Word::symbol},
  {"\u3000", " ", Word::symbol}, {"\u2000", " ", Word::symbol}, {"\u2001", " ", Word::symbol},
  {"\u200B", "", Word::symbol}, {"\u200C", "", Word::symbol}, {"\u200D", "", Word::symbol},
  {"\u2060", "", Word::symbol}, {"\uFEFF", "", Word::symbol},
  {"\u03C3", "sigmoid", Word::name}, {"\u03B4", "delta", Word::name},
  {"\u0177", "yhat", Word::name},
  {"\u03B7", "eta", Word::name}, {"\u03BB", "lambda", Word::name}, {"\u03B1", "alpha", Word::name},
  {"\u03B2", "beta", Word::name}, {"\u03B3", "gamma", Word::name}, {"\u03BC", "mu", Word::name},
  {"\u03B5", "epsilon", Word::name}, {"\u03F5", "epsilon", Word::name},
  {"\u03B8", "theta", Word::name},
  {"\u221A", "sqrt", Word::name},
  {"\u2202", "d", Word::prefix}, {"\u0394", "d", Word::prefix}, {"\u2206", "d", Word::prefix},
};

// Python's spellings: module prefixes dropped, the function's name mapped.
const char* const kPythonModules[] = {"np", "numpy", "math", "torch", "F", "scipy", "special",
                                      "jnp", "tf", "nn", "functional"};
const Mapping kPythonFunctions[] = {
  {"exp", "exp", Word::name}, {"log", "log", Word::name}, {"tanh", "tanh", Word::name},
  {"sqrt", "sqrt", Word::name}, {"cosh", "cosh", Word::name}, {"sinh", "sinh", Word::name},
  {"abs", "abs", Word::name}, {"fabs", "abs", Word::name}, {"absolute", "abs", Word::name},
  {"sign", "sign", Word::name}, {"sigmoid", "sigmoid", Word::name},
  {"expit", "sigmoid", Word::name},
  {"relu", "relu", Word::name}, {"maximum", "max", Word::name}, {"max", "max", Word::name},
  {"e", "exp(1)", Word::symbol},
};
// clang-format on

template <std::size_t N>
const Mapping* lookup(const Mapping (&table)[N], const std::string& key) {
  for (const Mapping& m : table)
    if (key == m.from) return &m;
  return nullptr;
}

// What to write instead of the LaTeX command \name, which the syntax does not read.
std::string unknown_command(const std::string& name) {
  std::string advice =
      "write this part in plain text, e.g. a*b, (a)/(b), sigmoid(z), exp(x), w2_11";
  if (name == "sum") advice = "write the sum out term by term with +";
  if (name == "prod") advice = "write the product out with *";
  if (name == "cdots" || name == "ldots" || name == "dots") advice = "write every term out";
  if (name == "geq" || name == "ge" || name == "leq" || name == "le")
    advice = "the step is written [z > 0], or step(z)";
  if (name == "nabla") advice = "write each partial derivative by name, e.g. dL/dw2_11";
  return "unknown LaTeX command '\\" + name + "': " + advice;
}

// The character of the syntax a superscript character stands for, or 0.
char superscript(unsigned cp) {
  if (cp == 0x00B2) return '2';
  if (cp == 0x00B3) return '3';
  if (cp == 0x00B9) return '1';
  if (cp == 0x2070) return '0';
  if (cp >= 0x2074 && cp <= 0x2079) return static_cast<char>('4' + (cp - 0x2074));
  if (cp == 0x207A) return '+';
  if (cp == 0x207B) return '-';
  if (cp == 0x207D) return '(';
  if (cp == 0x207E) return ')';
  return 0;
}

// The digit a subscript digit stands for, or 0.
char subscript(unsigned cp) {
  return cp >= 0x2080 && cp <= 0x2089 ? static_cast<char>('0' + (cp - 0x2080)) : 0;
}

// A text's first and last non-space bytes, as [begin, end).
std::pair<std::size_t, std::size_t> trimmed(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return {b, e};
}

// dL, dw3_11, dyhat: the numerator or denominator of a derivative written as a name.
bool is_derivative_name(const std::string& s) {
  if (s.size() < 2 || s[0] != 'd' || !is_letter(s[1])) return false;
  return std::all_of(s.begin(), s.end(), is_name_char);
}

// True when the text is one number or one name, so it needs no parentheses around it.
bool is_atom(const std::string& s) {
  if (s.empty()) return false;
  if (std::all_of(s.begin(), s.end(), is_name_char)) return true;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.'; });
}

// True when s has a + or - outside brackets after its first character: a sum.
bool is_sum(const std::string& s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (depth == 0 && i > 0 && (c == '+' || c == '-' || c == '=')) return true;
  }
  return false;
}

// A braced group (or one character) of the line: its contents and the byte after it.
struct Group {
  std::size_t begin = 0, end = 0, after = 0;
  bool braced = false;
};

// A run of digits (commas allowed: w_{1,1}) as the index of a subscript or layer.
bool is_index(const std::string& line, std::size_t b, std::size_t e) {
  if (b >= e || !is_digit(line[b])) return false;
  for (std::size_t i = b; i < e; ++i)
    if (!is_digit(line[i]) && line[i] != ',') return false;
  return true;
}

class Rewriter {
 public:
  Rewriter(const std::string& line, std::size_t begin, std::size_t end, int depth)
      : line_(line), pos_(begin), end_(end), depth_(depth) {
    if (depth > kMaxNotationNesting)
      throw ExpressionError(begin, "nested too deeply: at most " +
                                       std::to_string(kMaxNotationNesting) +
                                       " levels of \\frac and braces");
  }

  NotationText run() {
    while (pos_ < end_) step();
    out_.source.push_back(end_);
    return std::move(out_);
  }

 private:
  bool at_name() const { return name_end_ == out_.text.size(); }
  // True right after the d of a derivative (\partial, ∂, Δ), which joins the name after it.
  bool after_d() const {
    return at_name() && out_.text.size() - name_start_ == 1 && out_.text.back() == 'd';
  }

  void emit(const std::string& s, std::size_t source) {
    out_.text += s;
    out_.source.insert(out_.source.end(), s.size(), source);
  }

  void copy(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) emit(std::string(1, line_[i]), i);
  }

  // Appends a rewritten part, its source offsets kept (its last entry, its end, dropped).
  void append(const NotationText& t, std::size_t b, std::size_t e) {
    out_.text.append(t.text, b, e - b);
    out_.source.insert(out_.source.end(), t.source.begin() + b, t.source.begin() + e);
  }

  // A space before a word when the text before would run into it (a\sigma, 2\frac).
  void separate() {
    if (!out_.text.empty() && is_name_char(out_.text.back())) emit(" ", pos_);
  }

  // Writes a word of `kind` rewritten from the line at `source`, starting a name where it is one.
  void word(const std::string& text, Word kind, std::size_t source) {
    if (kind == Word::symbol) {
      emit(text, source);
      return;
    }
    if (!after_d()) {  // \partial \mathcal{L} is dL
      separate();
      name_start_ = out_.text.size();
    }
    emit(text, source);
    name_end_ = out_.text.size();
    name_mapped_ = true;
    // A name is kept apart from a letter after it (\sigma z); the d of dL joins it.
    if (kind == Word::name && pos_ < end_ && is_letter(line_[pos_])) emit(" ", pos_);
  }

  void step() {
    const char c = line_[pos_];
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) return unicode();
    if (c == '\\') return command();
    if (is_letter(c)) return identifier();
    if (is_digit(c) && at_name()) return name_digits();
    if (c == '_' && at_name()) return underscore();
    if (c == '^' && prime_superscript()) return;
    if (c == '^' && at_name() && layer_first()) return;
    if (c == '$' || c == '&') {
      ++pos_;
      return;
    }
    if (c == '{') return open_brace();
    if (c == '}') return close_brace();
    copy(pos_, pos_ + 1);
    ++pos_;
  }

  void name_digits() {
    const std::size_t start = pos_;
    while (pos_ < end_ && is_digit(line_[pos_])) ++pos_;
    copy(start, pos_);
    name_end_ = out_.text.size();
  }

  void open_brace() {
    closers_.push_back(")");
    emit("(", pos_++);
  }

  void close_brace() {
    std::string closer = ")";
    if (!closers_.empty()) {
      closer = closers_.back();
      closers_.pop_back();
    }
    emit(closer, pos_++);
  }

  // An ASCII name, or a Python module's function (np.exp).
  void identifier() {
    const std::size_t start = pos_;
    while (pos_ < end_ && std::isalnum(static_cast<unsigned char>(line_[pos_]))) ++pos_;
    const std::string id = line_.substr(start, pos_ - start);
    if (pos_ + 1 < end_ && line_[pos_] == '.' && is_letter(line_[pos_ + 1]) &&
        std::find(std::begin(kPythonModules), std::end(kPythonModules), id) !=
            std::end(kPythonModules))
      return python(start);
    const bool joined = at_name();
    copy(start, pos_);
    if (!joined) {
      name_start_ = out_.text.size() - id.size();
      name_mapped_ = false;
    }
    name_end_ = out_.text.size();
  }

  // np.exp, torch.nn.functional.relu: the last part names the function.
  void python(std::size_t start) {
    std::size_t last = pos_;
    while (pos_ + 1 < end_ && line_[pos_] == '.' && is_letter(line_[pos_ + 1])) {
      last = ++pos_;
      while (pos_ < end_ && is_name_char(line_[pos_])) ++pos_;
    }
    const std::string name = line_.substr(last, pos_ - last);
    const Mapping* m = lookup(kPythonFunctions, name);
    if (m == nullptr)
      throw ExpressionError(start, "unknown function '" + line_.substr(start, pos_ - start) +
                                       "': the functions are " + function_list());
    word(m->to, m->kind, start);
  }

  void unicode() {
    const std::size_t start = pos_;
    const std::size_t n = utf8_sequence_length(line_, pos_);
    if (n == 0) {  // invalid UTF-8: kept for the tokenizer to name
      copy(pos_, pos_ + 1);
      ++pos_;
      return;
    }
    const unsigned cp = utf8_decode(line_, pos_, n);
    if (superscript(cp) != 0) return superscripts();
    pos_ += n;
    if (const char d = subscript(cp)) {
      if (!at_name()) name_start_ = kNone;
      emit(std::string(1, d), start);
      if (name_start_ != kNone) name_end_ = out_.text.size();
      return;
    }
    if (cp == 0x0302 && at_name() && out_.text.back() == 'y') {  // y + combining circumflex
      emit("hat", start);
      name_end_ = out_.text.size();
      name_mapped_ = true;
      return;
    }
    if (const Mapping* m = lookup(kCharacters, line_.substr(start, n)))
      return word(m->to, m->kind, start);
    copy(start, pos_);  // kept for the tokenizer to explain
  }

  // A run of superscripts as one power: x² is x^2, x⁻¹ is x^(-1).
  void superscripts() {
    std::string power;
    std::vector<std::size_t> sources;
    while (pos_ < end_) {
      const std::size_t n = utf8_sequence_length(line_, pos_);
      const char c = n == 0 ? 0 : superscript(utf8_decode(line_, pos_, n));
      if (c == 0) break;
      power += c;
      sources.push_back(pos_);
      pos_ += n;
    }
    const bool digits = std::all_of(power.begin(), power.end(), is_digit);
    if (digits && at_name() && pos_ + 1 < end_ && line_[pos_] == '_' &&
        (is_digit(line_[pos_ + 1]) || line_[pos_ + 1] == '{')) {
      for (std::size_t i = 0; i < power.size(); ++i) emit(std::string(1, power[i]), sources[i]);
      name_end_ = out_.text.size();  // a³_1: the layer, a3_1
      return;
    }
    emit(digits ? "^" : "^(", sources.front());
    for (std::size_t i = 0; i < power.size(); ++i) emit(std::string(1, power[i]), sources[i]);
    if (!digits) emit(")", sources.back());
  }

  void command();
  void single_character_command(std::size_t at);
  void frac(std::size_t at);
  void hat(std::size_t at);
  void contents(std::size_t at);
  std::optional<Group> group(std::size_t at);
  std::size_t matching_brace(std::size_t open) const;
  NotationText rewrite(const Group& g) const {
    return Rewriter(line_, g.begin, g.end, depth_ + 1).run();
  }
  void underscore();
  bool layer_first();
  bool prime_superscript();
  // A space after a name built from LaTeX when a letter follows: w_{11}^{(2)}x_1.
  void keep_apart() {
    if (pos_ < end_ && is_letter(line_[pos_])) emit(" ", pos_);
  }
  std::optional<Group> layer(std::size_t at, bool after_subscript) const;
  std::optional<Group> subscript_at(std::size_t at);
  void write_index(const Group& g);
  bool base_is_letters() const {
    return std::all_of(out_.text.begin() + name_start_, out_.text.end(), is_letter);
  }

  const std::string& line_;
  std::size_t pos_, end_;
  int depth_;
  NotationText out_;
  std::vector<std::string> closers_;  // what each open '{' closes with
  std::size_t name_start_ = kNone, name_end_ = kNone;
  bool name_mapped_ = false;  // the name began with a LaTeX or Unicode word (\hat{y}, δ)
};

void Rewriter::command() {
  const std::size_t at = pos_++;
  if (pos_ >= end_) throw ExpressionError(at, "a '\\' ends the line: remove it");
  if (!is_letter(line_[pos_])) return single_character_command(at);
  const std::size_t start = pos_;
  while (pos_ < end_ && is_letter(line_[pos_])) ++pos_;
  const std::string name = line_.substr(start, pos_ - start);
  while (pos_ < end_ && line_[pos_] == ' ') ++pos_;  // LaTeX drops spaces after a command
  const Mapping* m = lookup(kCommands, name);
  if (m == nullptr) throw ExpressionError(at, unknown_command(name));
  switch (m->kind) {
    case Word::frac:
      return frac(at);
    case Word::hat:
      return hat(at);
    case Word::contents:
      return contents(at);
    case Word::sizing:
      if (pos_ < end_ && line_[pos_] == '.') ++pos_;  // \left. is no bracket
      return;
    default:
      return word(m->to, m->kind, at);
  }
}

void Rewriter::single_character_command(std::size_t at) {
  const char c = line_[pos_++];
  switch (c) {
    case ',':
    case ';':
    case ':':
    case '>':
    case ' ':
      return emit(" ", at);
    case '!':
    case '(':
    case ')':
    case '[':
    case ']':
    case '$':
      return;
    case '{':
      return emit("(", at);
    case '}':
      return emit(")", at);
    case '|':
      return emit("|", at);
    case '%':
    case '_':
      return emit(std::string(1, c), at);
    default:
      throw ExpressionError(
          at, "unknown LaTeX command '\\" + std::string(1, c) + "': write this part in plain text");
  }
}

std::size_t Rewriter::matching_brace(std::size_t open) const {
  int depth = 0;
  for (std::size_t i = open; i < end_; ++i) {
    if (line_[i] == '\\') {
      ++i;  // \{ and \} are no grouping
      continue;
    }
    if (line_[i] == '{') ++depth;
    if (line_[i] == '}' && --depth == 0) return i;
  }
  throw ExpressionError(open, "unbalanced braces: this '{' is never closed");
}

// The argument of a command at `at`: a braced group, or one character (\frac12, \hat y).
std::optional<Group> Rewriter::group(std::size_t at) {
  while (at < end_ && line_[at] == ' ') ++at;
  if (at >= end_ || line_[at] == '}' || line_[at] == '\\') return std::nullopt;
  if (line_[at] != '{') return Group{at, at + 1, at + 1, false};
  const std::size_t close = matching_brace(at);
  return Group{at + 1, close, close + 1, true};
}

// \frac{a}{b}: (a)/(b) with parentheses only where the grouping needs them; dL/dw3_11 when
// both parts are the d of a name.
void Rewriter::frac(std::size_t at) {
  const auto a = group(pos_);
  const auto b = a ? group(a->after) : std::nullopt;
  if (!a || !b)
    throw ExpressionError(at, "write \\frac{numerator}{denominator}, or (numerator)/(denominator)");
  const NotationText num = rewrite(*a), den = rewrite(*b);
  pos_ = b->after;
  const auto [nb, ne] = trimmed(num.text);
  const auto [db, de] = trimmed(den.text);
  const std::string n = num.text.substr(nb, ne - nb), d = den.text.substr(db, de - db);
  separate();
  const bool derivative = is_derivative_name(n) && is_derivative_name(d);
  const bool wrap_num = !derivative && (is_sum(n) || n.empty());
  const bool wrap_den = !derivative && !is_atom(d);
  if (wrap_num) emit("(", at);
  append(num, nb, ne);
  if (wrap_num) emit(")", a->end);
  emit("/", b->begin);
  if (wrap_den) emit("(", b->begin);
  append(den, db, de);
  if (wrap_den) emit(")", b->end);
  name_end_ = kNone;
}

// \hat{y} and \hat y: yhat, a name (\hat{y}_1 is yhat1).
void Rewriter::hat(std::size_t at) {
  const auto g = group(pos_);
  if (!g) throw ExpressionError(at, "write \\hat{y}, or yhat");
  const NotationText arg = rewrite(*g);
  const auto [b, e] = trimmed(arg.text);
  pos_ = g->after;
  if (!after_d()) {  // \partial \hat{y} is dyhat
    separate();
    name_start_ = out_.text.size();
  }
  append(arg, b, e);
  emit("hat", at);
  name_end_ = out_.text.size();
  name_mapped_ = true;
}

// \mathrm{..}, \text{..}, \operatorname{..}: the contents; a word there is a name or a function
// (\operatorname{ReLU} is relu).
void Rewriter::contents(std::size_t at) {
  const auto g = group(pos_);
  if (!g) throw ExpressionError(at, "write the text in braces, e.g. \\mathrm{d}");
  const std::string inside = line_.substr(g->begin, g->end - g->begin);
  if (!inside.empty() && std::all_of(inside.begin(), inside.end(), is_letter)) {
    pos_ = g->after;
    std::string lower = inside;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool function = function_named(lower) != nullptr || lower == "max";
    if (inside == "d") return word("d", Word::prefix, at);
    return word(function ? lower : inside, Word::name, at);
  }
  if (!g->braced) return;  // one character: read on as it is
  // \text{(chain rule)}: words of prose beside the mathematics, not part of it.
  const bool prose = line_.compare(at, 5, "\\text") == 0 || line_.compare(at, 5, "\\mbox") == 0;
  if (prose && inside.find_first_of(" (),:;") != std::string::npos) {
    pos_ = g->after;
    return;
  }
  closers_.push_back("");
  pos_ = g->begin;
}

// A layer written as a superscript at `at` (a '^'): ^{(2)}, ^{[2]}; before a subscript also
// ^(2), ^[2] and ^2 (w^2_11). The group holds the layer's digits.
std::optional<Group> Rewriter::layer(std::size_t at, bool after_subscript) const {
  if (at >= end_ || line_[at] != '^') return std::nullopt;
  std::size_t p = at + 1;
  const bool braced = p < end_ && line_[p] == '{';
  if (braced) ++p;
  const bool bracket = p < end_ && (line_[p] == '(' || line_[p] == '[');
  if (bracket) ++p;
  const std::size_t digits = p;
  while (p < end_ && is_digit(line_[p])) ++p;
  if (p == digits) return std::nullopt;
  const Group g{digits, p, 0, braced};
  if (bracket) {
    if (p >= end_ || (line_[p] != ')' && line_[p] != ']')) return std::nullopt;
    ++p;
  }
  if (braced) {
    if (!bracket || p >= end_ || line_[p] != '}') return std::nullopt;
    return Group{g.begin, g.end, p + 1, true};
  }
  // Unbraced: a layer only when a subscript follows (w^2_11), never after one (x_1^2).
  if (after_subscript || p + 1 >= end_ || line_[p] != '_' ||
      !(is_digit(line_[p + 1]) || line_[p + 1] == '{'))
    return std::nullopt;
  return Group{g.begin, g.end, p, false};
}

// A subscript's index after the '_' at `at`: {11}, {1,1} or 11; a braced group of other text.
std::optional<Group> Rewriter::subscript_at(std::size_t at) {
  std::size_t p = at + 1;
  if (p < end_ && line_[p] == '{') {
    const std::size_t close = matching_brace(p);
    return Group{p + 1, close, close + 1, true};
  }
  const std::size_t start = p;
  while (p < end_ && is_digit(line_[p])) ++p;
  if (p == start) return std::nullopt;
  return Group{start, p, p, false};
}

// The digits of an index, commas as '_' (w_{1,1}^{(2)} is w2_1_1), or a group's rewritten text.
void Rewriter::write_index(const Group& g) {
  const std::string inside = line_.substr(g.begin, g.end - g.begin);
  const auto [b, e] = trimmed(inside);
  if (!is_index(line_, g.begin + b, g.begin + e)) {
    const NotationText t = rewrite(g);
    append(t, 0, t.text.size());
    return;
  }
  for (std::size_t i = g.begin + b; i < g.begin + e; ++i)
    emit(line_[i] == ',' ? "_" : std::string(1, line_[i]), i);
}

// A '_' after a name: a subscript, perhaps followed by the layer (w_{11}^{(2)} is w2_11).
void Rewriter::underscore() {
  const auto sub = subscript_at(pos_);
  if (!sub) {
    copy(pos_, pos_ + 1);
    ++pos_;
    name_end_ = out_.text.size();
    return;
  }
  const auto l = layer(sub->after, true);
  const std::string inside = line_.substr(sub->begin, sub->end - sub->begin);
  const auto [b, e] = trimmed(inside);
  const bool index = is_index(line_, sub->begin + b, sub->begin + e);
  if (l) {
    copy(l->begin, l->end);
    emit("_", pos_);
  } else if (!(index && (sub->braced || name_mapped_) && base_is_letters())) {
    emit("_", pos_);  // x_1 stays; x_{1} and yhat_1 of \hat{y}_1 lose the '_'
  }
  write_index(*sub);
  pos_ = l ? l->after : sub->after;
  name_end_ = out_.text.size();
  if (l || sub->braced) keep_apart();
}

// A '^' after a name that is a layer (w^{(2)}_{11} is w2_11, a^{(3)} is a3); false otherwise.
bool Rewriter::layer_first() {
  const auto l = layer(pos_, false);
  if (!l) return false;
  copy(l->begin, l->end);
  pos_ = l->after;
  if (pos_ < end_ && line_[pos_] == '_') {
    if (const auto sub = subscript_at(pos_)) {
      emit("_", pos_);
      write_index(*sub);
      pos_ = sub->after;
    }
  }
  name_end_ = out_.text.size();
  keep_apart();
  return true;
}

// \sigma^{\prime}(z), \sigma^\prime, f^{'}: a prime written as a superscript.
bool Rewriter::prime_superscript() {
  std::size_t p = pos_ + 1;
  const bool braced = p < end_ && line_[p] == '{';
  if (braced) ++p;
  std::size_t after = kNone;
  if (line_.compare(p, 6, "\\prime") == 0 && (p + 6 >= end_ || !is_letter(line_[p + 6])))
    after = p + 6;
  else if (p < end_ && line_[p] == '\'')
    after = p + 1;
  if (after == kNone || (braced && (after >= end_ || line_[after] != '}'))) return false;
  emit("'", pos_);
  pos_ = braced ? after + 1 : after;
  return true;
}

}  // namespace

NotationText canonical_notation(const std::string& line) {
  return Rewriter(line, 0, line.size(), 0).run();
}

std::size_t source_offset(const NotationText& t, std::size_t offset) {
  return t.source[std::min(offset, t.text.size())];
}

}  // namespace deltacheck
