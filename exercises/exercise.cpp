// Loading exercises from YAML (built in or from a file), refusing at load time what could not be checked.
#include "exercises/exercise.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "exercises/library_files.h"

namespace deltacheck {

namespace {

const char* const kFields[] = {"id", "title", "statement", "network", "loss", "parts", "allow_deltas", "form", "points", "sample_points"};

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
  if (word == "gradients")
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

bool same_key(const EquationKey& a, const EquationKey& b) { return a.gradient == b.gradient && a.quantity == b.quantity; }

const Part* Exercise::find(const EquationKey& key) const {
  for (const Part& p : parts)
    if (same_key(p.key, key)) return &p;
  return nullptr;
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
    std::ifstream in(id_or_path, std::ios::binary);
    if (!in) throw UserError(SourceLocation{id_or_path, 0, 0, ""}, "cannot read the exercise file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_exercise(text.str(), id_or_path);
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

Exercise parse_exercise(const std::string& yaml, const std::string& source) {
  const YamlSource src(yaml, source);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw UserError(src.at(e.mark), "not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw UserError(SourceLocation{source, 1, 1, ""}, "an exercise is a YAML map with the fields id, title, network, loss, parts");
  for (const auto& field : root) {
    const std::string name = field.first.Scalar();
    if (std::find(std::begin(kFields), std::end(kFields), name) == std::end(kFields)) {
      std::string known;
      for (const char* f : kFields) known += (known.empty() ? "" : ", ") + std::string(f);
      src.fail(field.first, "unknown field '" + name + "' (the fields are " + known + ")");
    }
  }
  const auto required = [&](const char* field) {
    const YAML::Node n = root[field];
    if (!n) throw UserError(SourceLocation{source, 1, 1, ""}, std::string("missing field '") + field + "'");
    return n;
  };
  Exercise e;
  e.source = source;
  e.id = scalar(src, required("id"), "id");
  e.title = scalar(src, required("title"), "title");
  if (root["statement"]) e.statement = scalar(src, root["statement"], "statement");
  const YAML::Node network = required("network"), loss = required("loss");
  try {
    e.net = parse_network(scalar(src, network, "network"), scalar(src, loss, "loss"));
  } catch (const UserError& error) {
    src.fail(network, error.message());
  }
  if (const YAML::Node f = root["form"]) {
    try {
      e.form = parse_form(scalar(src, f, "form"));
    } catch (const UserError& error) {
      src.fail(f, error.message());
    }
  }
  const auto number = [&](const YAML::Node& n, const std::string& field, double min, double max) {
    try {
      const double v = n.as<double>();
      if (v >= min && v <= max) return v;
    } catch (const YAML::Exception&) {
    }
    src.fail(n, "'" + field + "' must be a number from " + std::to_string(static_cast<int>(min)) + " to " + std::to_string(static_cast<int>(max)));
  };
  if (const YAML::Node n = root["allow_deltas"]) {
    const std::string v = scalar(src, n, "allow_deltas");
    if (v != "true" && v != "false") src.fail(n, "'allow_deltas' is true or false");
    e.allow_deltas = v == "true";
  }
  const double points = root["points"] ? number(root["points"], "points", 0, 1000) : 1;
  if (const YAML::Node n = root["sample_points"]) e.sample_points = static_cast<int>(number(n, "sample_points", 8, 1000));
  const YAML::Node parts = required("parts");
  if (!parts.IsSequence() || parts.size() == 0) src.fail(parts, "'parts' is a list: group words (forward, outputs, loss, deltas, gradients) or keys");
  for (const YAML::Node& item : parts) {
    // (yaml-cpp's Node assignment writes through to the node: bind each name once.)
    const YAML::Node key_node = item.IsMap() ? item["key"] : item;
    double part_points = points;
    if (item.IsMap()) {
      if (!key_node) src.fail(item, "a part given as a map needs 'key' (and optionally 'points')");
      if (item["points"]) part_points = number(item["points"], "points", 0, 1000);
    }
    const std::string text = scalar(src, key_node, "parts");
    std::vector<EquationKey> keys = group(text, e.net);
    if (keys.empty()) {
      std::string why;
      const auto key = parse_key(text, e.net, why);
      if (!key) src.fail(key_node, "unknown part '" + text + "': " + why + " (or a group: forward, outputs, loss, deltas, gradients)");
      keys.push_back(*key);
    }
    for (const EquationKey& k : keys) {
      if (e.find(k)) src.fail(key_node, "part " + k.text(e.net, NameStyle::short_form) + " is asked twice");
      if (k.quantity.kind == QuantityKind::delta && !e.allow_deltas)
        src.fail(key_node, "a delta part needs 'allow_deltas: true' (its answer uses the deltas of the next layer)");
      e.parts.push_back({k, part_points});
    }
  }
  if (e.form != Form::delta) {
    const Derivation d(e.net);
    if (d.largest_gradient(e.form, Derivation::kDefaultMaxSize + 1) > Derivation::kDefaultMaxSize)
      src.fail(required("network"), "the " + std::string(e.form == Form::local ? "local" : "expanded") +
                                        " form of this network's gradients is too large to print: set 'form: delta'");
  }
  return e;
}

}  // namespace deltacheck
