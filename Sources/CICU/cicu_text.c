#include "cicu_text.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>
#include <unicode/utext.h>

const char *cicu_error_name(int32_t err) { return u_errorName((UErrorCode)err); }

int32_t cicu_nfkc_casefold(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { *err = status; return 0; }
    int32_t n = unorm2_normalize(norm, (const UChar *)src, len, (UChar *)dst, cap, &status);
    *err = status == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : status;
    return n;
}

struct cicu_breaker { UBreakIterator *it; };

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == 1 ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &status);
    *err = status;
    if (U_FAILURE(status)) return NULL;
    cicu_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    return b;
}

void cicu_breaker_close(cicu_breaker *b) {
    if (!b) return;
    ubrk_close(b->it);
    free(b);
}

int32_t cicu_breaker_segments(cicu_breaker *b, const uint16_t *text, int32_t len,
                              int32_t *starts, int32_t *ends, int32_t *statuses, int32_t cap,
                              int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(b->it, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) { *err = status; return 0; }
    int32_t count = 0;
    int32_t start = ubrk_first(b->it);
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE; start = end, end = ubrk_next(b->it)) {
        if (count < cap) {
            starts[count] = start;
            ends[count] = end;
            statuses[count] = ubrk_getRuleStatus(b->it);
        }
        count++;
    }
    // Do not keep a pointer to the caller's buffer past this call.
    static const UChar empty[1] = {0};
    ubrk_setText(b->it, empty, 0, &status);
    *err = U_ZERO_ERROR;
    return count;
}

int32_t cicu_breaker_segments_utf8(cicu_breaker *b, const char *text, int32_t len,
                                   int32_t *starts, int32_t *ends, int32_t *statuses, int32_t cap,
                                   int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, len, &status);
    if (U_FAILURE(status)) { *err = status; return 0; }
    ubrk_setUText(b->it, ut, &status);
    if (U_FAILURE(status)) { utext_close(ut); *err = status; return 0; }
    int32_t count = 0;
    int32_t start = ubrk_first(b->it);
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE; start = end, end = ubrk_next(b->it)) {
        if (count < cap) {
            starts[count] = start;
            ends[count] = end;
            statuses[count] = ubrk_getRuleStatus(b->it);
        }
        count++;
    }
    static const UChar empty[1] = {0};
    ubrk_setText(b->it, empty, 0, &status);
    utext_close(ut);
    *err = U_ZERO_ERROR;
    return count;
}

struct cicu_translit { UTransliterator *t; };

// Wraps an opened transliterator (or reports why it could not be opened).
static cicu_translit *wrap_translit(UTransliterator *t, UErrorCode status, int32_t *err) {
    *err = status;
    if (U_FAILURE(status)) return NULL;
    cicu_translit *r = malloc(sizeof *r);
    if (!r) { utrans_close(t); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->t = t;
    return r;
}

cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_len, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, id_len, UTRANS_FORWARD, NULL, 0, NULL, &status);
    return wrap_translit(t, status, err);
}

cicu_translit *cicu_translit_open_rules(const uint16_t *id, int32_t id_len, const uint16_t *rules,
                                        int32_t rules_len, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    UTransliterator *t = utrans_openU((const UChar *)id, id_len, UTRANS_FORWARD, (const UChar *)rules, rules_len,
                                      &parse, &status);
    return wrap_translit(t, status, err);
}

void cicu_translit_close(cicu_translit *t) {
    if (!t) return;
    utrans_close(t->t);
    free(t);
}

int32_t cicu_translit_apply(cicu_translit *t, uint16_t *buf, int32_t len, int32_t cap, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t limit = len;
    int32_t textLength = len;
    utrans_transUChars(t->t, (UChar *)buf, &textLength, cap, 0, &limit, &status);
    *err = status == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : status;
    return textLength;
}

struct cicu_spoof { USpoofChecker *sc; };

cicu_spoof *cicu_spoof_open(int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&status);
    if (U_SUCCESS(status)) {
        uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL, &status);
        uspoof_setRestrictionLevel(sc, USPOOF_MODERATELY_RESTRICTIVE);
    }
    *err = status;
    if (U_FAILURE(status)) { if (sc) uspoof_close(sc); return NULL; }
    cicu_spoof *r = malloc(sizeof *r);
    if (!r) { uspoof_close(sc); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->sc = sc;
    return r;
}

void cicu_spoof_close(cicu_spoof *s) {
    if (!s) return;
    uspoof_close(s->sc);
    free(s);
}

int32_t cicu_spoof_mixed_script(cicu_spoof *s, const uint16_t *text, int32_t len, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t result = uspoof_check2(s->sc, (const UChar *)text, len, NULL, &status);
    *err = status;
    if (U_FAILURE(status)) return 0;
    return (result & USPOOF_RESTRICTION_LEVEL) ? 1 : 0;
}

int32_t cicu_spoof_skeleton(cicu_spoof *s, const uint16_t *text, int32_t len, uint16_t *dst,
                            int32_t cap, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton(s->sc, 0, (const UChar *)text, len, (UChar *)dst, cap, &status);
    *err = status == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : status;
    return n;
}
