// Loading exercises from YAML (built in or from a file): the fields every kind shares, then the
// kind's own loader.
#include <fstream>
#include <set>
#include <sstream>

#include "core/input_file.h"
#include "core/text.h"
#include "exercises/load/exercise_yaml.h"
#include "exercises/model/library_files.h"

namespace deltacheck {

using namespace detail;

namespace {

const char* const kFields[] = {"id",      "title",          "statement",        "network",
                               "loss",    "parts",          "allow_deltas",     "form",
                               "points",  "sample_points",  "symbols",          "given",
                               "numeric", "carried_credit", "require_evaluated"};

bool is_path(const std::string& s) {
  return s.find('/') != std::string::npos || ends_with(s, ".yaml") || ends_with(s, ".yml");
}

UserError at_start(const std::string& source, const std::string& message) {
  return UserError(SourceLocation{source, 1, 1, ""}, message);
}

// yaml-cpp keeps both entries of a key written twice and answers the first: a file whose
// second `id:` was meant would be read silently wrong, so a repeated key is refused where it is.
void refuse_repeated_keys(const YamlSource& src, const YAML::Node& node, int depth = 0) {
  if (depth > 64) src.fail(node, "the YAML is nested more than 64 levels deep");
  if (node.IsSequence())
    for (const YAML::Node& item : node) refuse_repeated_keys(src, item, depth + 1);
  if (!node.IsMap()) return;
  std::set<std::string> seen;
  for (const auto& field : node) {
    if (field.first.IsScalar() && !seen.insert(field.first.Scalar()).second)
      src.fail(field.first,
               "the key '" + field.first.Scalar() + "' is given twice in this map: keep one");
    refuse_repeated_keys(src, field.second, depth + 1);
  }
}

// The YAML document: a map of known fields.
YAML::Node load_root(const YamlSource& src, const std::string& yaml) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw UserError(src.at(e.mark), "not valid YAML: " + e.msg);
  }
  if (!root.IsMap())
    throw at_start(
        src.name(),
        "an exercise is a YAML map with the fields id, title, parts and network or symbols");
  refuse_repeated_keys(src, root);
  check_fields(src, root, kFields, "an exercise");
  return root;
}

YAML::Node required(const YamlSource& src, const YAML::Node& root, const char* field) {
  const YAML::Node n = root[field];
  if (!n) throw at_start(src.name(), std::string("missing field '") + field + "'");
  return n;
}

// id, title and statement.
void load_heading(const YamlSource& src, const YAML::Node& root, Exercise& e) {
  e.id = scalar(src, required(src, root, "id"), "id");
  if (!is_name(std::string(1, e.id.empty() ? '-' : e.id[0])) ||
      !std::all_of(e.id.begin(), e.id.end(),
                   [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; }))
    src.fail(root["id"], "an id is letters, digits, '-' and '_', starting with a letter");
  e.title = scalar(src, required(src, root, "title"), "title");
  if (root["statement"]) e.statement = scalar(src, root["statement"], "statement");
}

// The kind: 'symbols' or 'network' (with 'numeric' for a numeric one), and its empty details.
void load_kind(const YamlSource& src, const YAML::Node& root, Exercise& e) {
  const bool has_network = static_cast<bool>(root["network"]),
             has_symbols = static_cast<bool>(root["symbols"]);
  if (has_network == has_symbols)
    throw at_start(src.name(), "an exercise has either 'network' (with 'loss') or 'symbols'");
  if (has_symbols) {
    e.details = SymbolicExercise();
    refuse_network_fields(src, root);
    return;
  }
  if (root["numeric"]) e.details = NumericExercise();
  load_network_section(src, root, e.network());
}

// 'require_evaluated': true or false.
void load_require_evaluated(const YamlSource& src, const YAML::Node& root, Exercise& e) {
  const YAML::Node node = root["require_evaluated"];
  if (!node) return;
  const std::string v = scalar(src, node, "require_evaluated");
  if (v != "true" && v != "false") src.fail(node, "'require_evaluated' is true or false");
  e.require_evaluated = v == "true";
}

// 'form' and 'allow_deltas' (network kinds), 'sample_points', 'carried_credit',
// 'require_evaluated'; returns the default points of a part.
double load_options(const YamlSource& src, const YAML::Node& root, Exercise& e) {
  if (const YAML::Node f = root["form"]) {
    try {
      e.form = parse_form(scalar(src, f, "form"));
    } catch (const UserError& error) {
      src.fail(f, error.message());
    }
  }
  if (e.kind() != ExerciseKind::symbolic) load_allow_deltas(src, root, e.network());
  const double points = root["points"] ? number(src, root["points"], "points", 0, 1000) : 1;
  if (const YAML::Node n = root["sample_points"])
    e.sample_points = static_cast<int>(number(src, n, "sample_points", 8, 1000));
  if (const YAML::Node c = root["carried_credit"])
    e.carried_credit = number(src, c, "carried_credit", 0, 1);
  load_require_evaluated(src, root, e);
  return points;
}

}  // namespace

Exercise parse_exercise(const std::string& yaml, const std::string& source) {
  const YamlSource src(yaml, source);
  const YAML::Node root = load_root(src, yaml);
  Exercise e;
  e.source = source;
  load_heading(src, root, e);
  load_kind(src, root, e);
  const double points = load_options(src, root, e);
  if (auto* symbolic = std::get_if<SymbolicExercise>(&e.details))
    *symbolic = load_symbolic_section(src, root);
  if (auto* numeric = std::get_if<NumericExercise>(&e.details))
    load_numeric_section(src, root["numeric"], *numeric);

  const YAML::Node parts = required(src, root, "parts");
  if (!parts.IsSequence() || parts.size() == 0)
    src.fail(parts,
             "'parts' is a list: group words (forward, outputs, loss, deltas, gradients) or keys");
  // Refuse now what could not be checked later.
  if (e.kind() == ExerciseKind::symbolic) {
    load_symbolic_parts(src, parts, points, e);
    check_symbolic_readable(src, root, e);
  } else {
    load_network_parts(src, parts, points, e);
    check_network_form(src, root, e);
  }
  return e;
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
  throw UserError("unknown exercise '" + id_or_path + "': the built-in exercises are " +
                  join(builtin_exercise_ids(), ", ") + " (or give a path to a .yaml file)");
}

}  // namespace deltacheck
