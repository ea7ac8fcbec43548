// The rule of what each part's answer may use, applied name by name while the answer is read.
#include "exercises/read/permissions.h"

#include <optional>

namespace deltacheck {

namespace {

// Why `used` may not appear in an answer to `key`; nothing when it may.
std::optional<std::string> refusal(const Quantity& used, const std::string& spelling,
                                   const EquationKey& key, const Exercise& ex) {
  const Network& net = ex.net();
  const std::string key_name = ex.key_text(key);
  const Quantity& k = key.quantity;
  if (used.kind == QuantityKind::delta) {
    if (!ex.network().allow_deltas)
      return "'" + spelling +
             "': this exercise asks for the equations without delta names: write the deltas out in a, z, w and y";
    if (key.gradient) return std::nullopt;
    if (k.kind != QuantityKind::delta)
      return "'" + spelling + "': " + key_name +
             " is part of the forward pass, which does not use deltas";
    if (used.layer <= k.layer)
      return "'" + spelling + "': " + key_name + " may use the deltas of later layers only (delta" +
             std::to_string(k.layer + 1) + "_..)";
    return std::nullopt;
  }
  if (key.gradient || k.kind == QuantityKind::delta || k.kind == QuantityKind::loss)
    return std::nullopt;
  // Forward keys: z{l}_j, a{l}_j, yhat (= a{L}_j).
  const bool activation = k.kind == QuantityKind::activation || k.kind == QuantityKind::output;
  const int layer = k.kind == QuantityKind::output ? net.depth() : k.layer;
  const bool forward_quantity =
      used.kind == QuantityKind::preactivation || used.kind == QuantityKind::activation;
  if (!forward_quantity || used.layer < layer) return std::nullopt;
  const bool own =
      used.kind == (activation ? QuantityKind::activation : QuantityKind::preactivation) &&
      used.layer == layer && used.j == k.j;
  if (own) return "'" + spelling + "': an answer may not use its own key " + key_name;
  if (activation && used.kind == QuantityKind::preactivation && used.layer == layer &&
      (used.j == k.j || net.activation(layer) == Activation::softmax))
    return std::nullopt;
  if (activation && used.kind == QuantityKind::preactivation && used.layer == layer)
    return "'" + spelling + "' belongs to another unit: " + key_name + " is computed from z" +
           std::to_string(layer) + "_" + std::to_string(k.j) + " only";
  return "'" + spelling + "': " + key_name + " may use quantities of the layers before layer " +
         std::to_string(layer) + (activation ? " and its own pre-activation" : "") + " only (" +
         spelling + " is computed from it or beside it)";
}

}  // namespace

NameResolver part_names(const EquationKey& key, const Exercise& ex, SymbolTable& symbols) {
  const NameResolver any = network_names(symbols);
  return [any, key, &ex, &symbols](const std::string& name, std::size_t offset) -> NameMeaning {
    NameMeaning m = any(name, offset);
    const auto q = symbols.quantity_of(m.value);
    if (q) {
      if (const auto why = refusal(*q, m.canonical, key, ex)) throw ExpressionError(offset, *why);
    }
    return m;
  };
}

}  // namespace deltacheck
