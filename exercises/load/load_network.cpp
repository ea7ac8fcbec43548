// Loading the network of network and numeric exercises: the network, its parts, and a form small
// enough to print.
#include "core/text.h"
#include "exercises/load/exercise_yaml.h"

namespace deltacheck::detail {

namespace {

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

// The equations one entry of 'parts' asks for (a group word, a key, or new_ of a parameter).
std::vector<EquationKey> entry_keys(const YamlSource& src, const YAML::Node& key_node,
                                    const std::string& text, const Exercise& e) {
  std::vector<EquationKey> keys = group(text, e.net());
  if (!keys.empty()) return keys;
  try {
    return {parse_key(starts_with(text, "new_") ? "dL/d" + text.substr(4) : text, e.net())};
  } catch (const ExpressionError& why) {
    src.fail(key_node, "unknown part '" + text + "': " + why.what() +
                           " (or a group: forward, outputs, loss, deltas, gradients" +
                           (e.kind() == ExerciseKind::numeric ? ", updates" : "") + ")");
  }
}

// Adds the part asking `k` (an update of its parameter when `update`), refusing repeats and
// deltas the exercise does not allow.
void add_part(const YamlSource& src, const YAML::Node& key_node, const EquationKey& k, bool update,
              double points, Exercise& e) {
  Part p;
  p.kind = update ? PartKind::update : PartKind::equation;
  p.equation = k;
  p.points = points;
  p.answer_key =
      update ? "new_" + quantity_name(k.quantity, e.net()) : k.text(e.net(), NameStyle::short_form);
  for (const Part& other : e.parts)
    if (other.answer_key == p.answer_key)
      src.fail(key_node, "part " + p.answer_key + " is asked twice");
  if (k.quantity.kind == QuantityKind::delta && !e.network().allow_deltas &&
      e.kind() != ExerciseKind::numeric)
    src.fail(
        key_node,
        "a delta part needs 'allow_deltas: true' (its answer uses the deltas of the next layer)");
  e.parts.push_back(p);
}

}  // namespace

void load_network_section(const YamlSource& src, const YAML::Node& root, NetworkExercise& n) {
  const YAML::Node network = root["network"], loss = root["loss"];
  if (!loss) throw UserError(SourceLocation{src.name(), 1, 1, ""}, "missing field 'loss'");
  try {
    n.net = parse_network(scalar(src, network, "network"), scalar(src, loss, "loss"));
    check_symbolic_size(n.net);  // before any derivation: a 1000-wide layer is refused at once
  } catch (const UserError& error) {
    src.fail(network, error.message());
  }
  if (root["given"]) src.fail(root["given"], "'given' belongs to exercises with 'symbols'");
}

void load_allow_deltas(const YamlSource& src, const YAML::Node& root, NetworkExercise& n) {
  const YAML::Node node = root["allow_deltas"];
  if (!node) return;
  const std::string v = scalar(src, node, "allow_deltas");
  if (v != "true" && v != "false") src.fail(node, "'allow_deltas' is true or false");
  n.allow_deltas = v == "true";
}

void load_network_parts(const YamlSource& src, const YAML::Node& parts, double points,
                        Exercise& e) {
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
    const bool updates = text == "updates" || starts_with(text, "new_");
    if (updates && e.kind() != ExerciseKind::numeric)
      src.fail(key_node, "updates are asked in numeric exercises only (add a 'numeric' section)");
    for (const EquationKey& k : entry_keys(src, key_node, text, e))
      add_part(src, key_node, k, updates, part_points, e);
  }
}

void check_network_form(const YamlSource& src, const YAML::Node& root, const Exercise& e) {
  if (e.form == Form::delta) return;
  const Derivation d(e.net());
  if (d.largest_gradient(e.form, Derivation::kDefaultMaxSize + 1) > Derivation::kDefaultMaxSize)
    src.fail(root["network"],
             "the " + std::string(e.form == Form::local ? "local" : "expanded") +
                 " form of this network's gradients is too large to print: set 'form: delta'");
}

}  // namespace deltacheck::detail
