/* id.c - what an id may contain, in one place for the loaders that check
 * ids and the writers that build file names from them. */
#include "id.h"

bool ts_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
