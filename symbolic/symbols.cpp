// The symbol table of a network.
#include "symbolic/symbols.h"

namespace deltacheck {

const GiNaC::symbol& SymbolTable::operator()(const Quantity& q) {
  auto it = by_quantity_.find(q);
  if (it != by_quantity_.end()) return it->second;
  const std::string name = quantity_name(q, net_, NameStyle::separated);
  quantity_by_name_[name] = q;
  const GiNaC::symbol& s = named(name);
  return by_quantity_.emplace(q, s).first->second;
}

const GiNaC::symbol& SymbolTable::named(const std::string& name) {
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return it->second;
  return by_name_.emplace(name, GiNaC::symbol(name)).first->second;
}

std::optional<Quantity> SymbolTable::quantity_of(const GiNaC::ex& symbol) const {
  if (!GiNaC::is_a<GiNaC::symbol>(symbol)) return std::nullopt;
  const auto it = quantity_by_name_.find(GiNaC::ex_to<GiNaC::symbol>(symbol).get_name());
  if (it == quantity_by_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace deltacheck
