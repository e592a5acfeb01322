// English stems: the Snowball (Porter 2) English stemmer of libstemmer.
//
//   Stemmer stemmer;                        // one per thread
//   stemmer.Stem("negotiations");           // "negoti"
//
// Input is a folded (lowercase) UTF-8 word; Snowball's English algorithm
// expects lowercase and leaves other scripts alone.
#ifndef RELSCAN_STEMMER_H_
#define RELSCAN_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace relscan {

/// Stems English words with Snowball's English algorithm.
///
/// Holds a libstemmer object, which is not thread-safe: one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// Returns the stem of a lowercase word (the word itself if it cannot be stemmed).
  std::string Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace relscan

#endif  // RELSCAN_STEMMER_H_
