// Loading exercises from YAML (built in or from a file), refusing at load time what could not be checked.
#include "exercises/exercise.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/input_file.h"
#include "exercises/library_files.h"
#include "exercises/symbolic_context.h"

namespace deltacheck {

namespace {

const char* const kFields[] = {"id",   "title",   "statement", "network", "loss",  "parts",  "allow_deltas",
                               "form", "points",  "sample_points", "symbols", "given", "numeric"};
const char* const kPartFields[] = {"key", "points", "ask", "truth", "uses", "mistakes"};
const char* const kNumericFields[] = {"decimals", "learning_rate", "value_digits", "values"};

// Positions in the YAML text, for messages that quote the line.
class YamlSource {
 public:
  YamlSource(const std::string& text, const std::string& name) : name_(name) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }
  SourceLocation at(const YAML::Mark& m) const {
    if (m.line < 0) return {name_, 0, 0, ""};
    const std::string line = m.line < static_cast<int>(lines_.size()) ? lines_[m.line] : "";
    return {name_, m.line + 1, m.column + 1, line};
  }
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const { throw UserError(at(node.Mark()), message); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string> lines_;
};

std::string scalar(const YamlSource& src, const YAML::Node& node, const std::string& field) {
  if (!node.IsScalar()) src.fail(node, "'" + field + "' must be a single value");
  return node.Scalar();
}

// The parts a group word stands for, in the order of the worked solution.
std::vector<EquationKey> group(const std::string& word, const Network& net) {
  std::vector<EquationKey> keys;
  const Derivation d(net);
  if (word == "forward")
    for (const Equation& e : d.forward()) keys.push_back(e.key);
  if (word == "outputs")
    for (const Equation& e : d.outputs()) keys.push_back(e.key);
  if (word == "loss") keys.push_back(d.loss().key);
  if (word == "deltas")
    for (const Equation& e : d.deltas()) keys.push_back(e.key);
  if (word == "gradients" || word == "updates")
    for (const Equation& e : d.gradients(Form::delta)) keys.push_back(e.key);
  return keys;
}

bool is_path(const std::string& s) {
  const auto ends = [&](const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return s.find('/') != std::string::npos || ends(".yaml") || ends(".yml");
}

}  // namespace

const char* kind_name(ExerciseKind k) {
  switch (k) {
    case ExerciseKind::network: return "network";
    case ExerciseKind::symbolic: return "symbolic";
    case ExerciseKind::numeric: return "numeric";
  }
  return "?";
}

bool same_key(const EquationKey& a, const EquationKey& b) { return a.gradient == b.gradient && a.quantity == b.quantity; }

const Part* Exercise::find(const EquationKey& key) const {
  for (const Part& p : parts)
    if (p.kind == PartKind::equation && same_key(p.key, key)) return &p;
  return nullptr;
}

std::optional<std::size_t> Exercise::part_for(const std::string& written, std::string& why, bool& not_asked) const {
  not_asked = false;
  std::string t;
  for (char c : written)
    if (c != ' ' && c != '\t') t += c;
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].name == t) return i;
  if (kind == ExerciseKind::symbolic) {
    why = "not a key of this exercise";
    return std::nullopt;
  }
  if (kind == ExerciseKind::numeric && t.rfind("new_", 0) == 0) {
    const auto q = parse_quantity(t.substr(4));
    const auto r = q ? resolve(*q, net) : std::nullopt;
    if (r && (r->kind == QuantityKind::weight || r->kind == QuantityKind::bias)) {
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i].kind == PartKind::update && parts[i].key.quantity == *r) return i;
      not_asked = true;
      why = "new_" + quantity_name(*r, net) + " is not asked in this exercise";
      return std::nullopt;
    }
  }
  const auto key = parse_key(t, net, why);
  if (!key) return std::nullopt;
  if (const Part* p = find(*key)) return static_cast<std::size_t>(p - parts.data());
  not_asked = true;
  why = key_text(*key) + " is not asked in this exercise";
  return std::nullopt;
}

std::string Exercise::key_text(const EquationKey& key) const { return key.text(net, NameStyle::short_form); }

double Exercise::max_score() const {
  double total = 0;
  for (const Part& p : parts) total += p.points;
  return total;
}

std::optional<EquationKey> parse_key(const std::string& text, const Network& net, std::string& why) {
  std::string t;
  for (char c : text)
    if (c != ' ' && c != '\t') t += c;
  EquationKey key;
  std::string name = t;
  for (const char* prefix : {"dL/d", "dl/d"}) {
    if (t.rfind(prefix, 0) == 0) {
      key.gradient = true;
      name = t.substr(4);
    }
  }
  const auto q = parse_quantity(name);
  const auto r = q ? resolve(*q, net) : std::nullopt;
  if (!r) {
    why = explain_unknown_name(name, net);
    const std::string prefix = "unknown name '" + name + "': ";
    if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
    return std::nullopt;
  }
  if (key.gradient && r->kind != QuantityKind::weight && r->kind != QuantityKind::bias) {
    why = "dL/d" + name + " is not asked: gradients are of weights and biases (dL/dw1_11, dL/db1_1)";
    return std::nullopt;
  }
  if (!key.gradient && (r->kind == QuantityKind::weight || r->kind == QuantityKind::bias || r->kind == QuantityKind::input ||
                        r->kind == QuantityKind::target)) {
    why = "'" + name + "' is given, not computed: keys are z, a, yhat, L, delta or dL/d of a weight or bias";
    return std::nullopt;
  }
  key.quantity = *r;
  return key;
}

std::string describe_part(const EquationKey& key, const Network& net) {
  const Quantity& q = key.quantity;
  const std::string l = std::to_string(q.layer), j = std::to_string(q.j), k = std::to_string(q.k);
  const std::string name = key.text(net, NameStyle::short_form);
  if (key.gradient) {
    if (q.kind == QuantityKind::weight) {
      const std::string from = q.layer == 1 ? "input x" + k : "unit " + k + " of layer " + std::to_string(q.layer - 1);
      return name + ": the gradient of the loss for the weight from " + from + " to unit " + j + " of layer " + l;
    }
    return name + ": the gradient of the loss for the bias of unit " + j + " of layer " + l;
  }
  switch (q.kind) {
    case QuantityKind::preactivation: return name + ": the pre-activation of unit " + j + " of layer " + l;
    case QuantityKind::activation:
      return name + ": the activation of unit " + j + " of layer " + l + " (" + activation_name(net.activation(q.layer)) + ")";
    case QuantityKind::output: return name + ": the network's output";
    case QuantityKind::loss: return name + ": the loss (" + loss_name(net.loss) + ")";
    case QuantityKind::delta: return name + ": dL/dz" + l + "_" + j + ", the delta of unit " + j + " of layer " + l;
    default: return name;
  }
}

std::string describe_part(const Part& p, const Exercise& ex) {
  switch (p.kind) {
    case PartKind::equation: return describe_part(p.key, ex.net);
    case PartKind::update:
      return p.name + ": the value of " + quantity_name(p.key.quantity, ex.net) + " after one gradient-descent step with learning rate eta";
    case PartKind::symbolic: return p.name + ": " + p.ask;
  }
  return p.name;
}

std::vector<std::string> builtin_exercise_ids() {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < kLibraryFileCount; ++i) {
    std::string name = kLibraryFiles[i].name;
    ids.push_back(name.substr(0, name.rfind('.')));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Exercise load_exercise(const std::string& id_or_path) {
  if (is_path(id_or_path)) {
    return parse_exercise(read_input_file(id_or_path, kExerciseFile), id_or_path);
  }
  for (std::size_t i = 0; i < kLibraryFileCount; ++i) {
    const std::string name = kLibraryFiles[i].name;
    if (name.substr(0, name.rfind('.')) == id_or_path) {
      Exercise e = parse_exercise(kLibraryFiles[i].text, "exercises/library/" + name);
      e.source = "built-in";
      return e;
    }
  }
  std::string ids;
  for (const std::string& id : builtin_exercise_ids()) ids += (ids.empty() ? "" : ", ") + id;
  throw UserError("unknown exercise '" + id_or_path + "': the built-in exercises are " + ids + " (or give a path to a .yaml file)");
}

namespace {

// Refuses fields not in `known`, naming the known ones.
template <std::size_t N>
void check_fields(const YamlSource& src, const YAML::Node& map, const char* const (&known)[N], const std::string& what) {
  for (const auto& field : map) {
    const std::string name = field.first.Scalar();
    if (std::find(std::begin(known), std::end(known), name) != std::end(known)) continue;
    std::string list;
    for (const char* f : known) list += (list.empty() ? "" : ", ") + std::string(f);
    src.fail(field.first, "unknown field '" + name + "' (the fields of " + what + " are " + list + ")");
  }
}

double number(const YamlSource& src, const YAML::Node& n, const std::string& field, double min, double max) {
  try {
    const double v = n.as<double>();
    if (v >= min && v <= max) return v;
  } catch (const YAML::Exception&) {
  }
  std::ostringstream range;
  range << min << " to " << max;
  src.fail(n, "'" + field + "' must be a number from " + range.str());
}

std::vector<std::string> string_list(const YamlSource& src, const YAML::Node& n, const std::string& field) {
  if (!n.IsSequence()) src.fail(n, "'" + field + "' is a list, e.g. [y, yhat]");
  std::vector<std::string> out;
  for (const YAML::Node& item : n) out.push_back(scalar(src, item, field));
  return out;
}

bool is_name(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// The parts of a network or numeric exercise.
void network_parts(const YamlSource& src, const YAML::Node& parts, double points, Exercise& e) {
  for (const YAML::Node& item : parts) {
    // (yaml-cpp's Node assignment writes through to the node: bind each name once.)
    const YAML::Node key_node = item.IsMap() ? item["key"] : item;
    double part_points = points;
    if (item.IsMap()) {
      check_fields(src, item, kPartFields, "a part");
      if (!key_node) src.fail(item, "a part given as a map needs 'key' (and optionally 'points')");
      if (item["points"]) part_points = number(src, item["points"], "points", 0, 1000);
    }
    const std::string text = scalar(src, key_node, "parts");
    const bool updates = text == "updates" || text.rfind("new_", 0) == 0;
    if (updates && e.kind != ExerciseKind::numeric) src.fail(key_node, "updates are asked in numeric exercises only (add a 'numeric' section)");
    std::vector<EquationKey> keys = group(text, e.net);
    if (keys.empty()) {
      std::string why;
      const auto key = parse_key(text.rfind("new_", 0) == 0 ? "dL/d" + text.substr(4) : text, e.net, why);
      if (!key) src.fail(key_node, "unknown part '" + text + "': " + why + " (or a group: forward, outputs, loss, deltas, gradients" +
                                       (e.kind == ExerciseKind::numeric ? ", updates" : "") + ")");
      keys.push_back(*key);
    }
    for (const EquationKey& k : keys) {
      Part p;
      p.kind = updates ? PartKind::update : PartKind::equation;
      p.key = k;
      p.points = part_points;
      p.name = updates ? "new_" + quantity_name(k.quantity, e.net) : k.text(e.net, NameStyle::short_form);
      for (const Part& other : e.parts)
        if (other.name == p.name) src.fail(key_node, "part " + p.name + " is asked twice");
      if (k.quantity.kind == QuantityKind::delta && !e.allow_deltas && e.kind != ExerciseKind::numeric)
        src.fail(key_node, "a delta part needs 'allow_deltas: true' (its answer uses the deltas of the next layer)");
      e.parts.push_back(p);
    }
  }
}

// The parts of a symbolic exercise: maps with key, ask, truth and optionally uses, points, mistakes.
void symbolic_parts(const YamlSource& src, const YAML::Node& parts, double points, Exercise& e) {
  for (const YAML::Node& item : parts) {
    if (!item.IsMap()) src.fail(item, "a part of a symbolic exercise is a map: {key: ..., ask: ..., truth: ...}");
    check_fields(src, item, kPartFields, "a part");
    Part p;
    p.kind = PartKind::symbolic;
    for (const char* field : {"key", "ask", "truth"})
      if (!item[field]) src.fail(item, std::string("a part needs '") + field + "'");
    p.name = scalar(src, item["key"], "key");
    p.name.erase(std::remove_if(p.name.begin(), p.name.end(), [](char c) { return c == ' ' || c == '\t'; }), p.name.end());
    if (p.name.empty() || p.name.find('=') != std::string::npos || p.name.find('#') != std::string::npos)
      src.fail(item["key"], "a key may not be empty or contain '=' or '#'");
    for (const Part& other : e.parts)
      if (other.name == p.name) src.fail(item["key"], "part " + p.name + " is asked twice");
    p.ask = scalar(src, item["ask"], "ask");
    p.truth = scalar(src, item["truth"], "truth");
    p.points = item["points"] ? number(src, item["points"], "points", 0, 1000) : points;
    if (item["uses"]) p.uses = string_list(src, item["uses"], "uses");
    if (const YAML::Node m = item["mistakes"]) {
      if (!m.IsSequence()) src.fail(m, "'mistakes' is a list of {answer: ..., feedback: ...}");
      for (const YAML::Node& k : m) {
        if (!k.IsMap() || !k["answer"] || !k["feedback"]) src.fail(k, "a mistake is {answer: EXPRESSION, feedback: WORDS}");
        p.mistakes.push_back({scalar(src, k["answer"], "answer"), scalar(src, k["feedback"], "feedback")});
      }
    }
    e.parts.push_back(p);
  }
}

// Reads `text` as `what` would be read at check time, failing at the node on error.
template <class F>
void readable(const YamlSource& src, const YAML::Node& node, const std::string& what, F&& read) {
  try {
    read();
  } catch (const ExpressionError& error) {
    src.fail(node, what + ": " + error.what());
  }
}

}  // namespace

Exercise parse_exercise(const std::string& yaml, const std::string& source) {
  const YamlSource src(yaml, source);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw UserError(src.at(e.mark), "not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw UserError(SourceLocation{source, 1, 1, ""}, "an exercise is a YAML map with the fields id, title, parts and network or symbols");
  check_fields(src, root, kFields, "an exercise");
  const auto required = [&](const char* field) {
    const YAML::Node n = root[field];
    if (!n) throw UserError(SourceLocation{source, 1, 1, ""}, std::string("missing field '") + field + "'");
    return n;
  };
  Exercise e;
  e.source = source;
  e.id = scalar(src, required("id"), "id");
  if (!is_name(std::string(1, e.id.empty() ? '-' : e.id[0])) ||
      !std::all_of(e.id.begin(), e.id.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; }))
    src.fail(root["id"], "an id is letters, digits, '-' and '_', starting with a letter");
  e.title = scalar(src, required("title"), "title");
  if (root["statement"]) e.statement = scalar(src, root["statement"], "statement");
  const bool has_network = static_cast<bool>(root["network"]), has_symbols = static_cast<bool>(root["symbols"]);
  if (has_network == has_symbols) throw UserError(SourceLocation{source, 1, 1, ""}, "an exercise has either 'network' (with 'loss') or 'symbols'");
  e.kind = has_symbols ? ExerciseKind::symbolic : root["numeric"] ? ExerciseKind::numeric : ExerciseKind::network;
  if (has_symbols) {
    for (const char* field : {"loss", "numeric", "form", "allow_deltas"})
      if (root[field]) src.fail(root[field], std::string("'") + field + "' belongs to network exercises, not to one with 'symbols'");
  }
  if (has_network) {
    const YAML::Node network = root["network"], loss = required("loss");
    try {
      e.net = parse_network(scalar(src, network, "network"), scalar(src, loss, "loss"));
    } catch (const UserError& error) {
      src.fail(network, error.message());
    }
    for (const char* field : {"given"})
      if (root[field]) src.fail(root[field], std::string("'") + field + "' belongs to exercises with 'symbols'");
  }
  if (const YAML::Node f = root["form"]) {
    try {
      e.form = parse_form(scalar(src, f, "form"));
    } catch (const UserError& error) {
      src.fail(f, error.message());
    }
  }
  if (const YAML::Node n = root["allow_deltas"]) {
    const std::string v = scalar(src, n, "allow_deltas");
    if (v != "true" && v != "false") src.fail(n, "'allow_deltas' is true or false");
    e.allow_deltas = v == "true";
  }
  const double points = root["points"] ? number(src, root["points"], "points", 0, 1000) : 1;
  if (const YAML::Node n = root["sample_points"]) e.sample_points = static_cast<int>(number(src, n, "sample_points", 8, 1000));

  if (has_symbols) {
    const YAML::Node symbols = root["symbols"];
    if (!symbols.IsMap() || symbols.size() == 0) src.fail(symbols, "'symbols' maps each name to its sample range, e.g. {yhat: [0.05, 0.95], y: [0, 1]}");
    for (const auto& s : symbols) {
      FreeSymbol f;
      f.name = s.first.Scalar();
      if (!is_name(f.name)) src.fail(s.first, "'" + f.name + "' is not a name: letters, digits and '_'");
      if (!s.second.IsSequence() || s.second.size() != 2) src.fail(s.second, "a symbol's range is [LOW, HIGH]");
      f.low = number(src, s.second[0], "range", -1e6, 1e6);
      f.high = number(src, s.second[1], "range", -1e6, 1e6);
      if (!(f.low < f.high)) src.fail(s.second, "a range [LOW, HIGH] needs LOW < HIGH");
      e.symbols.push_back(f);
    }
    if (const YAML::Node given = root["given"]) {
      if (!given.IsMap()) src.fail(given, "'given' maps names to expressions, e.g. {s1: exp(z1)/(exp(z1) + exp(z2))}");
      for (const auto& g : given) {
        const std::string name = g.first.Scalar();
        if (!is_name(name)) src.fail(g.first, "'" + name + "' is not a name");
        e.given.emplace_back(name, scalar(src, g.second, name));
      }
    }
  }
  if (const YAML::Node numeric = root["numeric"]) {
    if (!numeric.IsMap()) src.fail(numeric, "'numeric' is a map: decimals, learning_rate, value_digits, values");
    check_fields(src, numeric, kNumericFields, "'numeric'");
    if (numeric["decimals"]) e.decimals = static_cast<int>(number(src, numeric["decimals"], "decimals", 1, 12));
    if (numeric["value_digits"]) e.value_digits = static_cast<int>(number(src, numeric["value_digits"], "value_digits", 1, 3));
    if (const YAML::Node rate = numeric["learning_rate"]) {
      e.learning_rate = scalar(src, rate, "learning_rate");
      if (!Decimal::parse(e.learning_rate)) src.fail(rate, "'learning_rate' is a decimal number, e.g. 0.5");
    }
    if (const YAML::Node values = numeric["values"]) {
      if (!values.IsMap()) src.fail(values, "'values' maps names of the network to decimals, e.g. {x1: 0.5, w1_11: -0.2}");
      for (const auto& v : values) {
        const std::string name = v.first.Scalar(), value = scalar(src, v.second, name);
        const auto q = parse_quantity(name);
        const auto r = q ? resolve(*q, e.net) : std::nullopt;
        if (!r || !(r->kind == QuantityKind::input || r->kind == QuantityKind::target || r->kind == QuantityKind::weight ||
                    r->kind == QuantityKind::bias))
          src.fail(v.first, "'" + name + "' is not an input, target, weight or bias of the network");
        if (!Decimal::parse(value)) src.fail(v.second, "'" + value + "' is not a decimal number");
        e.values.emplace_back(quantity_name(*r, e.net, NameStyle::separated), value);
      }
    }
  }

  const YAML::Node parts = required("parts");
  if (!parts.IsSequence() || parts.size() == 0) src.fail(parts, "'parts' is a list: group words (forward, outputs, loss, deltas, gradients) or keys");
  if (e.kind == ExerciseKind::symbolic) symbolic_parts(src, parts, points, e);
  else network_parts(src, parts, points, e);

  // Refuse now what could not be checked later.
  if (e.kind == ExerciseKind::symbolic) {
    std::unique_ptr<SymbolicContext> context;
    readable(src, root["given"], "a given name cannot be read", [&] { context = std::make_unique<SymbolicContext>(e); });
    std::size_t i = 0;
    for (const YAML::Node& item : parts) {
      const Part& p = e.parts[i++];
      readable(src, item["truth"], "the truth of " + p.name + " cannot be read", [&] { (void)context->truth(p.truth); });
      for (const std::string& name : p.uses)
        readable(src, item["uses"], "'uses' of " + p.name, [&] { (void)context->names()(name, 0); });
      std::size_t m = 0;
      for (const KnownMistake& k : p.mistakes)
        readable(src, item["mistakes"][m++]["answer"], "a mistake of " + p.name + " cannot be read",
                 [&] { (void)read_expression(k.answer, context->names(p.uses)); });
    }
  } else if (e.form != Form::delta) {
    const Derivation d(e.net);
    if (d.largest_gradient(e.form, Derivation::kDefaultMaxSize + 1) > Derivation::kDefaultMaxSize)
      src.fail(root["network"], "the " + std::string(e.form == Form::local ? "local" : "expanded") +
                                    " form of this network's gradients is too large to print: set 'form: delta'");
  }
  return e;
}

}  // namespace deltacheck
