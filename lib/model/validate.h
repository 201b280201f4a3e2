/* marketgraph: field checks shared by the add functions.  Each check
 * returns MKG_OK or records MKG_EDATA with a message that starts with the
 * record's JSON path and field, as the importer reports it:
 * `actors[3].capacity: must be a number >= 0, got -5`.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_VALIDATE_H
#define MKG_VALIDATE_H

#include "model-private.h"

/* Longest record path ("facilitation[4294967295]") with room to spare. */
#define MKG_PATH_BUFSIZE 64

/* Write "<array>[<index>]" into path. */
void mkg__record_path(char path[MKG_PATH_BUFSIZE], const char *array, size_t index);

/* Optional string: NULL passes; otherwise valid UTF-8 (the C API cannot carry
 * a NUL inside a string, the importer checks that itself). */
int mkg__check_text(const char *path, const char *field, const char *s);
/* Required string: not NULL and, when nonempty is set, not "". */
int mkg__check_required_text(const char *path, const char *field, const char *s, bool nonempty);
/* Optional number: absent (NaN) passes; otherwise finite and >= 0. */
int mkg__check_nonnegative(const char *path, const char *field, double d);
/* Optional date of the format (see mkg__date_parse). */
int mkg__check_date(const char *path, const char *field, const char *s);
/* Optional attributes text; on success *canonical is the text to store
 * (newly allocated, or NULL when s is NULL; trusted text is copied as is). */
int mkg__check_attributes(const char *path, const char *s, unsigned flags, char **canonical);
/* A required actor reference: store its index in *out. */
int mkg__check_actor_ref(const mkg_model *m, const char *path, const char *field,
                         const char *id, mkg_idx *out);
/* Whether there is room for one more record in an array of count records. */
int mkg__check_room(const char *array, size_t count);

#endif /* MKG_VALIDATE_H */
