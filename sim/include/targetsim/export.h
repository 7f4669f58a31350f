/* export.h - TS_API marks the functions and data of the public API. The
 * library is compiled with -fvisibility=hidden, so a shared libtargetsim
 * exports exactly what carries TS_API and nothing private. */
#ifndef TARGETSIM_EXPORT_H
#define TARGETSIM_EXPORT_H

#if defined(__GNUC__)
#define TS_API __attribute__((visibility("default")))
#else
#define TS_API
#endif

#endif
