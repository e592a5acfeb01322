// CoNLL and brat exports.
#include "relscan/export.h"

#include <fmt/format.h>

#include <algorithm>

namespace relscan {
namespace {

// Text may hold tabs or newlines only inside a token's own characters,
// which never happens: tokens hold no whitespace.
void AppendLine(std::string* out, std::string_view text, int64_t start, int64_t end,
                std::string_view tag) {
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\n", text, start, end, tag);
}

}  // namespace

void RenderConll(const Document& doc, const Segmentation& seg,
                 const std::vector<Entity>& entities, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "# doc = {}\n", doc.path());
  std::string_view text = doc.text();
  size_t e = 0;  // the first entity that may touch the current piece
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    fmt::format_to(std::back_inserter(*out), "# sent_id = s{}\n", si + 1);
    for (int32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = seg.tokens[k];
      // Cut points: entity boundaries strictly inside the token.
      std::vector<int64_t> cuts = {t.bstart, t.bend};
      for (size_t m = e; m < entities.size() && entities[m].bstart < t.bend; ++m) {
        for (int64_t b : {entities[m].bstart, entities[m].bend})
          if (b > t.bstart && b < t.bend) cuts.push_back(b);
      }
      std::sort(cuts.begin(), cuts.end());
      cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      for (size_t c = 0; c + 1 < cuts.size(); ++c) {
        int64_t b = cuts[c], x = cuts[c + 1];
        while (e < entities.size() && entities[e].bend <= b) ++e;
        std::string tag = "O";
        if (e < entities.size() && entities[e].bstart <= b && b < entities[e].bend) {
          tag = fmt::format("{}-{}", entities[e].bstart == b ? "B" : "I",
                            EntityLabelName(entities[e].label));
        }
        AppendLine(out, text.substr(b, x - b), doc.ByteToCp(b), doc.ByteToCp(x), tag);
      }
    }
    out->push_back('\n');
  }
}

void RenderBrat(const Document& doc, const std::vector<Entity>& entities, std::string* out) {
  std::string_view text = doc.text();
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    fmt::format_to(std::back_inserter(*out), "T{}\t{} {} {}\t{}\n", i + 1,
                   EntityLabelName(e.label), e.start, e.end,
                   text.substr(e.bstart, e.bend - e.bstart));
  }
}

}  // namespace relscan
