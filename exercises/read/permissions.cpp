// The rule of what each part's answer may use, applied name by name while the answer is read.
#include "exercises/read/permissions.h"

#include <optional>
#include <set>

#include "exercises/read/chain_factors.h"

namespace deltacheck {

namespace {

// Why `used` may not appear in an answer to `key`; nothing when it may.
// `given`: deltas are refused where the exercise does not give them (a name as written); false
// for a delta inside a definition's value, admitted when that was read.
std::optional<std::string> refusal(const Quantity& used, const std::string& spelling,
                                   const EquationKey& key, const Exercise& ex, bool given = true) {
  const Network& net = ex.net();
  const std::string key_name = ex.key_text(key);
  const Quantity& k = key.quantity;
  if (used.kind == QuantityKind::delta) {
    if (given && !ex.network().allow_deltas)
      return "'" + spelling + "': this exercise does not give the deltas: define " + spelling +
             " = ... on a line of its own, or write it out in a, z, w and y";
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

void collect_symbols(const GiNaC::ex& e, std::set<GiNaC::ex, GiNaC::ex_is_less>& out) {
  if (GiNaC::is_a<GiNaC::symbol>(e)) out.insert(e);
  for (std::size_t i = 0; i < e.nops(); ++i) collect_symbols(e.op(i), out);
}

// The meaning of factor `f` spelled `name` at `offset`, refused when the key may not use it.
NameMeaning factor_meaning(const ChainFactor& f, const std::string& offset_name, std::size_t offset,
                           const EquationKey* key, const Exercise& ex, Derivation& d) {
  const std::string name = factor_name(f, ex.net());
  if (key) {
    if (const auto why = factor_refusal(name, *key, ex)) throw ExpressionError(offset, *why);
    if (const auto why = value_refusal(factor_value(f, d), *key, ex, d.symbols()))
      throw ExpressionError(offset, "'" + offset_name + "' is written in " + *why);
  }
  return {factor_value(f, d), name};
}

}  // namespace

std::optional<std::string> factor_refusal(const std::string& name, const EquationKey& key,
                                          const Exercise& ex) {
  const auto f = parse_chain_factor(name, ex.net());
  if (!f) return std::nullopt;
  const std::string key_name = ex.key_text(key);
  const bool forward = !key.gradient && key.quantity.kind != QuantityKind::delta;
  if (forward && f->of_loss)
    return "'" + name + "': " + key_name +
           " is part of the forward pass, which does not use derivatives of the loss";
  const auto same = factor_key(*f);
  if (same && same_key(*same, key))
    return "'" + name + "' is another name of the key " + key_name +
           ": an answer may not use its own key; write it out";
  if (same && !same->gradient && key.quantity.kind == QuantityKind::delta && !key.gradient &&
      same->quantity.layer <= key.quantity.layer)
    return "'" + name + "': " + key_name + " may use the deltas of later layers only (dL/dz" +
           std::to_string(key.quantity.layer + 1) + "_..)";
  return std::nullopt;
}

std::optional<std::string> value_refusal(const GiNaC::ex& value, const EquationKey& key,
                                         const Exercise& ex, SymbolTable& symbols) {
  std::set<GiNaC::ex, GiNaC::ex_is_less> used;
  collect_symbols(value, used);
  for (const GiNaC::ex& s : used)
    if (const auto q = symbols.quantity_of(s))
      if (const auto why = refusal(*q, quantity_name(*q, ex.net()), key, ex, false)) return why;
  return std::nullopt;
}

NameResolver part_names(const EquationKey& key, const Exercise& ex, Derivation& d) {
  const NameResolver plain = part_names(key, ex, d.symbols());
  return [plain, key, &ex, &d](const std::string& name, std::size_t offset) -> NameMeaning {
    if (const auto f = parse_chain_factor(name, ex.net()))
      return factor_meaning(*f, name, offset, &key, ex, d);
    return plain(name, offset);
  };
}

NameResolver step_names(const Exercise& ex, Derivation& d) {
  const NameResolver any = network_names(d.symbols());
  return [any, &ex, &d](const std::string& name, std::size_t offset) -> NameMeaning {
    if (const auto f = parse_chain_factor(name, ex.net()))
      return factor_meaning(*f, name, offset, nullptr, ex, d);
    NameMeaning m = any(name, offset);
    const auto q = d.symbols().quantity_of(m.value);
    if (q && q->kind == QuantityKind::delta && !ex.network().allow_deltas)
      throw ExpressionError(offset, "'" + m.canonical +
                                        "': this exercise does not give the deltas: define " +
                                        m.canonical +
                                        " = ... on a line of its own, or write it out in a, z, "
                                        "w and y");
    return m;
  };
}

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
