/* marketgraph: common definitions shared by every public header.
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_COMMON_H
#define MARKETGRAPH_COMMON_H

#if !defined(MKG_INSIDE) && !defined(MKG_COMPILATION)
#error "Only <marketgraph.h> can be included directly."
#endif

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define MKG_BEGIN_DECLS extern "C" {
#define MKG_END_DECLS }
#else
#define MKG_BEGIN_DECLS
#define MKG_END_DECLS
#endif

/* Symbols are hidden by default; MKG_EXPORT opts a declaration in.  The
 * linker version script (lib/libmarketgraph.map) is the second gate. */
#if defined(MKG_COMPILATION) && defined(__GNUC__)
#define MKG_EXPORT __attribute__((visibility("default")))
#else
#define MKG_EXPORT
#endif

#if defined(__GNUC__)
#define MKG_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define MKG_WARN_UNUSED
#endif

/* An index that names no record (returned for absent references). */
#define MKG_NONE ((size_t)-1)

#endif /* MARKETGRAPH_COMMON_H */
