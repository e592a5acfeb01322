// Snowball English stems through libstemmer.
#include "relscan/stemmer.h"

#include <libstemmer.h>

namespace relscan {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::Stem(std::string_view word) {
  if (stemmer_ == nullptr || word.empty()) return std::string(word);
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  if (s == nullptr) return std::string(word);  // out of memory: unstemmed
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace relscan
