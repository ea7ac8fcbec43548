// GiNaC's parser behind a symbol table of network quantities and the course's function names.
#include "symbolic/reader.h"

#include <cctype>

#include "core/error.h"
#include "symbolic/functions.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

// GiNaC reads a set low bit of a reader's address as a function number: keep them aligned (DESIGN §8).
[[gnu::aligned(4)]] ex read_step(const exvector& args) { return unit_step(args[0]); }
[[gnu::aligned(4)]] ex read_sigmoid(const exvector& args) { return sigmoid(args[0]); }
[[gnu::aligned(4)]] ex read_relu(const exvector& args) { return relu(args[0]); }
[[gnu::aligned(4)]] ex read_log(const exvector& args) { return log(args[0]); }

const prototype_table& reader_table() {
  static const prototype_table table = [] {
    ensure_functions_registered();
    prototype_table t = get_default_reader();
    t[std::make_pair(std::string("step"), 1)] = read_step;
    t[std::make_pair(std::string("sigmoid"), 1)] = read_sigmoid;
    t[std::make_pair(std::string("sigma"), 1)] = read_sigmoid;
    t[std::make_pair(std::string("relu"), 1)] = read_relu;
    t[std::make_pair(std::string("ln"), 1)] = read_log;
    return t;
  }();
  return table;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

ex read_expression(const std::string& text, SymbolTable& symbols) {
  symtab names;
  for (size_t i = 0; i < text.size();) {
    if (!std::isalpha(static_cast<unsigned char>(text[i])) || (i > 0 && is_name_char(text[i - 1]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_name_char(text[end])) ++end;
    size_t next = end;
    while (next < text.size() && text[next] == ' ') ++next;
    const std::string name = text.substr(i, end - i);
    i = end;
    if (next < text.size() && text[next] == '(') continue;  // a function name
    const auto q = parse_quantity(name);
    const auto r = q ? resolve(*q, symbols.network()) : std::nullopt;
    if (!r) throw UserError("unknown name '" + name + "' in '" + text + "'");
    names[name] = symbols(*r);
  }
  parser p(names, true, reader_table());
  try {
    return p(text);
  } catch (const std::exception& e) {
    throw UserError("cannot read '" + text + "': " + e.what());
  }
}

}  // namespace deltacheck
