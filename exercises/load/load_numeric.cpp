// Loading the 'numeric' section of numeric exercises: decimals, learning rate, and the values fixed
// by the exercise.
#include "core/decimal.h"
#include "exercises/load/exercise_yaml.h"

namespace deltacheck::detail {

namespace {

const char* const kNumericFields[] = {"decimals", "learning_rate", "value_digits", "values"};

// The fixed values of a numeric exercise: inputs, targets, weights and biases of the network.
void load_values(const YamlSource& src, const YAML::Node& values, NumericExercise& n) {
  if (!values.IsMap())
    src.fail(values, "'values' maps names of the network to decimals, e.g. {x1: 0.5, w1_11: -0.2}");
  for (const auto& v : values) {
    const std::string name = v.first.Scalar(), value = scalar(src, v.second, name);
    const auto q = parse_quantity(name);
    const auto r = q ? resolve(*q, n.net) : std::nullopt;
    if (!r || !(r->kind == QuantityKind::input || r->kind == QuantityKind::target ||
                r->kind == QuantityKind::weight || r->kind == QuantityKind::bias))
      src.fail(v.first, "'" + name + "' is not an input, target, weight or bias of the network");
    if (!Decimal::parse(value)) src.fail(v.second, "'" + value + "' is not a decimal number");
    n.values.emplace_back(quantity_name(*r, n.net, NameStyle::separated), value);
  }
}

}  // namespace

void load_numeric_section(const YamlSource& src, const YAML::Node& numeric, NumericExercise& n) {
  if (!numeric.IsMap())
    src.fail(numeric, "'numeric' is a map: decimals, learning_rate, value_digits, values");
  check_fields(src, numeric, kNumericFields, "'numeric'");
  if (numeric["decimals"])
    n.decimals = static_cast<int>(number(src, numeric["decimals"], "decimals", 1, 12));
  if (numeric["value_digits"])
    n.value_digits = static_cast<int>(number(src, numeric["value_digits"], "value_digits", 1, 3));
  if (const YAML::Node rate = numeric["learning_rate"]) {
    n.learning_rate = scalar(src, rate, "learning_rate");
    if (!Decimal::parse(n.learning_rate))
      src.fail(rate, "'learning_rate' is a decimal number, e.g. 0.5");
  }
  if (const YAML::Node values = numeric["values"]) load_values(src, values, n);
}

}  // namespace deltacheck::detail
