// The exercise model: its kinds, the parts asked, and the keys answer files write for them.
#include "exercises/model/exercise.h"

#include <stdexcept>

#include "core/error.h"
#include "core/text.h"

namespace deltacheck {

const char* kind_name(ExerciseKind k) {
  switch (k) {
    case ExerciseKind::network:
      return "network";
    case ExerciseKind::symbolic:
      return "symbolic";
    case ExerciseKind::numeric:
      return "numeric";
  }
  return "?";
}

bool same_key(const EquationKey& a, const EquationKey& b) {
  return a.gradient == b.gradient && a.quantity == b.quantity;
}

const NetworkExercise& Exercise::network() const {
  if (const auto* n = std::get_if<NetworkExercise>(&details)) return *n;
  if (const auto* n = std::get_if<NumericExercise>(&details)) return *n;
  throw std::logic_error("exercise " + id + " is symbolic: it has no network");
}

NetworkExercise& Exercise::network() {
  return const_cast<NetworkExercise&>(static_cast<const Exercise&>(*this).network());
}

const SymbolicExercise& Exercise::symbolic() const {
  if (const auto* s = std::get_if<SymbolicExercise>(&details)) return *s;
  throw std::logic_error("exercise " + id + " is not symbolic");
}

const NumericExercise& Exercise::numeric() const {
  if (const auto* n = std::get_if<NumericExercise>(&details)) return *n;
  throw std::logic_error("exercise " + id + " is not numeric");
}

const Part* Exercise::find(const EquationKey& key) const {
  for (const Part& p : parts)
    if (p.kind == PartKind::equation && same_key(p.equation, key)) return &p;
  return nullptr;
}

namespace {

// The update part new_NAME of a numeric exercise asks for, or why it is not graded; nothing
// when `t` does not name a weight or bias.
std::optional<PartOrNote> update_part(const Exercise& ex, const std::string& t) {
  const auto q = parse_quantity(t.substr(4));
  const auto r = q ? resolve(*q, ex.net()) : std::nullopt;
  if (!r || (r->kind != QuantityKind::weight && r->kind != QuantityKind::bias)) return std::nullopt;
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    if (ex.parts[i].kind == PartKind::update && ex.parts[i].equation.quantity == *r)
      return PartOrNote{i};
  return PartOrNote{"new_" + quantity_name(*r, ex.net()) + " is not asked in this exercise"};
}

}  // namespace

PartOrNote Exercise::part_for(const std::string& written) const {
  const std::string t = without_spaces(written);
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].answer_key == t) return i;
  if (kind() == ExerciseKind::symbolic) throw ExpressionError(0, "not a key of this exercise");
  if (kind() == ExerciseKind::numeric && starts_with(t, "new_"))
    if (auto update = update_part(*this, t)) return *update;
  const EquationKey key = parse_key(t, net());
  if (const Part* p = find(key)) return static_cast<std::size_t>(p - parts.data());
  return key_text(key) + " is not asked in this exercise";
}

std::string Exercise::key_text(const EquationKey& key) const {
  return key.text(net(), NameStyle::short_form);
}

double Exercise::max_score() const {
  double total = 0;
  for (const Part& p : parts) total += p.points;
  return total;
}

EquationKey parse_key(const std::string& text, const Network& net) {
  const std::string t = without_spaces(text);
  EquationKey key;
  std::string name = t;
  for (const char* prefix : {"dL/d", "dl/d"}) {
    if (starts_with(t, prefix)) {
      key.gradient = true;
      name = t.substr(4);
    }
  }
  const auto q = parse_quantity(name);
  const auto r = q ? resolve(*q, net) : std::nullopt;
  if (!r) {
    const std::string why = explain_unknown_name(name, net),
                      prefix = "unknown name '" + name + "': ";
    throw ExpressionError(0, starts_with(why, prefix) ? why.substr(prefix.size()) : why);
  }
  if (key.gradient && r->kind != QuantityKind::weight && r->kind != QuantityKind::bias)
    throw ExpressionError(
        0,
        "dL/d" + name + " is not asked: gradients are of weights and biases (dL/dw1_11, dL/db1_1)");
  if (!key.gradient && (r->kind == QuantityKind::weight || r->kind == QuantityKind::bias ||
                        r->kind == QuantityKind::input || r->kind == QuantityKind::target)) {
    throw ExpressionError(
        0,
        "'" + name +
            "' is given, not computed: keys are z, a, yhat, L, delta or dL/d of a weight or bias");
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
      const std::string from =
          q.layer == 1 ? "input x" + k : "unit " + k + " of layer " + std::to_string(q.layer - 1);
      return name + ": the gradient of the loss for the weight from " + from + " to unit " + j +
             " of layer " + l;
    }
    return name + ": the gradient of the loss for the bias of unit " + j + " of layer " + l;
  }
  switch (q.kind) {
    case QuantityKind::preactivation:
      return name + ": the pre-activation of unit " + j + " of layer " + l;
    case QuantityKind::activation:
      return name + ": the activation of unit " + j + " of layer " + l + " (" +
             activation_name(net.activation(q.layer)) + ")";
    case QuantityKind::output:
      return name + ": the network's output";
    case QuantityKind::loss:
      return name + ": the loss (" + loss_name(net.loss) + ")";
    case QuantityKind::delta:
      return name + ": dL/dz" + l + "_" + j + ", the delta of unit " + j + " of layer " + l;
    default:
      return name;
  }
}

std::string describe_part(const Part& p, const Exercise& ex) {
  switch (p.kind) {
    case PartKind::equation:
      return describe_part(p.equation, ex.net());
    case PartKind::update:
      return p.answer_key + ": the value of " + quantity_name(p.equation.quantity, ex.net()) +
             " after one gradient-descent step with learning rate eta";
    case PartKind::symbolic:
      return p.answer_key + ": " + p.symbolic.ask;
  }
  return p.answer_key;
}

}  // namespace deltacheck
