// capdiff's facade over ICU's text services. Plain C types only: system ICU headers must not
// reach a Swift module (Foundation on Linux bundles its own ICU, and ICU renames its functions
// with version suffixes through macros that Swift cannot call). Every function reports ICU's
// UErrorCode through `err` (> 0 is a failure); cicu_error_name() turns it into text.
// Number and date parsing live beside this file, in cicu_number.h.
#ifndef CICU_TEXT_H
#define CICU_TEXT_H
#include <stdint.h>

const char *cicu_error_name(int32_t err);

// NFKC with case folding (ICU's "nfkc_cf"). Returns the length needed; writes up to `cap`.
int32_t cicu_nfkc_casefold(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err);

// Word (kind 0) and sentence (kind 1) break iterators.
typedef struct cicu_breaker cicu_breaker;
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *err);
void cicu_breaker_close(cicu_breaker *breaker);
// Splits `text` into segments; for each, its UTF-16 start and end and the rule status
// (for words: 0 = none/punctuation/space, 100.. = number, 200.. = letter, 300.. = kana, 400.. = ideo).
// Returns the number of segments, or the count needed when it exceeds `cap`.
int32_t cicu_breaker_segments(cicu_breaker *breaker, const uint16_t *text, int32_t len,
                              int32_t *starts, int32_t *ends, int32_t *statuses, int32_t cap,
                              int32_t *err);

// The same over UTF-8 text (through UText), with UTF-8 offsets: Swift slices UTF-8 in O(1).
int32_t cicu_breaker_segments_utf8(cicu_breaker *breaker, const char *text, int32_t len,
                                   int32_t *starts, int32_t *ends, int32_t *statuses, int32_t cap,
                                   int32_t *err);

// Transliterators by ICU id ("Russian-Latin/BGN", "Latin-Cyrillic", ...).
typedef struct cicu_translit cicu_translit;
cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_len, int32_t *err);
// A transliterator compiled from rules (ICU rule syntax). Unlike opening by id, this does not
// build ICU's transliterator registry, which costs about 10 ms the first time.
cicu_translit *cicu_translit_open_rules(const uint16_t *id, int32_t id_len, const uint16_t *rules,
                                        int32_t rules_len, int32_t *err);
void cicu_translit_close(cicu_translit *translit);
// Transliterates buf[0..len) in place; returns the new length (which may exceed cap:
// then nothing useful was written and the caller retries with a larger buffer).
int32_t cicu_translit_apply(cicu_translit *translit, uint16_t *buf, int32_t len, int32_t cap,
                            int32_t *err);

// Spoof checker: a word mixing Cyrillic and Latin letters fails ICU's "moderately
// restrictive" level (which allows Latin with most scripts, but not with Cyrillic or Greek).
typedef struct cicu_spoof cicu_spoof;
cicu_spoof *cicu_spoof_open(int32_t *err);
void cicu_spoof_close(cicu_spoof *spoof);
// 1 when the text fails the restriction level, 0 when it passes.
int32_t cicu_spoof_mixed_script(cicu_spoof *spoof, const uint16_t *text, int32_t len, int32_t *err);
// The confusable skeleton (UTS #39); returns the length needed.
int32_t cicu_spoof_skeleton(cicu_spoof *spoof, const uint16_t *text, int32_t len, uint16_t *dst,
                            int32_t cap, int32_t *err);

#endif
