// Only the CZlib facade's .c file includes zlib; this module exists for its flags.
#include <zlib.h>
