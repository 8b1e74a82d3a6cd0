#include "cicu_charset.h"
#include <stdlib.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

struct cicu_decoder {
    UConverter *converter;
    int32_t invalid;  // counted by the callback during one conversion
};

// Counts each invalid or unmapped byte sequence and writes U+FFFD for it. ICU's own
// substitute callback would write U+001A for charsets whose substitution byte is 0x1A
// (several IBM code pages), which would hide the damage.
static void count_and_replace(const void *context, UConverterToUnicodeArgs *args, const char *units,
                              int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    (void)units;
    (void)length;
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
    cicu_decoder *decoder = (cicu_decoder *)context;
    decoder->invalid++;
    static const UChar replacement = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

cicu_decoder *cicu_decoder_open(const char *charset, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !converter) {
        *err = U_FAILURE(status) ? status : U_INVALID_CHAR_FOUND;
        return NULL;
    }
    cicu_decoder *decoder = calloc(1, sizeof *decoder);
    if (!decoder) { ucnv_close(converter); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    decoder->converter = converter;
    ucnv_setToUCallBack(converter, count_and_replace, decoder, NULL, NULL, &status);
    *err = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return decoder;
}

void cicu_decoder_close(cicu_decoder *decoder) {
    if (!decoder) return;
    ucnv_close(decoder->converter);
    free(decoder);
}

const char *cicu_decoder_name(const cicu_decoder *decoder) {
    UErrorCode status = U_ZERO_ERROR;
    return ucnv_getName(decoder->converter, &status);
}

int32_t cicu_decoder_to_utf8(cicu_decoder *decoder, const char *src, int32_t len, char *dst,
                             int32_t cap, int32_t *invalid, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    decoder->invalid = 0;
    ucnv_resetToUnicode(decoder->converter);
    int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, decoder->converter, dst, cap, src, len, &status);
    *invalid = decoder->invalid;
    *err = (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) ? U_ZERO_ERROR : status;
    return n;
}

struct cicu_detector { UCharsetDetector *detector; };

cicu_detector *cicu_detector_open(int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&status);
    *err = status;
    if (U_FAILURE(status)) return NULL;
    cicu_detector *detector = malloc(sizeof *detector);
    if (!detector) { ucsdet_close(d); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    detector->detector = d;
    return detector;
}

void cicu_detector_close(cicu_detector *detector) {
    if (!detector) return;
    ucsdet_close(detector->detector);
    free(detector);
}

int32_t cicu_detector_detect(cicu_detector *detector, const char *bytes, int32_t len, int32_t strip_markup,
                             const char **names, int32_t *confidences, int32_t cap, int32_t *err) {
    UErrorCode status = U_ZERO_ERROR;
    ucsdet_enableInputFilter(detector->detector, strip_markup ? 1 : 0);
    ucsdet_setText(detector->detector, bytes, len, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector->detector, &found, &status);
    if (U_FAILURE(status) || !matches) { *err = status; return 0; }
    int32_t written = 0;
    for (int32_t i = 0; i < found && written < cap; i++) {
        UErrorCode s = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &s);
        int32_t confidence = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s) || !name) continue;
        names[written] = name;
        confidences[written] = confidence;
        written++;
    }
    // The names stay valid until the next detection (ICU owns them), so the detector keeps
    // its pointer to the caller's bytes; it does not read them again until then.
    *err = U_ZERO_ERROR;
    return written;
}
