// Rules as data: patterns with macros, compiled once, matched per sentence.
//
// RE2::Set tells which rules match a sentence at all (one pass over it);
// only those are then run one by one to find where, because a Set reports
// which patterns matched but not where (DESIGN.md "Rules").
#include "regex_rules.h"

#include "relscan/fold.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "relscan/data.h"

namespace relscan {
namespace {

// Spaces of every kind a figure or date may contain, and hyphens: TAGSET §1
// (U+2011 joins parts of one expression) and the thousands separators of §3.
const std::map<std::string, std::string>& BaseMacros() {
  static const std::map<std::string, std::string> kBase = {
      {"S", "[\\s\\x{A0}\\x{2009}\\x{202F}]+"},
      {"S0", "[\\s\\x{A0}\\x{2009}\\x{202F}]*"},
      {"HY", "(?:-|\\x{2010}|\\x{2011})"},
      {"DASH", "(?:-|\\x{2010}|\\x{2011}|\\x{2012}|\\x{2013}|\\x{2014}|\\x{2212})"},
  };
  return kBase;
}

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

bool IsMacroChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Replaces {NAME} (an upper-case name) by its macro, recursively; regex
// counts such as {2} or {1,3} are left alone.
bool Expand(std::string_view pattern, const std::map<std::string, std::string>& macros, int depth,
            std::string* out, std::string* error) {
  if (depth > 16) {
    *error = "macros nest too deep";
    return false;
  }
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out->push_back(c);
      char e = pattern[++i];
      out->push_back(e);
      // \x{A0}, \p{L}: the braces belong to the escape, not to a macro.
      if ((e == 'x' || e == 'p' || e == 'P') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        while (++i < pattern.size()) {
          out->push_back(pattern[i]);
          if (pattern[i] == '}') break;
        }
      }
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'A' && pattern[i + 1] <= 'Z') {
      size_t j = i + 1;
      while (j < pattern.size() && IsMacroChar(pattern[j])) ++j;
      if (j < pattern.size() && pattern[j] == '}') {
        std::string name(pattern.substr(i + 1, j - i - 1));
        auto it = macros.find(name);
        if (it == macros.end()) {
          *error = "unknown macro {" + name + "}";
          return false;
        }
        out->append("(?:");
        if (!Expand(it->second, macros, depth + 1, out, error)) return false;
        out->append(")");
        i = j;
        continue;
      }
    }
    out->push_back(c);
  }
  return true;
}

}  // namespace

std::string PhraseKey(std::string_view s) {
  std::string folded = FoldForMatch(s);
  std::string out;
  for (char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool Boundaries::IsStart(int64_t b) const { return std::binary_search(starts.begin(), starts.end(), b); }
bool Boundaries::IsEnd(int64_t b) const { return std::binary_search(ends.begin(), ends.end(), b); }

Boundaries SentenceBoundaries(const Segmentation& seg, const Sentence& s) {
  // Tokens are in text order and a compound's parts in order within it, so
  // both lists come out sorted without a sort.
  Boundaries b;
  b.bstart = s.bstart;
  b.bend = s.bend;
  size_t n = static_cast<size_t>(s.token_end - s.token_begin);
  b.starts.reserve(n);
  b.ends.reserve(n);
  auto add = [](std::vector<int64_t>* v, int64_t x) {
    if (v->empty() || v->back() < x) v->push_back(x);
  };
  for (int32_t k = s.token_begin; k < s.token_end; ++k) {
    const Token& t = seg.tokens[static_cast<size_t>(k)];
    add(&b.starts, t.bstart);
    for (uint32_t p = 0; p < t.parts_count; ++p) {
      const Span& part = seg.parts[t.parts_begin + p];
      add(&b.starts, part.bstart);
      add(&b.ends, part.bend);
    }
    add(&b.ends, t.bend);
  }
  return b;
}

struct RegexRuleSet::Prefilter {
  explicit Prefilter(const RE2::Options& o) : set(o, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> set_to_rule;
};

RegexRuleSet::RegexRuleSet() = default;
RegexRuleSet::~RegexRuleSet() = default;
RegexRuleSet::RegexRuleSet(RegexRuleSet&&) noexcept = default;
RegexRuleSet& RegexRuleSet::operator=(RegexRuleSet&&) noexcept = default;

RegexRuleSet RegexRuleSet::Load(std::string_view path,
                                const std::map<std::string, std::string>& extra) {
  RegexRuleSet set;
  std::map<std::string, std::string> macros = BaseMacros();
  for (const auto& [k, v] : extra) macros[k] = v;
  std::string source_file = "lib/" + std::string(path);
  std::string_view contents = data::Find(path);
  if (contents.empty()) set.errors_.push_back(source_file + ": no such data file");
  RE2::Options options = RuleOptions();
  for (const data::DataLine& line : data::DataLines(contents)) {
    std::string where = fmt::format("{}:{}", source_file, line.line);
    std::vector<std::string_view> f = data::SplitTabs(line.text);
    if (line.text.front() == '@') {
      if (f.size() != 2) {
        set.errors_.push_back(where + ": a macro is @NAME<TAB>pattern");
        continue;
      }
      macros[std::string(f[0].substr(1))] = std::string(f[1]);
      continue;
    }
    if (f.size() != 5) {
      set.errors_.push_back(where + ": a rule has 5 tab-separated fields");
      continue;
    }
    RegexRule r;
    r.name = f[0];
    r.label = f[1];
    r.action = f[2];
    r.check = f[3] == "-" ? "" : std::string(f[3]);
    r.source = where;
    std::string error;
    if (!Expand(f[4], macros, 0, &r.pattern, &error)) {
      set.errors_.push_back(where + ": " + error);
      continue;
    }
    r.re = std::make_shared<RE2>(r.pattern, options);
    if (!r.re->ok()) {
      set.errors_.push_back(where + ": " + r.re->error());
      continue;
    }
    for (const auto& [name, index] : r.re->NamedCapturingGroups()) r.groups[name] = index;
    auto span = r.groups.find("span");
    if (span != r.groups.end()) r.span_group = span->second;
    set.rules_.push_back(std::move(r));
  }
  auto pre = std::make_unique<Prefilter>(options);
  bool ok = true;
  for (size_t i = 0; i < set.rules_.size() && ok; ++i) {
    std::string error;
    ok = pre->set.Add(set.rules_[i].pattern, &error) >= 0;
    pre->set_to_rule.push_back(static_cast<int>(i));
  }
  if (ok && pre->set.Compile()) {
    set.prefilter_ = std::move(pre);
  } else {
    set.errors_.push_back(source_file + ": the rules do not compile into one RE2::Set");
  }
  return set;
}

std::vector<int> RegexRuleSet::MayMatch(std::string_view text, int64_t bstart,
                                        int64_t bend) const {
  std::string_view sentence =
      text.substr(static_cast<size_t>(bstart), static_cast<size_t>(bend - bstart));
  std::vector<int> which;
  if (prefilter_) {
    RE2::Set::ErrorInfo info;
    if (prefilter_->set.Match(sentence, &which, &info)) {
      std::sort(which.begin(), which.end());
      return which;
    }
    if (info.kind == RE2::Set::kNoError) return which;  // no rule matches anywhere
    which.clear();
  }
  for (int i = 0; i < size(); ++i) which.push_back(i);
  return which;
}

void RegexRuleSet::Find(std::string_view text, const Boundaries& bounds,
                        std::vector<RuleMatch>* out) const {
  Find(text, bounds, MayMatch(text, bounds.bstart, bounds.bend), out);
}

void RegexRuleSet::Find(std::string_view text, const Boundaries& bounds,
                        const std::vector<int>& which, std::vector<RuleMatch>* out) const {
  std::string_view sentence = text.substr(static_cast<size_t>(bounds.bstart),
                                          static_cast<size_t>(bounds.bend - bounds.bstart));
  std::vector<re2::StringPiece> sub;
  for (int index : which) {
    const RegexRule& r = rules_[static_cast<size_t>(index)];
    int n = r.re->NumberOfCapturingGroups() + 1;
    sub.assign(static_cast<size_t>(n), re2::StringPiece());
    size_t pos = 0;
    while (pos <= sentence.size()) {
      if (!r.re->Match(sentence, pos, sentence.size(), RE2::UNANCHORED, sub.data(), n)) break;
      int64_t ms = sub[0].data() - sentence.data();
      int64_t me = ms + static_cast<int64_t>(sub[0].size());
      const re2::StringPiece& sp = sub[static_cast<size_t>(r.span_group)];
      int64_t ss = sp.data() ? sp.data() - sentence.data() : -1;
      int64_t se = ss + static_cast<int64_t>(sp.size());
      int64_t base = bounds.bstart;
      if (ss >= 0 && se > ss && bounds.IsStart(base + ms) && bounds.IsEnd(base + me) &&
          bounds.IsStart(base + ss) && bounds.IsEnd(base + se)) {
        RuleMatch m;
        m.rule = index;
        m.mstart = base + ms;
        m.mend = base + me;
        m.bstart = base + ss;
        m.bend = base + se;
        m.groups.resize(static_cast<size_t>(n), {-1, -1});
        for (int g = 0; g < n; ++g) {
          const re2::StringPiece& s = sub[static_cast<size_t>(g)];
          if (s.data() == nullptr) continue;
          int64_t gs = base + (s.data() - sentence.data());
          m.groups[static_cast<size_t>(g)] = {gs, gs + static_cast<int64_t>(s.size())};
        }
        out->push_back(std::move(m));
        pos = static_cast<size_t>(me > ms ? me : ms + 1);
      } else {
        // Try again one character further: the match began or ended inside
        // a token.
        pos = static_cast<size_t>(ms) + 1;
      }
      while (pos < sentence.size() && (static_cast<unsigned char>(sentence[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
}

std::pair<int64_t, int64_t> RegexRuleSet::GroupRange(const RuleMatch& m, std::string_view name) const {
  const RegexRule& r = rule(m.rule);
  auto it = r.groups.find(name);
  if (it == r.groups.end()) return {-1, -1};
  return m.groups[static_cast<size_t>(it->second)];
}

bool RegexRuleSet::Has(const RuleMatch& m, std::string_view name) const {
  return GroupRange(m, name).first >= 0;
}

std::string_view RegexRuleSet::Group(std::string_view text, const RuleMatch& m,
                                     std::string_view name) const {
  auto [s, e] = GroupRange(m, name);
  if (s < 0) return {};
  return text.substr(static_cast<size_t>(s), static_cast<size_t>(e - s));
}

std::string LiteralPattern(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '-') ++j;
    out += RE2::QuoteMeta(re2::StringPiece(text.data() + i, j - i));
    if (j < text.size()) out += text[j] == ' ' ? "{S}" : "{HY}";
    i = j + 1;
    if (j == text.size()) break;
  }
  return out;
}

std::string Alternation(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out = "(?:";
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) out += '|';
    out += LiteralPattern(sorted[i]);
  }
  return out + ")";
}

std::string CaseSensitiveAlternation(const std::vector<std::string>& words) {
  return "(?-i:" + Alternation(words) + ")";
}

}  // namespace relscan
