// Only the CLibXML2 facade's .c file includes libxml2 (whose headers include ICU's, which clash
// with Foundation's bundled ICU); this module exists for its pkg-config flags.
#include <libxml/xmlversion.h>
