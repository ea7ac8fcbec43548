// Chain-rule factors dA/dB: reading the name, its key, and its value as GiNaC's derivative through
// the network.
#include "exercises/read/chain_factors.h"

#include "core/text.h"

namespace deltacheck {

namespace {

// The quantity `text` names in `net`, outputs read as their activations; nothing otherwise.
std::optional<Quantity> network_quantity(const std::string& text, const Network& net) {
  const auto q = parse_quantity(text);
  auto r = q ? resolve(*q, net) : std::nullopt;
  if (r && r->kind == QuantityKind::output)
    r = Quantity{QuantityKind::activation, net.depth(), r->j, 0};
  return r;
}

bool is_loss_name(const std::string& t) {
  return t == "L" || t == "l" || t == "C" || t == "J" || t == "E" || t == "loss";
}

// True when the forward equation of `q` lies between B and the output, so that A is written
// through it: every layer after B's; for B a z also its own layer's a; for a parameter or an
// input B, its own layer's z and a too.
bool written_through(const Quantity& q, const Quantity& by) {
  switch (by.kind) {
    case QuantityKind::activation:
      return q.layer > by.layer;
    case QuantityKind::preactivation:
      return q.layer > by.layer || (q.layer == by.layer && q.kind == QuantityKind::activation);
    case QuantityKind::weight:
    case QuantityKind::bias:
      return q.layer >= by.layer;
    default:
      return true;  // inputs and targets: everything
  }
}

}  // namespace

std::optional<ChainFactor> parse_chain_factor(const std::string& name, const Network& net) {
  const std::size_t slash = name.find('/');
  if (slash == std::string::npos || name.size() < slash + 3 || name[0] != 'd' ||
      name[slash + 1] != 'd')
    return std::nullopt;
  const std::string of = name.substr(1, slash - 1), by = name.substr(slash + 2);
  ChainFactor f;
  const auto b = network_quantity(by, net);
  if (!b || b->kind == QuantityKind::loss || b->kind == QuantityKind::delta) return std::nullopt;
  f.by = *b;
  if (is_loss_name(of)) {
    f.of_loss = true;
    return f;
  }
  const auto a = network_quantity(of, net);
  if (!a || (a->kind != QuantityKind::preactivation && a->kind != QuantityKind::activation))
    return std::nullopt;
  f.of = *a;
  return f;
}

std::string factor_name(const ChainFactor& f, const Network& net) {
  return "d" + (f.of_loss ? std::string("L") : quantity_name(f.of, net)) + "/d" +
         quantity_name(f.by, net);
}

std::optional<EquationKey> factor_key(const ChainFactor& f) {
  if (!f.of_loss) return std::nullopt;
  if (f.by.kind == QuantityKind::weight || f.by.kind == QuantityKind::bias)
    return EquationKey{f.by, true};
  if (f.by.kind == QuantityKind::preactivation)
    return EquationKey{Quantity{QuantityKind::delta, f.by.layer, f.by.j, 0}, false};
  return std::nullopt;
}

GiNaC::ex factor_value(const ChainFactor& f, Derivation& d) {
  SymbolTable& s = d.symbols();
  GiNaC::ex e = f.of_loss ? d.loss().rhs : GiNaC::ex(s(f.of));
  // Layer by layer from the output down: each a as f(z), then each z in the layer below.
  const std::vector<Equation>& forward = d.forward();
  for (auto it = forward.rbegin(); it != forward.rend(); ++it)
    if (written_through(it->key.quantity, f.by)) e = e.subs(s(it->key.quantity) == it->rhs);
  return e.diff(s(f.by));
}

}  // namespace deltacheck
