// Spelling, reading and enumerating the names of a network's quantities.
#include "core/names.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace deltacheck {

namespace {

// Reads a run of 1..6 decimal digits at text[pos]; advances pos.
bool read_int(const std::string& text, size_t& pos, int& out) {
  const size_t start = pos;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) &&
         pos - start < 7)
    ++pos;
  if (pos == start || pos - start > 6) return false;
  out = std::stoi(text.substr(start, pos - start));
  return true;
}

// True when `s` starts with `prefix`; then `pos` is just past it.
bool skip_prefix(const std::string& s, std::string_view prefix, size_t& pos) {
  if (!starts_with(s, prefix)) return false;
  pos = prefix.size();
  return true;
}

// "<l>_<j>" with nothing after it.
std::optional<Quantity> layer_unit(QuantityKind kind, const std::string& s, size_t pos) {
  Quantity q{kind, 0, 0, 0};
  if (!read_int(s, pos, q.layer) || pos >= s.size() || s[pos] != '_') return std::nullopt;
  ++pos;
  if (!read_int(s, pos, q.j) || pos != s.size()) return std::nullopt;
  return q;
}

// "" or "<j>" or "_<j>" after y / yhat / x.
std::optional<Quantity> indexed(QuantityKind kind, const std::string& s, size_t pos,
                                bool index_required) {
  Quantity q{kind, 0, 0, 0};
  if (pos == s.size()) return index_required ? std::nullopt : std::optional<Quantity>(q);
  if (s[pos] == '_') ++pos;
  if (!read_int(s, pos, q.j) || pos != s.size()) return std::nullopt;
  return q;
}

std::string index_suffix(int j, int outputs) { return outputs == 1 ? "" : std::to_string(j); }

}  // namespace

bool Quantity::operator<(const Quantity& o) const {
  return std::tie(kind, layer, j, k) < std::tie(o.kind, o.layer, o.j, o.k);
}

std::string quantity_name(const Quantity& q, const Network& net, NameStyle style) {
  const std::string l = std::to_string(q.layer), j = std::to_string(q.j);
  switch (q.kind) {
    case QuantityKind::input:
      return "x" + j;
    case QuantityKind::target:
      return "y" + index_suffix(q.j, net.outputs());
    case QuantityKind::output:
      return "yhat" + index_suffix(q.j, net.outputs());
    case QuantityKind::weight:
      if (style == NameStyle::short_form && q.j < 10 && q.k < 10)
        return "w" + l + "_" + j + std::to_string(q.k);
      return "w" + l + "_" + j + "_" + std::to_string(q.k);
    case QuantityKind::bias:
      return "b" + l + "_" + j;
    case QuantityKind::preactivation:
      return "z" + l + "_" + j;
    case QuantityKind::activation:
      return "a" + l + "_" + j;
    case QuantityKind::delta:
      return "delta" + l + "_" + j;
    case QuantityKind::loss:
      return "L";
  }
  return "?";
}

std::string quantity_latex(const Quantity& q, const Network& net) {
  const std::string l = "^{(" + std::to_string(q.layer) + ")}";
  const std::string j = "_{" + std::to_string(q.j) + "}";
  switch (q.kind) {
    case QuantityKind::input:
      return "x" + j;
    case QuantityKind::target:
      return net.outputs() == 1 ? "y" : "y" + j;
    case QuantityKind::output:
      return net.outputs() == 1 ? "\\hat{y}" : "\\hat{y}" + j;
    case QuantityKind::weight: {
      const std::string sep = (q.j < 10 && q.k < 10) ? "" : ",";
      return "w" + l + "_{" + std::to_string(q.j) + sep + std::to_string(q.k) + "}";
    }
    case QuantityKind::bias:
      return "b" + l + j;
    case QuantityKind::preactivation:
      return "z" + l + j;
    case QuantityKind::activation:
      return "a" + l + j;
    case QuantityKind::delta:
      return "\\delta" + l + j;
    case QuantityKind::loss:
      return "L";
  }
  return "?";
}

std::optional<Quantity> parse_quantity(const std::string& s) {
  size_t pos = 0;
  if (s == "L") return Quantity{QuantityKind::loss, 0, 0, 0};
  if (skip_prefix(s, "yhat", pos)) return indexed(QuantityKind::output, s, pos, false);
  if (skip_prefix(s, "y", pos)) return indexed(QuantityKind::target, s, pos, false);
  if (skip_prefix(s, "x", pos)) return indexed(QuantityKind::input, s, pos, true);
  if (skip_prefix(s, "delta", pos)) return layer_unit(QuantityKind::delta, s, pos);
  if (skip_prefix(s, "z", pos)) return layer_unit(QuantityKind::preactivation, s, pos);
  if (skip_prefix(s, "b", pos)) return layer_unit(QuantityKind::bias, s, pos);
  if (skip_prefix(s, "a", pos)) {
    auto q = layer_unit(QuantityKind::activation, s, pos);
    if (q && q->layer == 0) return Quantity{QuantityKind::input, 0, q->j, 0};
    return q;
  }
  if (skip_prefix(s, "w", pos)) {
    Quantity q{QuantityKind::weight, 0, 0, 0};
    if (!read_int(s, pos, q.layer) || pos >= s.size() || s[pos] != '_') return std::nullopt;
    const size_t start = ++pos;
    if (!read_int(s, pos, q.j)) return std::nullopt;
    if (pos == s.size()) {  // shorthand w2_11: exactly two digits, j then k
      if (pos - start != 2) return std::nullopt;
      q.k = q.j % 10;
      q.j /= 10;
      return q;
    }
    if (s[pos] != '_') return std::nullopt;
    ++pos;
    if (!read_int(s, pos, q.k) || pos != s.size()) return std::nullopt;
    return q;
  }
  return std::nullopt;
}

std::optional<Quantity> resolve(const Quantity& q, const Network& net) {
  Quantity c = q;
  const auto unit_ok = [&](int l, int j) {
    return l >= 1 && l <= net.depth() && j >= 1 && j <= net.units(l);
  };
  switch (q.kind) {
    case QuantityKind::loss:
      return c;
    case QuantityKind::input:
      if (q.j < 1 || q.j > net.inputs) return std::nullopt;
      c.layer = 0;
      return c;
    case QuantityKind::target:
    case QuantityKind::output:
      if (q.j == 0) {
        if (net.outputs() != 1) return std::nullopt;
        c.j = 1;
      }
      if (c.j < 1 || c.j > net.outputs()) return std::nullopt;
      return c;
    case QuantityKind::weight:
      if (!unit_ok(q.layer, q.j) || q.k < 1 || q.k > net.units(q.layer - 1)) return std::nullopt;
      return c;
    case QuantityKind::bias:
    case QuantityKind::preactivation:
    case QuantityKind::activation:
    case QuantityKind::delta:
      if (!unit_ok(q.layer, q.j)) return std::nullopt;
      return c;
  }
  return std::nullopt;
}

namespace {

// a3, z3, b3, delta3: a layer's name without its unit, read where the layer has one unit.
std::optional<Quantity> one_unit_layer(const std::string& name, const Network& net) {
  for (const auto& [stem, kind] :
       {std::pair<const char*, QuantityKind>{"delta", QuantityKind::delta},
        {"z", QuantityKind::preactivation},
        {"a", QuantityKind::activation},
        {"b", QuantityKind::bias}}) {
    std::size_t pos = 0;
    int layer = 0;
    if (!skip_prefix(name, stem, pos) || !read_int(name, pos, layer) || pos != name.size())
      continue;
    if (layer >= 1 && layer <= net.depth() && net.units(layer) == 1)
      return Quantity{kind, layer, 1, 0};
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Quantity> resolve_as_written(const std::string& name, const Network& net) {
  if (const auto q = parse_quantity(name))
    if (const auto r = resolve(*q, net)) return r;
  return one_unit_layer(name, net);
}

}  // namespace

std::optional<Quantity> resolve_name(const std::string& name, const Network& net) {
  if (const auto r = resolve_as_written(name, net)) return r;
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == name) return std::nullopt;
  const auto r = resolve_as_written(lower, net);
  if (r && r->kind == QuantityKind::loss) return std::nullopt;
  return r;
}

namespace {

// "w2_11 .. w2_22": the first and last name of a range.
std::string name_range(const Quantity& first, const Quantity& last, const Network& net) {
  return quantity_name(first, net) + " .. " + quantity_name(last, net);
}

std::string layers_range(const Network& net) {
  return net.depth() == 1 ? "the network has one layer (layer 1)"
                          : "the network has layers 1 to " + std::to_string(net.depth());
}

// Why a well-formed name is not one of net's quantities.
std::string out_of_range(const Quantity& q, const Network& net) {
  const int L = net.depth(), K = net.outputs();
  const std::string l = std::to_string(q.layer);
  switch (q.kind) {
    case QuantityKind::input:
      return "the network has " + std::to_string(net.inputs) +
             (net.inputs == 1 ? " input (x1)"
                              : " inputs (" +
                                    name_range({QuantityKind::input, 0, 1, 0},
                                               {QuantityKind::input, 0, net.inputs, 0}, net) +
                                    ")");
    case QuantityKind::target:
    case QuantityKind::output: {
      const bool y = q.kind == QuantityKind::target;
      if (K == 1) return "the network has one output: write " + std::string(y ? "y" : "yhat");
      const std::string first = y ? "y1" : "yhat1", last = (y ? "y" : "yhat") + std::to_string(K);
      return "the network has " + std::to_string(K) + " outputs: write " + first + " .. " + last;
    }
    case QuantityKind::weight:
      if (q.layer < 1 || q.layer > L) return layers_range(net);
      return "layer " + l + " joins " + std::to_string(net.units(q.layer - 1)) + " units to " +
             std::to_string(net.units(q.layer)) + " units (" +
             name_range({QuantityKind::weight, q.layer, 1, 1},
                        {QuantityKind::weight, q.layer, net.units(q.layer), net.units(q.layer - 1)},
                        net) +
             ")";
    case QuantityKind::bias:
    case QuantityKind::preactivation:
    case QuantityKind::activation:
    case QuantityKind::delta:
      if (q.layer < 1 || q.layer > L)
        return layers_range(net) +
               (q.kind == QuantityKind::activation ? " (inputs are x1 ..)" : "");
      return "layer " + l + " has " + std::to_string(net.units(q.layer)) + " unit" +
             (net.units(q.layer) == 1 ? "" : "s") + " (" +
             name_range({q.kind, q.layer, 1, 0}, {q.kind, q.layer, net.units(q.layer), 0}, net) +
             ")";
    case QuantityKind::loss:
      break;
  }
  return "";
}

// The names of net, one range per kind, for messages that list them.
std::string all_names(const Network& net) {
  const int L = net.depth();
  const auto last = [&](QuantityKind kind) { return Quantity{kind, L, net.units(L), 0}; };
  const auto first = [&](QuantityKind kind) { return Quantity{kind, 1, 1, 0}; };
  std::string s =
      name_range({QuantityKind::input, 0, 1, 0}, {QuantityKind::input, 0, net.inputs, 0}, net) +
      ", " + (net.outputs() == 1 ? std::string("y, yhat") : "y1 .., yhat1 ..") + ", " +
      name_range({QuantityKind::weight, 1, 1, 1},
                 {QuantityKind::weight, L, net.units(L), net.units(L - 1)}, net);
  for (QuantityKind kind : {QuantityKind::bias, QuantityKind::preactivation,
                            QuantityKind::activation, QuantityKind::delta})
    s += ", " + name_range(first(kind), last(kind), net);
  return s;
}

}  // namespace

std::string explain_unknown_name(const std::string& name, const Network& net) {
  const std::string prefix = "unknown name '" + name + "': ";
  if (const auto q = parse_quantity(name)) return prefix + out_of_range(*q, net);
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower != name && parse_quantity(lower) && resolve(*parse_quantity(lower), net))
    return prefix + "names are lower case: write " +
           quantity_name(*resolve(*parse_quantity(lower), net), net);
  if (name == "e") return prefix + "write exp(x) for e^x";
  if (name == "t" || name == "o" || starts_with(name, "t_") || starts_with(name, "o_"))
    return prefix + "targets are written y (or y1 ..) and outputs yhat (or yhat1 ..)";
  if (starts_with(lower, "theta")) return prefix + "weights are written w{layer}_{jk}, e.g. w1_11";
  // "a21" or "a2": a layer-and-unit name without its '_'.
  for (const char* stem : {"delta", "z", "a", "b"}) {
    const std::string st(stem);
    if (name.size() > st.size() && name.compare(0, st.size(), st) == 0 &&
        std::all_of(name.begin() + st.size(), name.end(),
                    [](unsigned char c) { return std::isdigit(c); }))
      return prefix + "write layer and unit as " + st + "{layer}_{unit}, e.g. " + st + "1_1";
  }
  if (name == "w" ||
      (name.size() > 1 && name[0] == 'w' && std::isdigit(static_cast<unsigned char>(name[1]))))
    return prefix + "write weights as w{layer}_{jk} or w{layer}_{j}_{k}, e.g. w1_11 or w1_1_1";
  return prefix + "the names of this network are " + all_names(net);
}

std::vector<Quantity> parameters(const Network& net) {
  std::vector<Quantity> out;
  out.reserve(net.parameter_count());
  for (int l = 1; l <= net.depth(); ++l) {
    for (int j = 1; j <= net.units(l); ++j)
      for (int k = 1; k <= net.units(l - 1); ++k) out.push_back({QuantityKind::weight, l, j, k});
    for (int j = 1; j <= net.units(l); ++j) out.push_back({QuantityKind::bias, l, j, 0});
  }
  return out;
}

std::vector<Quantity> inputs(const Network& net) {
  std::vector<Quantity> out;
  for (int k = 1; k <= net.inputs; ++k) out.push_back({QuantityKind::input, 0, k, 0});
  return out;
}

std::vector<Quantity> targets(const Network& net) {
  std::vector<Quantity> out;
  for (int j = 1; j <= net.outputs(); ++j) out.push_back({QuantityKind::target, 0, j, 0});
  return out;
}

int parameter_index(const Quantity& q, const Network& net) {
  int index = 0;
  for (int l = 1; l < q.layer; ++l) index += net.units(l) * (net.units(l - 1) + 1);
  const int n_in = net.units(q.layer - 1);
  if (q.kind == QuantityKind::weight) return index + (q.j - 1) * n_in + (q.k - 1);
  return index + net.units(q.layer) * n_in + (q.j - 1);
}

}  // namespace deltacheck
