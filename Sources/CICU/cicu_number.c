#include "cicu_number.h"
#include <stdlib.h>
#include <unicode/udat.h>
#include <unicode/unum.h>

struct cicu_numfmt { UNumberFormat *f; };

cicu_numfmt *cicu_numfmt_open(int32_t style, const char *locale, int32_t *err) {
    static const UNumberFormatStyle styles[] = {UNUM_DECIMAL, UNUM_PERCENT, UNUM_CURRENCY, UNUM_SPELLOUT};
    if (style < 0 || style > 3) { *err = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(styles[style], NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) { *err = status; return NULL; }
    // Lenient parsing accepts a plain space or a no-break space as the Russian grouping
    // separator, and "15 %" as well as "15%".
    unum_setAttribute(f, UNUM_LENIENT_PARSE, 1);
    cicu_numfmt *r = malloc(sizeof *r);
    if (!r) { unum_close(f); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->f = f;
    *err = U_ZERO_ERROR;
    return r;
}

void cicu_numfmt_close(cicu_numfmt *fmt) {
    if (!fmt) return;
    unum_close(fmt->f);
    free(fmt);
}

double cicu_numfmt_parse(cicu_numfmt *fmt, const uint16_t *text, int32_t len, int32_t *pos, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t p = *pos;
    double value = unum_parseDouble(fmt->f, (const UChar *)text, len, &p, &status);
    // ICU reports U_USING_DEFAULT_WARNING (< 0) for locales without their own data: harmless.
    *err = U_FAILURE(status) ? status : U_ZERO_ERROR;
    if (U_SUCCESS(status)) *pos = p;
    return value;
}

double cicu_numfmt_parse_currency(cicu_numfmt *fmt, const uint16_t *text, int32_t len, int32_t *pos,
                                  char currency[4], int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t p = *pos;
    UChar code[4] = {0};
    double value = unum_parseDoubleCurrency(fmt->f, (const UChar *)text, len, &p, code, &status);
    *err = U_FAILURE(status) ? status : U_ZERO_ERROR;
    for (int i = 0; i < 3; i++) currency[i] = (char)(code[i] < 0x80 ? code[i] : '?');
    currency[3] = 0;
    if (U_SUCCESS(status)) *pos = p;
    return value;
}

struct cicu_datefmt { UDateFormat *f; };

static const UChar utc[] = {'U', 'T', 'C', 0};

// Wraps an opened date format (or reports why it could not be opened).
static cicu_datefmt *wrap_datefmt(UDateFormat *f, UErrorCode status, int32_t *err) {
    if (U_FAILURE(status)) { *err = status; return NULL; }
    // Lenient: ICU's Russian patterns put a narrow no-break space before «г.», which typed
    // text writes as a plain space. Lenient parsing still refuses a lone year or "30 days".
    udat_setLenient(f, 1);
    cicu_datefmt *r = malloc(sizeof *r);
    if (!r) { udat_close(f); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->f = f;
    *err = U_ZERO_ERROR;
    return r;
}

cicu_datefmt *cicu_datefmt_open(int32_t style, const char *locale, int32_t *err) {
    static const UDateFormatStyle styles[] = {UDAT_FULL, UDAT_LONG, UDAT_MEDIUM, UDAT_SHORT};
    if (style < 0 || style > 3) { *err = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, styles[style], locale, utc, -1, NULL, 0, &status);
    return wrap_datefmt(f, status, err);
}

cicu_datefmt *cicu_datefmt_open_pattern(const uint16_t *pattern, int32_t pattern_len, const char *locale, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, (const UChar *)pattern, pattern_len, &status);
    return wrap_datefmt(f, status, err);
}

void cicu_datefmt_close(cicu_datefmt *fmt) {
    if (!fmt) return;
    udat_close(fmt->f);
    free(fmt);
}

double cicu_datefmt_parse(cicu_datefmt *fmt, const uint16_t *text, int32_t len, int32_t *pos, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t p = *pos;
    UDate value = udat_parse(fmt->f, (const UChar *)text, len, &p, &status);
    *err = U_FAILURE(status) ? status : U_ZERO_ERROR;
    if (U_SUCCESS(status)) *pos = p;
    return value;
}
