// capdiff's facade over GMime (MIME and mbox parsing). Plain C types only: glib's and GMime's
// headers stay in the .c files.
#ifndef CGMIME_H
#define CGMIME_H
#include <stdint.h>

// GMime's version as major * 10000 + minor * 100 + micro; initialises GMime on first use.
int32_t cgmime_version(void);

#endif
