// One GiNaC symbol per named quantity of a network, so equal names are equal symbols.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <ginac/ginac.h>

#include "core/names.h"
#include "core/network.h"

namespace deltacheck {

/// Hands out the symbol of each quantity of one network. A symbol's GiNaC name is the
/// quantity's separated name (w2_1_1, x1, y), which the printer reads back.
class SymbolTable {
 public:
  explicit SymbolTable(const Network& net) : net_(net) {}

  /// The symbol of q (created on first use). q must be canonical (see `resolve`).
  const GiNaC::symbol& operator()(const Quantity& q);
  /// The symbol of a free (non-network) name such as "eta"; created on first use.
  const GiNaC::symbol& named(const std::string& name);
  /// The quantity a symbol of this table stands for, if any.
  std::optional<Quantity> quantity_of(const GiNaC::ex& symbol) const;
  /// The network the names belong to.
  const Network& network() const { return net_; }

 private:
  Network net_;
  std::map<Quantity, GiNaC::symbol> by_quantity_;
  std::map<std::string, GiNaC::symbol> by_name_;
  std::map<std::string, Quantity> quantity_by_name_;
};

}  // namespace deltacheck
