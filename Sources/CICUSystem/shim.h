// Only the CICU facade's .c files include ICU; this module exists for its flags.
#include <unicode/utypes.h>
