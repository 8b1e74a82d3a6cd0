// capdiff's facade over ICU's number and date parsing. Plain C types only, for the reasons
// given in cicu_text.h: system ICU headers must not reach a Swift module. Every function
// reports ICU's UErrorCode through `err` (> 0 is a failure); cicu_error_name() names it.
#ifndef CICU_NUMBER_H
#define CICU_NUMBER_H
#include <stdint.h>

// Number formats used for parsing, by style: 0 decimal, 1 percent, 2 currency, 3 spelled out
// (ICU's rule-based "spellout": "thirty", «тридцать», «двух»).
typedef struct cicu_numfmt cicu_numfmt;
cicu_numfmt *cicu_numfmt_open(int32_t style, const char *locale, int32_t *err);
void cicu_numfmt_close(cicu_numfmt *fmt);
// Parses text[*pos..len) as a number. On success returns the value and moves *pos past what
// was read; on failure leaves *pos where it was and sets *err (U_PARSE_ERROR).
double cicu_numfmt_parse(cicu_numfmt *fmt, const uint16_t *text, int32_t len, int32_t *pos, int32_t *err);
// The same for an amount of money: `currency` receives the ISO 4217 code (three letters and a
// terminating zero), as ICU recognised it from a symbol, code or name ("$", "USD", «долларов США»).
double cicu_numfmt_parse_currency(cicu_numfmt *fmt, const uint16_t *text, int32_t len, int32_t *pos,
                                  char currency[4], int32_t *err);

// Date formats used for parsing, by ICU date style: 0 full, 1 long, 2 medium, 3 short;
// parsed in UTC, leniently.
typedef struct cicu_datefmt cicu_datefmt;
cicu_datefmt *cicu_datefmt_open(int32_t style, const char *locale, int32_t *err);
// A date format from an ICU pattern ("MMMM d", "d MMMM"), for dates written without a year.
cicu_datefmt *cicu_datefmt_open_pattern(const uint16_t *pattern, int32_t pattern_len, const char *locale, int32_t *err);
void cicu_datefmt_close(cicu_datefmt *fmt);
// Parses text[*pos..len) as a date: returns milliseconds since 1970-01-01 UTC and moves *pos
// past what was read; on failure leaves *pos where it was and sets *err.
double cicu_datefmt_parse(cicu_datefmt *fmt, const uint16_t *text, int32_t len, int32_t *pos, int32_t *err);

#endif
