// Reading the key of an answer line: parts, network keys in every spelling, own names,
// misspellings.
#include "exercises/read/answer_keys.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "exercises/read/chain_factors.h"
#include "symbolic/notation.h"

namespace deltacheck {

namespace {

std::string lower(std::string t) {
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

bool is_identifier(const std::string& t) {
  if (t.empty() || !(std::isalpha(static_cast<unsigned char>(t[0])) || t[0] == '_')) return false;
  return std::all_of(t.begin(), t.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// `t` with a loss other texts name (dC/, dJ/, dE/, dloss/) written dL/.
std::string loss_as_l(const std::string& t) {
  for (const char* prefix : {"dC/", "dJ/", "dE/", "dloss/"})
    if (starts_with(t, prefix)) return "dL/" + t.substr(std::string(prefix).size());
  return t;
}

// The part answering network key `key`: the key itself, or for a one-output network's yhat
// the output activation part and back.
std::optional<std::size_t> part_of_key(const Exercise& ex, EquationKey key) {
  if (const Part* p = ex.find(key)) return static_cast<std::size_t>(p - ex.parts.data());
  const int depth = ex.net().depth();
  Quantity& q = key.quantity;
  if (key.gradient) return std::nullopt;
  if (q.kind == QuantityKind::output)
    q = Quantity{QuantityKind::activation, depth, q.j, 0};
  else if (q.kind == QuantityKind::activation && q.layer == depth)
    q = Quantity{QuantityKind::output, 0, q.j, 0};
  else
    return std::nullopt;
  if (const Part* p = ex.find(key)) return static_cast<std::size_t>(p - ex.parts.data());
  return std::nullopt;
}

// `t` as a key of the network of `ex`: a part or a network step; nothing when it is not one.
std::optional<KeyReading> network_key(const Exercise& ex, const std::string& t) {
  const std::string k = loss_as_l(t);
  KeyReading r;
  if (const auto f = parse_chain_factor(k, ex.net())) {
    const auto key = factor_key(*f);
    const auto part = key ? part_of_key(ex, *key) : std::nullopt;
    if (part) return KeyReading{KeyKind::part, *part, ex.parts[*part].answer_key, "", ""};
    r.kind = KeyKind::network;
    r.name = key && !key->gradient ? ex.key_text(*key) : factor_name(*f, ex.net());
    return r;
  }
  EquationKey key;
  try {
    key = parse_key(k, ex.net());
  } catch (const ExpressionError&) {
    return std::nullopt;
  }
  if (const auto part = part_of_key(ex, key))
    return KeyReading{KeyKind::part, *part, ex.parts[*part].answer_key, "", ""};
  r.kind = KeyKind::network;
  r.name = ex.key_text(key);
  return r;
}

// `t` in lower case without underscores: z12_, Z1_2 and z1_2 are one key misplaced.
std::string folded(const std::string& t) {
  std::string out;
  for (char c : lower(t))
    if (c != '_') out += c;
  return out;
}

// The one part whose key is within reach of `t`, if exactly one is, and its distance: keys
// are compared folded (case and underscores aside); a key of under 4 folded characters is
// reached only by an equal one, one of up to 6 within 1 edit, a longer one within 2.
std::optional<std::pair<std::size_t, std::size_t>> close_part(const Exercise& ex,
                                                              const std::string& t) {
  // Folded distance first; between keys equally near, the distance as written (lower case):
  // dL/d2_22 is dL/dw2_22 (one letter dropped), not dL/db2_2.
  std::optional<std::size_t> found;
  std::pair<std::size_t, std::size_t> best{3, 0};
  std::size_t ties = 0;
  const std::string mine = folded(t);
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    const std::string& written = ex.parts[i].answer_key;
    const std::string key = folded(written);
    const std::size_t reach = key.size() < 4 ? 0 : key.size() > 6 ? 2 : 1;
    const std::pair<std::size_t, std::size_t> d{edit_distance(mine, key),
                                                edit_distance(lower(t), lower(written))};
    if (d.first > reach || d > best) continue;
    ties = d == best ? ties + 1 : 1;
    best = d;
    found = i;
  }
  if (ties != 1) return std::nullopt;
  return std::make_pair(*found, best.first);
}

// The part one of whose aliases `t` is, compared folded after the notation is rewritten.
std::optional<std::size_t> aliased_part(const Exercise& ex, const std::string& t) {
  const std::string mine = folded(t);
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    for (const std::string& alias : ex.parts[i].aliases) {
      std::string written;
      try {
        written = without_spaces(canonical_notation(alias).text);
      } catch (const ExpressionError&) {
        written = without_spaces(alias);
      }
      if (folded(written) == mine) return i;
    }
  return std::nullopt;
}

// The reading of a key that is no key as written: lower case, own name, misspelling.
KeyReading other_key(const Exercise& ex, const std::string& t, const std::string& why) {
  if (const auto i = aliased_part(ex, t)) {
    const std::string& key = ex.parts[*i].answer_key;
    return KeyReading{KeyKind::part, *i, key, "read " + t + " as " + key, ""};
  }
  const bool network = ex.kind() != ExerciseKind::symbolic;
  if (network && lower(t) != t) {
    if (auto r = network_key(ex, lower(t))) {
      r->note = "read " + t + " as " + r->name;
      return *r;
    }
  }
  // A name of the network's form that is no quantity of it (w2_31 for w2_13) is a mistake of
  // index, not of typing: it reaches a part only with the same characters (a31 for a3_1).
  auto close = close_part(ex, t);
  const bool name_form = network && parse_quantity(t).has_value();
  if (close && name_form && close->second > 0) close.reset();
  if (is_identifier(t) && !name_form && !close) return KeyReading{KeyKind::own, 0, t, "", ""};
  if (close) {
    const std::string& key = ex.parts[close->first].answer_key;
    return KeyReading{KeyKind::part, close->first, key, "read " + t + " as " + key, ""};
  }
  return KeyReading{KeyKind::unknown, 0, t, "", why};
}

}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // d[i][j]: the distance of a's first i characters to b's first j (optimal string alignment).
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);  // two neighbours swapped
    }
  return d[a.size()][b.size()];
}

KeyReading read_key(const Exercise& ex, const std::string& written) {
  const std::string t = without_spaces(written);
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    if (ex.parts[i].answer_key == t) return KeyReading{KeyKind::part, i, t, "", ""};
  std::string why = "not a key of this exercise";
  if (ex.kind() != ExerciseKind::symbolic) {
    try {
      const PartOrNote found = ex.part_for(t);
      if (const auto* i = std::get_if<std::size_t>(&found))
        return KeyReading{KeyKind::part, *i, ex.parts[*i].answer_key, "", ""};
      if (starts_with(t, "new_"))
        return KeyReading{KeyKind::not_asked, 0, t, std::get<std::string>(found), ""};
    } catch (const ExpressionError& e) {
      why = e.what();
    }
    if (auto r = network_key(ex, t)) return *r;
  }
  return other_key(ex, t, why);
}

}  // namespace deltacheck
