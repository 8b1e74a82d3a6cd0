// capdiff's facade over ICU's charset converters (ucnv) and charset detector (ucsdet).
// Plain C types only, like cicu_text.h: system ICU headers stay in the .c file. Every
// function reports ICU's UErrorCode through `err` (> 0 is a failure).
#ifndef CICU_CHARSET_H
#define CICU_CHARSET_H
#include <stdint.h>

// A converter from one charset to UTF-8, opened by any name ICU knows for it (MIME names and
// aliases: "koi8-r", "windows-1251", "cp866", "x-mac-cyrillic", ...). Not thread-safe.
typedef struct cicu_decoder cicu_decoder;
cicu_decoder *cicu_decoder_open(const char *charset, int32_t *err);
void cicu_decoder_close(cicu_decoder *decoder);
// ICU's canonical name of the converter ("ibm-878_P100-1996" for koi8-r).
const char *cicu_decoder_name(const cicu_decoder *decoder);
// Converts `len` bytes to UTF-8 in dst. Byte sequences that are invalid or unmapped in the
// charset become U+FFFD and are counted in *invalid. Returns the UTF-8 length; when it
// exceeds `cap`, nothing useful was written and the caller retries with that capacity.
int32_t cicu_decoder_to_utf8(cicu_decoder *decoder, const char *src, int32_t len, char *dst,
                             int32_t cap, int32_t *invalid, int32_t *err);

// ICU's statistical charset detector. Not thread-safe.
typedef struct cicu_detector cicu_detector;
cicu_detector *cicu_detector_open(int32_t *err);
void cicu_detector_close(cicu_detector *detector);
// The likely charsets of `len` bytes, best first: writes up to `cap` names (valid until the
// next call on this detector) and confidences (0-100), and returns how many it wrote.
// strip_markup = 1 ignores <...> tags (HTML) while detecting.
int32_t cicu_detector_detect(cicu_detector *detector, const char *bytes, int32_t len, int32_t strip_markup,
                             const char **names, int32_t *confidences, int32_t cap, int32_t *err);

#endif
